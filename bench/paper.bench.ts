/**
 * Paper matching model throughput (core/paper): (1) book updates/s — a 1000-level book receiving
 * diffs clustered near the top, each followed by the paper model's update with 20 resting paper
 * orders and consumed-liquidity memory on 5 levels, against the same diffs applied to the book
 * alone (the model's overhead is the difference); (2) prints/s through the queue model with the 20
 * resting orders; (3) taker orders/s walking 5 levels (plan, commit, settle, fees, events).
 * Medians over several runs.
 */
import { L2Book, type RawLevel } from '../src-main/core/book';
import { Grid } from '../src-main/core/num';
import { PaperExchange, type Print } from '../src-main/core/paper';
import type { DecimalString } from '../src-shared/domain';
import { median, opsPerSecond, report } from './lib/report';

const grid = new Grid({ tickSize: '0.01' as DecimalString, lotSize: '0.0001' as DecimalString });
const MID = 6_400_000;
let seed = 7;
const rnd = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
const px = (ticks: number) => grid.ticksToPrice(ticks);
const snapshot = (side: 1 | -1) =>
  Array.from({ length: 1000 }, (_, i) => ({ price: px(MID + side * (1 + i)), size: '1' }));
const deltas = Array.from({ length: 20_000 }, () => {
  const bids: RawLevel[] = [];
  const asks: RawLevel[] = [];
  for (let i = 0, n = 1 + Math.floor(rnd() * 4); i < n; i++) {
    const offset = 1 + Math.floor(rnd() ** 3 * 1000);
    const level = {
      price: px(MID + (rnd() < 0.5 ? -offset : offset)),
      size: (1 + Math.floor(rnd() * 20_000) / 10_000).toFixed(4),
    };
    (Number(level.price) * 100 < MID ? bids : asks).push(level);
  }
  return { bids, asks };
});

function exchange(book: L2Book): PaperExchange {
  const ex = new PaperExchange({ cancelAheadShare: 'proportional', consumedTtlMs: 0, consumedTtlUpdates: 0 });
  const usd = ex.accounts.ensureAsset('USD', 8);
  ex.accounts.ensureAsset('BTC', 8);
  ex.addInstrument({
    symbol: 'BTC-USD',
    base: 'BTC',
    quote: 'USD',
    tickSize: grid.price.step,
    lotSize: grid.size.step,
    makerFee: '0.0002' as DecimalString,
    takerFee: '0.0005' as DecimalString,
  });
  const account = ex.openAccount();
  if (typeof usd !== 'string') ex.accounts.grant(ex.accounts.account(account)!, usd, 9e15);
  ex.onBook('BTC-USD', 0, 'live', book);
  return ex;
}

function freshBook(): L2Book {
  const book = new L2Book(grid);
  book.applySnapshot(snapshot(-1), snapshot(1));
  return book;
}

// (1) Book updates with the paper model following.
const bookOnly = median(
  opsPerSecond(() => {
    const book = freshBook();
    for (const d of deltas) book.applyDelta(d.bids, d.asks);
  }, deltas.length),
);
const withModel = median(
  opsPerSecond(() => {
    const book = freshBook();
    const ex = exchange(book);
    for (let i = 0; i < 20; i++)
      ex.place({
        account: 1,
        symbol: 'BTC-USD',
        side: i % 2 ? 'buy' : 'sell',
        type: 'limit',
        tif: 'GTC',
        price: MID + (i % 2 ? -1 : 1) * (1 + (i >> 1)),
        qty: 10,
        at: 0,
      });
    for (let i = 0; i < 5; i++)
      ex.place({
        account: 1,
        symbol: 'BTC-USD',
        side: 'buy',
        type: 'limit',
        tif: 'IOC',
        price: MID + 5,
        qty: 1,
        at: 0,
      });
    let at = 0;
    for (const d of deltas) {
      book.applyDelta(d.bids, d.asks);
      ex.onBook('BTC-USD', (at += 1), 'live', book);
    }
  }, deltas.length),
);
report({
  name: 'paper.book-updates',
  value: withModel,
  unit: 'updates/s',
  peer: 'book alone',
  ratio: withModel / bookOnly,
});
report({ name: 'paper.book-alone', value: bookOnly, unit: 'updates/s' });

// (2) Prints through the queue model.
const prints: Print[] = Array.from({ length: 50_000 }, () => ({
  ticks: MID + Math.floor(rnd() * 21) - 10,
  lots: 1 + Math.floor(rnd() * 5),
  aggressor: rnd() < 0.5 ? 'buy' : 'sell',
}));
const printRate = median(
  opsPerSecond(() => {
    const book = freshBook();
    const ex = exchange(book);
    for (let i = 0; i < 20; i++)
      ex.place({
        account: 1,
        symbol: 'BTC-USD',
        side: i % 2 ? 'buy' : 'sell',
        type: 'limit',
        tif: 'GTC',
        price: MID + (i % 2 ? -1 : 1) * (1 + (i >> 1)),
        qty: 1_000_000,
        at: 0,
      });
    for (const p of prints) ex.onPrint('BTC-USD', 0, p);
  }, prints.length),
);
report({ name: 'paper.prints', value: printRate, unit: 'prints/s' });

// (3) Takers walking five levels: alternately buying into the asks and selling into the bids.
const takers = 20_000;
let fills = 0;
const takerRate = median(
  opsPerSecond(
    () => {
      const book = freshBook();
      const ex = exchange(book);
      ex.setSink((e) => (fills += e.kind === 'fill' ? 1 : 0));
      for (let i = 0; i < takers; i++) {
        const buy = i % 2 === 0;
        const placed = ex.place({
          account: 1,
          symbol: 'BTC-USD',
          side: buy ? 'buy' : 'sell',
          type: 'limit',
          tif: 'IOC',
          price: MID + (buy ? 5 : -5),
          qty: 45_000,
          at: i,
        });
        if (!placed.ok) throw new Error(placed.error.message);
        // The venue refreshes the levels (a resync) between orders, so every walk finds liquidity.
        ex.onBook('BTC-USD', i, 'resyncing', null);
        ex.onBook('BTC-USD', i, 'live', book);
      }
    },
    takers,
    5,
    1,
  ),
);
if (fills < takers * 5 * 6) throw new Error(`takers did not walk five levels (${fills} fills)`);
report({ name: 'paper.taker-walks', value: takerRate, unit: 'orders/s' });
