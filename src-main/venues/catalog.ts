/**
 * The venues the terminal knows about. Live venues come from their connector adapters, so the
 * capabilities shown in the UI are the ones the connector declares. The simulated venue is always
 * present; live venues are listed whether or not they are enabled so the UI can offer them.
 */
import type { VenueCapabilities } from '../../src-shared/contract';
import type { VenueKind } from '../../src-shared/domain';
import { asterAdapter } from './aster/connector';
import { binanceAdapter } from './binance/connector';
import { bybitAdapter } from './bybit/connector';
import { coinbaseAdapter } from './coinbase/connector';
import { binanceUsdmAdapter } from './binance-usdm/connector';
import type { VenueAdapter } from './kit';
import { hyperliquidAdapter } from './hyperliquid/connector';
import { krakenAdapter } from './kraken/connector';
import { lighterAdapter } from './lighter/connector';
import { okxAdapter } from './okx/connector';

export interface VenueDescriptor {
  readonly id: string;
  readonly name: string;
  readonly kind: VenueKind;
  readonly capabilities: VenueCapabilities;
  /** The live connector's protocol; absent for the simulated venue. */
  readonly adapter?: VenueAdapter;
}

const full = { fullDepthStream: true, bboStream: true, restDepth: true, trades: true };

export const LIVE_ADAPTERS: readonly VenueAdapter[] = [
  binanceAdapter,
  binanceUsdmAdapter,
  hyperliquidAdapter,
  lighterAdapter,
  asterAdapter,
  bybitAdapter,
  okxAdapter,
  coinbaseAdapter,
  krakenAdapter,
];

export const VENUE_CATALOG: readonly VenueDescriptor[] = [
  { id: 'sim', name: 'Simulated venue', kind: 'simulated', capabilities: full },
  ...LIVE_ADAPTERS.map((adapter): VenueDescriptor => ({
    id: adapter.venue,
    name: adapter.name,
    kind: 'live',
    capabilities: adapter.capabilities,
    adapter,
  })),
];
