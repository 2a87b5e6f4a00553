/** Real implementations of the core ports for a running process (Node or Electron main). */
import { performance } from 'node:perf_hooks';
import type { Clock, Disposer, Timers } from '../core/ports';

export const systemClock: Clock = {
  now: () => Date.now(),
  monotonic: () => performance.now(),
};

export const nodeTimers: Timers = {
  every(ms: number, fn: () => void): Disposer {
    const handle = setInterval(fn, ms);
    handle.unref();
    return () => clearInterval(handle);
  },
  after(ms: number, fn: () => void): Disposer {
    const handle = setTimeout(fn, ms);
    handle.unref();
    return () => clearTimeout(handle);
  },
};
