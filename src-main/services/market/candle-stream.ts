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
import { StreamWatch, type MarketStreamDeps } from './stream-deps';

export interface CandleStreamDeps extends MarketStreamDeps {
  readonly candles: CandleBook;
}

export function candleStreamOpener(deps: CandleStreamDeps): StreamOpener<'market.candles'> {
  return (params, emit) => {
    const opened = StreamWatch.of(deps, params.venue, params.symbol);
    if (!opened.ok) return opened;
    const watch = opened.value;
    const c = watch.connector;
    let stopListening: Disposer = () => {};
    let changed = new Map<number, Candle>();
    const coalescer = new Coalescer(deps.clock, deps.timers, deps.intervalMs, () => {
      if (changed.size === 0) return;
      const batch = [...changed.values()].sort((a, b) => a.openTime - b.openTime);
      changed = new Map();
      emit({ candles: batch });
    });
    watch.start((symbol) => {
      stopListening = deps.candles.listen(c.venue, symbol, params.intervalSec, (candle) => {
        changed.set(candle.openTime, candle);
        coalescer.poke();
      });
    });
    return ok({
      snapshot: () => ({ candles: deps.candles.candles(c.venue, watch.symbol, params.intervalSec) }),
      dispose: () => {
        coalescer.dispose();
        stopListening();
        watch.close();
      },
    });
  };
}
