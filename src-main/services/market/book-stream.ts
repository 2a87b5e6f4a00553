/**
 * The `market.book` stream: coalesced book views of one (venue, symbol), at most one per
 * `intervalMs` plus a heartbeat (so ages and staleness stay current), never a queue. A venue with
 * a full-depth stream is read from its connector's book state; a REST-only venue is polled every
 * `restPollMs` and shows its last snapshot, stale when a poll fails. Holds a watch on the symbol
 * while open.
 */
import type { BookView } from '../../../src-shared/contract';
import { ok } from '../../../src-shared/result';
import type { Disposer } from '../../core/ports';
import type { StreamOpener } from '../../rpc/handlers';
import type { DepthSnapshot } from '../../venues/kit';
import { viewFromRest, viewFromState } from './book-view';
import { Coalescer } from './coalescer';
import { StreamWatch, type MarketStreamDeps } from './stream-deps';

export interface BookStreamDeps extends MarketStreamDeps {
  readonly heartbeatMs: number;
  readonly restPollMs: number;
}

export function bookStreamOpener(deps: BookStreamDeps): StreamOpener<'market.book'> {
  return (params, emit) => {
    const opened = StreamWatch.of(deps, params.venue, params.symbol);
    if (!opened.ok) return opened;
    const watch = opened.value;
    const c = watch.connector;
    let rest: { snapshot: DepthSnapshot | null; status: BookView['status']; note?: string } = {
      snapshot: null,
      status: 'resyncing',
    };
    const restOnly = !c.capabilities.fullDepthStream;
    const view = (): BookView => {
      const symbol = watch.symbol;
      if (restOnly) return viewFromRest(c.venue, symbol, rest.snapshot, rest.status, params.depth, rest.note);
      return viewFromState(c.venue, symbol, c.bookState(symbol), params.depth, params.grouping);
    };
    const coalescer = new Coalescer(deps.clock, deps.timers, deps.intervalMs, () => emit(view()));
    const stops: Disposer[] = [
      c.onBookChange((s) => {
        if (s === watch.symbol) coalescer.poke();
      }),
      deps.timers.every(deps.heartbeatMs, () => coalescer.poke()),
    ];
    const poll = async () => {
      const depth = await c.depth(watch.symbol, params.depth);
      if (watch.closed) return;
      rest = depth.ok
        ? { snapshot: depth.value, status: 'live' }
        : { snapshot: rest.snapshot, status: rest.snapshot ? 'stale' : 'invalid', note: depth.error.message };
      coalescer.poke();
    };
    watch.start(
      () => {
        coalescer.poke();
        if (restOnly) {
          void poll();
          stops.push(deps.timers.every(deps.restPollMs, () => void poll()));
        }
      },
      (error) => {
        rest = { snapshot: null, status: 'invalid', note: error.message };
        coalescer.poke();
      },
    );
    return ok({
      snapshot: view,
      dispose: () => {
        coalescer.dispose();
        for (const stop of stops) stop();
        watch.close();
      },
    });
  };
}
