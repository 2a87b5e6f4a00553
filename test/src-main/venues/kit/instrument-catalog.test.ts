/**
 * InstrumentCatalog: while a venue's metadata cannot be loaded, every caller shares one paced
 * schedule (no request until the next attempt is due, whoever asks), the catalog retries by itself
 * with a capped, jittered backoff, and says when; once loaded it never asks again.
 */
import { describe, expect, it } from 'vitest';
import { ManualClock, ManualTimers } from '../../../../src-main/core/ports';
import { Grid } from '../../../../src-main/core/num';
import { InstrumentCatalog, type Instrument } from '../../../../src-main/venues/kit';
import type { DecimalString, VenueId } from '../../../../src-shared/domain';
import { appError, err, ok } from '../../../../src-shared/result';

const btc: Instrument = {
  venue: 'binance' as VenueId,
  symbol: 'BTCUSDT',
  base: 'BTC',
  quote: 'USDT',
  tickSize: '0.01' as DecimalString,
  lotSize: '0.001' as DecimalString,
  grid: new Grid({ tickSize: '0.01' as DecimalString, lotSize: '0.001' as DecimalString }),
};

function setup() {
  const clock = new ManualClock(1_000_000, 0);
  const timers = new ManualTimers();
  let up = false;
  let requests = 0;
  const catalog = new InstrumentCatalog({
    venue: 'binance',
    clock,
    timers,
    random: () => 1,
    backoff: { initialMs: 2000, maxMs: 60_000, stableMs: 0 },
    fetch: () => {
      requests += 1;
      return Promise.resolve(up ? ok([btc]) : err(appError('UNAVAILABLE', 'fetch failed')));
    },
  });
  const tick = async (ms: number) => {
    clock.advance(ms);
    timers.advance(ms);
    await Promise.resolve();
  };
  return { catalog, tick, clock, requests: () => requests, goUp: () => (up = true) };
}

describe('InstrumentCatalog', () => {
  it('paces every caller on one backoff while the venue is unreachable, retrying by itself', async () => {
    const { catalog, tick, clock, requests } = setup();
    expect((await catalog.load()).ok).toBe(false);
    expect(requests()).toBe(1);
    expect(catalog.error).toBe('fetch failed');
    expect(catalog.nextAttemptAt).toBe(clock.now() + 2000);
    // Ten callers before the attempt is due: no request, a clear answer.
    for (let i = 0; i < 10; i++) {
      const r = await catalog.load();
      expect(r.ok || r.error.message).toMatch(/next attempt in 2 s/);
    }
    expect(requests()).toBe(1);
    // The catalog makes the attempts itself: 2 s, 4 s, 8 s ... capped at a minute.
    const attemptsAt: number[] = [];
    for (let s = 0; s < 600; s++) {
      const before = requests();
      await tick(1000);
      if (requests() > before) attemptsAt.push(clock.now());
    }
    const gaps = attemptsAt.slice(1).map((t, i) => t - attemptsAt[i]!);
    expect(attemptsAt.length).toBeLessThan(16);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(60_000);
    expect(catalog.nextAttemptAt).toBeGreaterThan(clock.now());
  });

  it('loads once the venue answers, then never asks again', async () => {
    const { catalog, tick, requests, goUp } = setup();
    await catalog.load();
    goUp();
    await tick(2000);
    expect(catalog.error).toBeNull();
    expect(catalog.nextAttemptAt).toBeNull();
    expect(catalog.get('BTCUSDT')).toBe(btc);
    const n = requests();
    expect((await catalog.load()).ok).toBe(true);
    await tick(120_000);
    expect(requests()).toBe(n);
  });

  it('schedules nothing after stop', async () => {
    const { catalog, tick, requests } = setup();
    await catalog.load();
    catalog.stop();
    await tick(600_000);
    expect(requests()).toBe(1);
  });
});
