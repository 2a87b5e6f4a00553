import { describe, expect, it } from 'vitest';
import type { StreamState } from '../../../src-renderer/ipc/client';
import { StreamStore, type StreamSource } from '../../../src-renderer/ipc/stream-store';
import { manualFrames, manualTimers } from '../manual-scheduling';

type Listener = (state: StreamState<unknown>) => void;

function fakeSource() {
  const subs = new Map<number, { name: string; params: unknown; listener: Listener }>();
  let next = 1;
  const source: StreamSource = {
    subscribe(name, params, listener) {
      const id = next++;
      subs.set(id, { name, params, listener: listener as Listener });
      return () => subs.delete(id);
    },
  };
  const emit = (data: unknown, status: StreamState<unknown>['status'] = 'live') => {
    for (const s of subs.values()) s.listener({ data, status, error: undefined, resyncs: 0 });
  };
  return { source, subs, emit };
}

const book = { venue: 'binance', symbol: 'BTCUSDT', depth: 20 } as const;

describe('StreamStore', () => {
  it('shares one subscription between readers of the same stream and params', () => {
    const { source, subs } = fakeSource();
    const store = new StreamStore(source, manualFrames().scheduler, manualTimers().api);
    const a = store.entry('market.book', book as never);
    const b = store.entry('market.book', book as never);
    expect(a).toBe(b);
    a.subscribe(() => {});
    b.subscribe(() => {});
    expect(subs.size).toBe(1);
    store.entry('market.book', { ...book, depth: 50 } as never).subscribe(() => {});
    expect(subs.size).toBe(2);
  });

  it('renders at most once per frame: many states, one commit of the newest', () => {
    const { source, emit } = fakeSource();
    const frames = manualFrames();
    const store = new StreamStore(source, frames.scheduler, manualTimers().api);
    const entry = store.entry('system.clock', {});
    let notified = 0;
    entry.subscribe(() => notified++);
    emit({ n: 0 }); // first data: shown at once
    expect(notified).toBe(1);
    for (let i = 1; i <= 100; i++) emit({ n: i });
    expect(notified).toBe(1);
    frames.frame();
    expect(notified).toBe(2);
    expect(entry.getSnapshot().data).toEqual({ n: 100 });
    emit({ n: 101 }, 'connecting'); // a status change is not held back
    expect(notified).toBe(3);
  });

  it('keeps the subscription through a short absence of readers, then releases it', () => {
    const { source, subs } = fakeSource();
    const timers = manualTimers();
    const store = new StreamStore(source, manualFrames().scheduler, timers.api, 1000);
    const entry = store.entry('system.clock', {});
    const stop = entry.subscribe(() => {});
    stop();
    timers.advance(500);
    const again = entry.subscribe(() => {});
    timers.advance(2000);
    expect(subs.size).toBe(1);
    again();
    timers.advance(999);
    expect(subs.size).toBe(1);
    timers.advance(1);
    expect(subs.size).toBe(0);
    expect(store.size).toBe(0);
  });
});
