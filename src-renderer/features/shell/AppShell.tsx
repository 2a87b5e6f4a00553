/** The application frame: top bar (brand, clock), workspace, status bar (transport, version). */
import { useState } from 'react';
import { useClient, usePortStatus, useRequest } from '../../ipc/hooks';
import { BookPanel, type BookSelection } from '../book/BookPanel';
import { ServerClock } from '../clock/ServerClock';
import { HealthStrip } from '../health/HealthStrip';
import { VenueList } from '../venues/VenueList';

const PORT_DOT = { open: 'ok', connecting: 'pending', closed: 'down' } as const;

export function AppShell() {
  const client = useClient();
  const status = usePortStatus();
  const info = useRequest('system.info', {}, status);
  const [selection, setSelection] = useState<BookSelection | null>(null);
  return (
    <div className="shell">
      <header className="topbar">
        <div className="brand">
          DEPTH<span>LINE</span>
        </div>
        <span className="spacer" />
        <ServerClock />
      </header>
      <HealthStrip onSelect={(venue, symbol) => setSelection({ venue, symbol })} />
      <main className="workspace">
        <VenueList />
        <BookPanel selection={selection} onSelect={setSelection} />
      </main>
      <footer className="statusbar" data-testid="statusbar">
        <span data-testid="connection-status">
          <span className={`dot ${PORT_DOT[status]}`} />
          {client.transport === 'ipc' ? 'IPC' : 'WebSocket'} {status}
        </span>
        {info?.ok && (
          <>
            <span>{info.value.runtime === 'electron' ? 'Desktop' : 'Headless host'}</span>
            <span>v{info.value.version}</span>
          </>
        )}
      </footer>
    </div>
  );
}
