/** USD-M depth updates carry pu, which becomes the kit's `prev` for the pu == prev.u rule. */
import type { z } from 'zod';
import { levels, type DepthSpec } from '../binance/parse';
import { FuturesDepthUpdate } from './messages';

export const futuresDepthSpec: DepthSpec<typeof FuturesDepthUpdate> = {
  schema: FuturesDepthUpdate,
  toMessage: (d: z.output<typeof FuturesDepthUpdate>) => ({
    symbol: d.s,
    message: {
      kind: 'delta',
      first: d.U,
      last: d.u,
      prev: d.pu,
      venueTime: d.E,
      bids: levels(d.b),
      asks: levels(d.a),
    },
  }),
};
