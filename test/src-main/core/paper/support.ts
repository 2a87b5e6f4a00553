/**
 * Test helpers for the paper model: a real L2 book (core/book) on a 0.1 tick / 0.001 lot grid,
 * driven with [ticks, lots] pairs, and a paper exchange with one BTC-USD instrument.
 */
import { L2Book } from '../../../../src-main/core/book';
import { Grid } from '../../../../src-main/core/num';
import { PaperExchange, type PaperEvent, type PaperModelConfig } from '../../../../src-main/core/paper';
import type { DecimalString } from '../../../../src-shared/domain';

export const grid = new Grid({ tickSize: '0.1' as DecimalString, lotSize: '0.001' as DecimalString });
type Pairs = ReadonlyArray<readonly [number, number]>;
const raw = (pairs: Pairs) =>
  pairs.map(([t, l]) => ({ price: grid.ticksToPrice(t), size: l === 0 ? '0' : grid.lotsToSize(l) }));

export class TestBook extends L2Book {
  constructor() {
    super(grid);
  }
  snapshot(bids: Pairs, asks: Pairs): this {
    const result = this.applySnapshot(raw(bids), raw(asks));
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    return this;
  }
  delta(bids: Pairs, asks: Pairs): this {
    const result = this.applyDelta(raw(bids), raw(asks));
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    return this;
  }
}

export const SYMBOL = 'BTC-USD';

/** A paper exchange with BTC (8 decimals) and USD (6 decimals), maker 0.001 and taker 0.002. */
export function paperExchange(config?: Partial<PaperModelConfig>, fees = { maker: '0.001', taker: '0.002' }) {
  const ex = new PaperExchange({
    cancelAheadShare: 'proportional',
    consumedTtlMs: 0,
    consumedTtlUpdates: 0,
    ...config,
  });
  const events: PaperEvent[] = [];
  ex.setSink((e) => events.push(e));
  const btc = ex.accounts.ensureAsset('BTC', 8);
  const usd = ex.accounts.ensureAsset('USD', 6);
  if (typeof btc === 'string' || typeof usd === 'string') throw new Error('assets');
  const added = ex.addInstrument({
    symbol: SYMBOL,
    base: 'BTC',
    quote: 'USD',
    tickSize: '0.1' as DecimalString,
    lotSize: '0.001' as DecimalString,
    makerFee: fees.maker as DecimalString,
    takerFee: fees.taker as DecimalString,
  });
  if (typeof added === 'string') throw new Error(added);
  const book = new TestBook();
  let now = 1_000;
  /** Opens an account with `usd` dollars and `btc` bitcoin (decimal strings). */
  const account = (usdAmount = '100000', btcAmount = '0') => {
    const id = ex.openAccount();
    const owner = ex.accounts.account(id)!;
    const u = BigInt(Math.round(Number(usdAmount) * 1e6));
    const b = BigInt(Math.round(Number(btcAmount) * 1e8));
    if (u > 0n) ex.accounts.grant(owner, usd, Number(u));
    if (b > 0n) ex.accounts.grant(owner, btc, Number(b));
    return id;
  };
  const feed = (status: 'live' | 'stale' | 'resyncing' | 'invalid' = 'live') => {
    now += 10;
    ex.onBook(SYMBOL, now, status, status === 'live' ? book : null);
  };
  const print = (ticks: number, lots: number, aggressor: 'buy' | 'sell') => {
    now += 1;
    ex.onPrint(SYMBOL, now, { ticks, lots, aggressor });
  };
  const fills = () => events.filter((e) => e.kind === 'fill');
  const balance = (id: number, asset: 'BTC' | 'USD') => {
    const owner = ex.accounts.account(id)!;
    const a = asset === 'BTC' ? btc : usd;
    return { free: owner.free[a.index] ?? 0, locked: owner.locked[a.index] ?? 0 };
  };
  return {
    ex,
    events,
    book,
    account,
    feed,
    print,
    fills,
    balance,
    btc,
    usd,
    at: () => now,
    advance: (ms: number) => (now += ms),
  };
}
