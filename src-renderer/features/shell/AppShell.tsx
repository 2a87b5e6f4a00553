/** The application frame: top bar (brand, clock), workspace, status bar (transport, version). */
import { useClient, usePortStatus, useRequest } from '../../ipc/hooks';
import { ServerClock } from '../clock/ServerClock';
import { VenueList } from '../venues/VenueList';

const PORT_DOT = { open: 'ok', connecting: 'pending', closed: 'down' } as const;

export function AppShell() {
  const client = useClient();
  const status = usePortStatus();
  const info = useRequest('system.info', {}, status);
  return (
    <div className="shell">
      <header className="topbar">
        <div className="brand">
          DEPTH<span>LINE</span>
        </div>
        <span className="spacer" />
        <ServerClock />
      </header>
      <main className="workspace">
        <VenueList />
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
