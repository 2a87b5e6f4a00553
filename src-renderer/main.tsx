import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppShell } from './features/shell/AppShell';
import { connect } from './ipc/connect';
import { ClientContext } from './ipc/hooks';
import './ui/theme.css';

const client = connect();
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

createRoot(root).render(
  <StrictMode>
    <ClientContext.Provider value={client}>
      <AppShell />
    </ClientContext.Provider>
  </StrictMode>,
);
