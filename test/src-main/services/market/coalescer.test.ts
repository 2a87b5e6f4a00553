/** The coalescer turns any burst of pokes into at most one flush per interval, reading state late. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ManualClock, ManualTimers } from '../../../../src-main/core/ports';
import { Coalescer } from '../../../../src-main/services/market/coalescer';

describe('Coalescer', () => {
  it('flushes at most once per interval and never leaves a poke unflushed', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 250 }), { minLength: 1, maxLength: 200 }), (gaps) => {
        const clock = new ManualClock(0, 0);
        const timers = new ManualTimers();
        const flushes: number[] = [];
        const coalescer = new Coalescer(clock, timers, 100, () => flushes.push(clock.monotonic()));
        let lastPoke = 0;
        for (const gap of gaps) {
          clock.advance(gap);
          timers.advance(gap);
          coalescer.poke();
          lastPoke = clock.monotonic();
        }
        clock.advance(100);
        timers.advance(100);
        for (let i = 1; i < flushes.length; i++)
          expect(flushes[i]! - flushes[i - 1]!).toBeGreaterThanOrEqual(100);
        expect(flushes.at(-1)!).toBeGreaterThanOrEqual(lastPoke);
        expect(flushes.length).toBeLessThanOrEqual(gaps.length);
      }),
    );
  });

  it('stops after dispose', () => {
    const clock = new ManualClock(0, 0);
    const timers = new ManualTimers();
    let flushes = 0;
    const coalescer = new Coalescer(clock, timers, 100, () => flushes++);
    coalescer.poke();
    coalescer.poke();
    coalescer.dispose();
    clock.advance(200);
    timers.advance(200);
    expect(flushes).toBe(1);
    expect(timers.size).toBe(0);
  });
});
