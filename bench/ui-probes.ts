/**
 * In-page probes for `bench/ui.bench.ts`, run through Playwright's `page.evaluate`. They use a
 * few browser globals, described by the small interfaces below (the bench is type-checked with
 * Node's libs only). Frame rate: rAF timestamps over a window. Input to render: the keydown's
 * event time to the first frame painted after the DOM shows the expected change (rAF after the
 * mutation, then a message posted from that rAF, which runs once the frame is presented).
 */

/** A DOM condition: an element matching `selector` exists (or not) with `attr` equal to `equals`. */
export interface DomCondition {
  readonly selector: string;
  readonly attr?: string;
  readonly equals?: string;
  readonly absent?: boolean;
}

export interface LatencySample {
  /** Keydown to each condition first holding in the DOM, then painted, ms. */
  readonly painted: readonly number[];
  readonly timedOut: boolean;
}

interface ElementLike {
  getAttribute(name: string): string | null;
}
interface PageGlobals {
  requestAnimationFrame(callback: (time: number) => void): number;
  performance: { now(): number };
  document: { querySelector(selector: string): ElementLike | null; body: unknown };
  addEventListener(type: string, listener: (event: { timeStamp: number }) => void, options?: unknown): void;
  MutationObserver: new (callback: () => void) => {
    observe(target: unknown, options: unknown): void;
    disconnect(): void;
  };
  MessageChannel: new () => {
    port1: { onmessage: (() => void) | null };
    port2: { postMessage(value: unknown): void };
  };
  setTimeout(callback: () => void, ms: number): number;
  __uiBench?: { keyAt: number; result?: Promise<LatencySample> };
}

/** rAF timestamps for `seconds`. */
export function collectFrames(seconds: number): Promise<number[]> {
  const w = globalThis as unknown as PageGlobals;
  return new Promise((resolve) => {
    const times: number[] = [];
    const end = w.performance.now() + seconds * 1000;
    const tick = (t: number) => {
      times.push(t);
      if (t < end) w.requestAnimationFrame(tick);
      else resolve(times);
    };
    w.requestAnimationFrame(tick);
  });
}

/** Records the time of every keydown (capture phase, before the app's own handlers). */
export function installKeyClock(): void {
  const w = globalThis as unknown as PageGlobals;
  if (w.__uiBench) return;
  const state = { keyAt: -1 };
  w.__uiBench = state;
  w.addEventListener('keydown', (event) => (state.keyAt = event.timeStamp), { capture: true });
}

/**
 * Arms a measurement: resolves once every condition has held (in order) and been painted, with the
 * times from the next keydown. Call, then press the key, then read `__uiBench.result`.
 */
export function armLatency(args: { conditions: readonly DomCondition[]; timeoutMs: number }): void {
  const w = globalThis as unknown as PageGlobals;
  const state = w.__uiBench!;
  state.keyAt = -1;
  const holds = (c: DomCondition) => {
    const el = w.document.querySelector(c.selector);
    if (c.absent) return el === null;
    if (!el) return false;
    return c.attr === undefined || el.getAttribute(c.attr) === c.equals;
  };
  state.result = new Promise<LatencySample>((resolve) => {
    const painted: number[] = [];
    let next = 0;
    let done = false;
    const finish = (timedOut: boolean) => {
      if (done) return;
      done = true;
      observer.disconnect();
      resolve({ painted, timedOut });
    };
    const check = () => {
      if (state.keyAt < 0) return;
      while (next < args.conditions.length && holds(args.conditions[next]!)) {
        next += 1;
        const index = painted.length;
        painted.push(NaN);
        w.requestAnimationFrame(() => {
          const channel = new w.MessageChannel();
          channel.port1.onmessage = () => {
            painted[index] = w.performance.now() - state.keyAt;
            if (painted.every((p) => !Number.isNaN(p)) && painted.length === args.conditions.length)
              finish(false);
          };
          channel.port2.postMessage(0);
        });
      }
    };
    const observer = new w.MutationObserver(check);
    observer.observe(w.document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true,
    });
    w.addEventListener('keydown', () => w.setTimeout(check, 0), { capture: true, once: true });
    w.setTimeout(() => finish(true), args.timeoutMs);
  });
}

export function readLatency(): Promise<LatencySample> | undefined {
  return (globalThis as unknown as PageGlobals).__uiBench?.result;
}
