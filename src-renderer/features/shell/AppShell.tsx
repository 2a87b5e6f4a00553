/**
 * The application frame: top bar (brand, instrument picker with its PAPER / LIVE DATA badge, the
 * trading strip with target, arm switch, cancel scope and notices, clock), feed-health strip, the
 * docking workspace, the status bar (transport, version), and the overlays (command palette,
 * cheat sheet, order confirmation). Trading state wraps it all (TradingProvider). A first start
 * with a watched book selects it, so the panels have something to show.
 */
import { useEffect } from 'react';
import type { InstrumentSelection } from '../../../src-shared/contract';
import { useClient, usePortStatus, useRequest } from '../../ipc/hooks';
import { ServerClock } from '../clock/ServerClock';
import { HealthStrip } from '../health/HealthStrip';
import { CheatSheet } from '../hotkeys/CheatSheet';
import { CommandPalette } from '../hotkeys/CommandPalette';
import { HotkeysProvider, useHotkeys } from '../hotkeys/HotkeysContext';
import { InstrumentPicker } from '../instrument/InstrumentPicker';
import { DEFAULT_SELECTION, useChosenSelection, useSelect } from '../instrument/selection';
import { useFrameStream } from '../market/market-hooks';
import { OrderConfirm } from '../trading/OrderConfirm';
import { TradingProvider } from '../trading/TradingContext';
import { TradingKeys } from '../trading/TradingKeys';
import { TradingStrip } from '../trading/TradingStrip';
import { Workspace } from '../workspace/Workspace';

const PORT_DOT = { open: 'ok', connecting: 'pending', closed: 'down' } as const;

export function AppShell() {
  const select = useSelect();
  return (
    <HotkeysProvider>
      <FirstSelection />
      <TradingProvider>
        <TradingKeys />
        <div className="shell">
          <TopBar />
          <HealthStrip onSelect={(venue, symbol) => select({ venue, symbol } as InstrumentSelection)} />
          <main className="workspace">
            <Workspace />
          </main>
          <StatusBar />
        </div>
        <CommandPalette />
        <CheatSheet />
        <OrderConfirm />
      </TradingProvider>
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
      <InstrumentPicker />
      <TradingStrip />
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

/**
 * With nothing chosen yet, the first watched live book becomes the linked instrument (the user
 * enabled that venue to see it); with no live venue watched, the simulated venue's default.
 */
function FirstSelection() {
  const chosen = useChosenSelection();
  const select = useSelect();
  const health = useFrameStream('market.health', chosen ? null : {});
  const books = health.data?.venues.flatMap((v) =>
    v.books.map((b) => ({ venue: v.venue, symbol: b.symbol })),
  );
  const first =
    books?.find((b) => b.venue !== DEFAULT_SELECTION.venue) ?? (books ? DEFAULT_SELECTION : undefined);
  useEffect(() => {
    if (!chosen && first) select(first as InstrumentSelection);
  }, [chosen, first, select]);
  return null;
}
