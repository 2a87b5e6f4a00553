/**
 * The application frame: top bar (brand, clock), feed-health strip, the docking workspace, the
 * status bar (transport, version), and the keyboard overlays (command palette, cheat sheet).
 */
import { useClient, usePortStatus, useRequest } from '../../ipc/hooks';
import { ServerClock } from '../clock/ServerClock';
import { HealthStrip } from '../health/HealthStrip';
import { CheatSheet } from '../hotkeys/CheatSheet';
import { CommandPalette } from '../hotkeys/CommandPalette';
import { HotkeysProvider, useHotkeys } from '../hotkeys/HotkeysContext';
import { useSelect } from '../instrument/selection';
import { Workspace } from '../workspace/Workspace';

const PORT_DOT = { open: 'ok', connecting: 'pending', closed: 'down' } as const;

export function AppShell() {
  const select = useSelect();
  return (
    <HotkeysProvider>
      <div className="shell">
        <TopBar />
        <HealthStrip
          onSelect={(venue, symbol) => select({ venue, symbol } as Parameters<typeof select>[0])}
        />
        <main className="workspace">
          <Workspace />
        </main>
        <StatusBar />
      </div>
      <CommandPalette />
      <CheatSheet />
    </HotkeysProvider>
  );
}

function TopBar() {
  const { setOverlay } = useHotkeys();
  return (
    <header className="topbar">
      <div className="brand">
        DEPTH<span>LINE</span>
      </div>
      <span className="spacer" />
      <button type="button" className="ghost" onClick={() => setOverlay('palette')} title="Command palette">
        Commands
      </button>
      <button
        type="button"
        className="ghost"
        onClick={() => setOverlay('cheatsheet')}
        title="Keyboard shortcuts (?)"
      >
        ?
      </button>
      <ServerClock />
    </header>
  );
}

function StatusBar() {
  const client = useClient();
  const status = usePortStatus();
  const info = useRequest('system.info', {}, status);
  return (
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
  );
}
