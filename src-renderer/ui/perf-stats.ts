/**
 * Counters that show whether coalescing works: stream states received from the contract client
 * versus states committed to React, and renders per component. Readable by `npm run bench:ui`
 * (and by anyone in the devtools console) as `window.__depthlinePerf`. Counting is a few integer
 * increments; nothing is sampled, timed or sent anywhere.
 */

export interface PerfStats {
  /** Stream states received from the client, per stream name. */
  readonly received: Record<string, number>;
  /** Stream states committed to React (at most one per frame per stream), per stream name. */
  readonly committed: Record<string, number>;
  /** Render function calls per component. */
  readonly renders: Record<string, number>;
}

export const perfStats: PerfStats = { received: {}, committed: {}, renders: {} };

export function count(table: Record<string, number>, key: string): void {
  table[key] = (table[key] ?? 0) + 1;
}

declare global {
  interface Window {
    __depthlinePerf?: PerfStats;
  }
}

if (typeof window === 'object') window.__depthlinePerf = perfStats;
