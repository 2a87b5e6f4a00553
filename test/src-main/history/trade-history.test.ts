/**
 * Prints and candles as the history writer stores them, against a reference: every stored candle
 * equals the candle of the prints in its interval, also when the app restarts between any two
 * prints (the new recorder continues the stored candle and skips prints it already stored).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ManualClock, silentLogger } from '../../../src-main/core/ports';
import { Dec } from '../../../src-main/core/num';
import { MarketSink } from '../../../src-main/history/market-sink';
import { STORED_CANDLE_INTERVALS_SEC, TradeHistory, candleOf } from '../../../src-main/history/trade-history';
import type { MarketOp } from '../../../src-main/store/writer/ops';
import type { Trade } from '../../../src-main/venues/kit';
import type { DecimalString, VenueId } from '../../../src-shared/domain';

type CandleOp = Extract<MarketOp, { op: 'candle' }>;

/** The market database's prints and candles tables, in memory (INSERT OR IGNORE / OR REPLACE). */
class FakeMarketDb {
  readonly prints = new Map<string, Extract<MarketOp, { op: 'print' }>>();
  readonly candles = new Map<string, CandleOp>();
  readonly writer = {
    accepting: true,
    write: (ops: readonly MarketOp[]) => {
      for (const op of ops) {
        if (op.op === 'print') {
          const key = `${op.venue}|${op.instrument}|${op.tradeId}`;
          if (!this.prints.has(key)) this.prints.set(key, op);
        } else if (op.op === 'candle') {
          this.candles.set(`${op.venue}|${op.instrument}|${op.intervalS}|${op.openTs}`, op);
        }
      }
      return 1;
    },
    whenCommitted: () => Promise.resolve(),
  };

  recorder(): TradeHistory {
    const clock = new ManualClock();
    return new TradeHistory(new MarketSink(this.writer, clock, silentLogger), {
      lastPrintTime: (venue, symbol) => {
        const times = [...this.prints.values()]
          .filter((p) => p.venue === venue && p.instrument === symbol)
          .map((p) => p.ts);
        return times.length ? Math.max(...times) : null;
      },
      tradeIdsAt: (venue, symbol, time) =>
        new Set(
          [...this.prints.values()]
            .filter((p) => p.venue === venue && p.instrument === symbol && p.ts === time)
            .map((p) => p.tradeId),
        ),
      candleAt: (venue, symbol, interval, openTime) => {
        const row = this.candles.get(`${venue}|${symbol}|${interval}|${openTime}`);
        return row ? candleOf({ ...row, openTime: row.openTs }) : null;
      },
    });
  }
}

const trade = (id: number, time: number, ticks: number, lots: number): Trade => ({
  venue: 'sim' as VenueId,
  symbol: 'BTC-USD',
  id: String(id),
  time,
  price: new Dec(ticks).div(100).toString() as DecimalString,
  size: new Dec(lots).div(1000).toString() as DecimalString,
  side: id % 2 ? 'buy' : 'sell',
});

/** Prints in time order (ties allowed), spread over a few minutes. */
const printsArb = fc
  .array(
    fc.tuple(
      fc.integer({ min: 0, max: 40_000 }),
      fc.integer({ min: 1, max: 9999 }),
      fc.integer({ min: 1, max: 500 }),
    ),
    {
      minLength: 1,
      maxLength: 80,
    },
  )
  .map((rows) => {
    let time = 1_700_000_000_000;
    return rows.map(([gap, ticks, lots], i) => {
      time += gap;
      return trade(i + 1, time, ticks, lots);
    });
  });

function expectCandlesMatch(db: FakeMarketDb, trades: readonly Trade[]): void {
  for (const intervalSec of STORED_CANDLE_INTERVALS_SEC) {
    const ms = intervalSec * 1000;
    const groups = new Map<number, Trade[]>();
    for (const t of trades) {
      const open = Math.floor(t.time / ms) * ms;
      groups.set(open, [...(groups.get(open) ?? []), t]);
    }
    const stored = [...db.candles.values()].filter((c) => c.intervalS === intervalSec);
    expect(stored.length).toBe(groups.size);
    for (const [open, group] of groups) {
      const c = db.candles.get(`sim|BTC-USD|${intervalSec}|${open}`)!;
      const prices = group.map((t) => new Dec(t.price));
      expect(c).toMatchObject({
        open: group[0]!.price,
        close: group.at(-1)!.price,
        high: Dec.max(...prices).toString(),
        low: Dec.min(...prices).toString(),
        volume: group.reduce((s, t) => s.add(t.size), new Dec(0)).toString(),
        trades: group.length,
      });
    }
  }
}

describe('trade history: prints and candles', () => {
  it('stores every print once and candles equal to their prints, across a restart anywhere', () => {
    fc.assert(
      fc.property(printsArb, fc.nat(), fc.integer({ min: 1, max: 5 }), (trades, cut, batch) => {
        const db = new FakeMarketDb();
        const at = cut % (trades.length + 1);
        // Batches as feeds deliver them; the first recorder stops at `at`.
        const first = db.recorder();
        for (let i = 0; i < at; i += batch) first.add(trades.slice(i, Math.min(at, i + batch)));
        // After a restart the venue republishes what it had (the simulated venue replays its journal).
        const second = db.recorder();
        for (let i = 0; i < trades.length; i += batch) second.add(trades.slice(i, i + batch));
        expect(db.prints.size).toBe(trades.length);
        expectCandlesMatch(db, trades);
      }),
      { numRuns: 300 },
    );
  });

  it('drops and counts when storage cannot take more (never queues without bound)', () => {
    const db = new FakeMarketDb();
    db.writer.accepting = false;
    const clock = new ManualClock();
    const sink = new MarketSink(db.writer, clock, silentLogger);
    const history = new TradeHistory(sink, {
      lastPrintTime: () => null,
      tradeIdsAt: () => new Set(),
      candleAt: () => null,
    });
    history.add([trade(1, 1_700_000_000_000, 100, 1)]);
    expect(db.prints.size).toBe(0);
    expect(sink.dropped).toBe(1 + STORED_CANDLE_INTERVALS_SEC.length);
  });
});
