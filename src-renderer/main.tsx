import 'dockview-react/dist/styles/dockview.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppShell } from './features/shell/AppShell';
import { PrefsContext } from './features/prefs/PrefsContext';
import { PrefsStore } from './features/prefs/prefs-store';
import { connect } from './ipc/connect';
import { ClientContext } from './ipc/hooks';
import './ui/theme.css';

const client = connect();
const prefs = new PrefsStore(client);
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

// The saved layout must be known before the workspace lays itself out.
void prefs.load().then(() => {
  window.addEventListener('beforeunload', () => void prefs.save());
  createRoot(root).render(
    <StrictMode>
      <ClientContext.Provider value={client}>
        <PrefsContext.Provider value={prefs}>
          <AppShell />
        </PrefsContext.Provider>
      </ClientContext.Provider>
    </StrictMode>,
  );
});
