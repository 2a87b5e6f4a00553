/**
 * The venues the terminal knows about, with what each one's market-data path can deliver.
 * The simulated venue is always present; live venues are listed whether or not they are enabled
 * so the UI can offer them.
 */
import type { VenueCapabilities } from '../../src-shared/contract';
import type { VenueKind } from '../../src-shared/domain';

export interface VenueDescriptor {
  readonly id: string;
  readonly name: string;
  readonly kind: VenueKind;
  readonly capabilities: VenueCapabilities;
}

const full = { fullDepthStream: true, bboStream: true, restDepth: true, trades: true };

export const VENUE_CATALOG: readonly VenueDescriptor[] = [
  { id: 'sim', name: 'Simulated venue', kind: 'simulated', capabilities: full },
  { id: 'binance', name: 'Binance Spot', kind: 'live', capabilities: full },
  { id: 'binance-usdm', name: 'Binance USD-M Futures', kind: 'live', capabilities: full },
  {
    id: 'hyperliquid',
    name: 'Hyperliquid',
    kind: 'live',
    // l2Book pushes whole top-N snapshots, which is full depth up to 20 levels.
    capabilities: full,
  },
  { id: 'lighter', name: 'Lighter', kind: 'live', capabilities: full },
  {
    id: 'aster',
    name: 'Aster Futures',
    kind: 'live',
    capabilities: { fullDepthStream: false, bboStream: true, restDepth: true, trades: true },
  },
  { id: 'bybit', name: 'Bybit (linear)', kind: 'live', capabilities: full },
  { id: 'okx', name: 'OKX', kind: 'live', capabilities: full },
];
