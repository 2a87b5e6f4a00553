/** Hand-driven frames and timers for renderer stores: tests decide when a frame or a delay passes. */
import type { FrameScheduler } from '../../src-renderer/ipc/frame-coalescer';
import type { LingerTimers } from '../../src-renderer/ipc/shared-source';

export function manualFrames() {
  let queue: Array<() => void> = [];
  const scheduler: FrameScheduler = {
    request(callback) {
      queue.push(callback);
      return () => {
        queue = queue.filter((c) => c !== callback);
      };
    },
  };
  return {
    scheduler,
    pending: () => queue.length,
    frame() {
      const run = queue;
      queue = [];
      for (const c of run) c();
    },
  };
}

export function manualTimers() {
  let timers: Array<{ at: number; callback: () => void }> = [];
  let now = 0;
  const api: LingerTimers = {
    after(ms, callback) {
      const t = { at: now + ms, callback };
      timers.push(t);
      return () => {
        timers = timers.filter((x) => x !== t);
      };
    },
  };
  return {
    api,
    advance(ms: number) {
      now += ms;
      const due = timers.filter((t) => t.at <= now);
      timers = timers.filter((t) => t.at > now);
      for (const t of due) t.callback();
    },
  };
}
