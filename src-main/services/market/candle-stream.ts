/**
 * The `market.candles` stream: the candle book's recent candles of one (venue, symbol, interval),
 * then each candle that changed, at most one batch per `intervalMs` (a candle changed several
 * times between flushes is sent once, in its newest state). Holds a watch on the symbol while open.
 */
import { ok } from '../../../src-shared/result';
import type { Candle } from '../../core/candles';
import type { Disposer } from '../../core/ports';
import type { StreamOpener } from '../../rpc/handlers';
import type { CandleBook } from './candle-book';
import { Coalescer } from './coalescer';
import type { MarketStreamDeps } from './stream-deps';

export interface CandleStreamDeps extends MarketStreamDeps {
  readonly candles: CandleBook;
}

export function candleStreamOpener(deps: CandleStreamDeps): StreamOpener<'market.candles'> {
  return (params, emit) => {
    const connector = deps.connectorFor(params.venue);
    if (!connector.ok) return connector;
    const c = connector.value;
    let symbol = params.symbol;
    let acquired = false;
    let closed = false;
    let stopListening: Disposer = () => {};
    let changed = new Map<number, Candle>();
    const coalescer = new Coalescer(deps.clock, deps.timers, deps.intervalMs, () => {
      if (changed.size === 0) return;
      const batch = [...changed.values()].sort((a, b) => a.openTime - b.openTime);
      changed = new Map();
      emit({ candles: batch });
    });
    void deps.acquire(c, params.symbol).then((result) => {
      if (!result.ok || closed) {
        if (result.ok) deps.release(c, result.value);
        return;
      }
      acquired = true;
      symbol = result.value;
      stopListening = deps.candles.listen(c.venue, symbol, params.intervalSec, (candle) => {
        changed.set(candle.openTime, candle);
        coalescer.poke();
      });
    });
    return ok({
      snapshot: () => ({ candles: deps.candles.candles(c.venue, symbol, params.intervalSec) }),
      dispose: () => {
        closed = true;
        coalescer.dispose();
        stopListening();
        if (acquired) deps.release(c, symbol);
      },
    });
  };
}
