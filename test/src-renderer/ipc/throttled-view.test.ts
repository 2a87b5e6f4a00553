import { describe, expect, it } from 'vitest';
import { ThrottledView, type ExternalSource } from '../../../src-renderer/ipc/throttled-view';
import { manualTimers } from '../manual-scheduling';

function counterSource() {
  let value = 0;
  const listeners = new Set<() => void>();
  const source: ExternalSource<number> = {
    subscribe(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    getSnapshot: () => value,
  };
  return {
    source,
    listeners,
    set(v: number) {
      value = v;
      for (const l of listeners) l();
    },
  };
}

describe('ThrottledView', () => {
  it('tells readers at most once per interval, and never loses the newest value', () => {
    const timers = manualTimers();
    let now = 0;
    const { source, set, listeners } = counterSource();
    const view = new ThrottledView(source, 250, timers.api, () => now);
    const seen: number[] = [];
    const stop = view.subscribe(() => seen.push(view.getSnapshot()));
    set(1); // first change: told at once
    for (let v = 2; v <= 30; v++) {
      now += 10;
      timers.advance(10);
      set(v);
    }
    now += 300;
    timers.advance(300);
    expect(seen[0]).toBe(1);
    expect(seen.at(-1)).toBe(30); // the trailing update arrived
    expect(seen.length).toBeLessThanOrEqual(3); // 290 ms of changes at a 250 ms interval
    expect(view.getSnapshot()).toBe(30);
    stop();
    expect(listeners.size).toBe(0);
  });

  it('a reader that joins sees the current value at once', () => {
    const { source, set } = counterSource();
    set(7);
    const view = new ThrottledView(source, 250, manualTimers().api, () => 0);
    view.subscribe(() => {});
    expect(view.getSnapshot()).toBe(7);
  });
});
