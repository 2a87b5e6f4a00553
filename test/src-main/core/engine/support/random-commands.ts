/**
 * A seeded stream of engine commands for long differential runs: every order type, amends, cancels
 * (including repeats and foreign ones), cancel-all, deposits, withdrawals and a trickle of invalid
 * input, on both test instruments, around mid prices that drift across the ladder's 1024-tick pages.
 * It reads the pair's accepted ids and the engine's open orders to aim cancels and amends at live
 * orders most of the time. Same seed, same stream.
 */
import type { EngineCommand, Side } from '../../../../../src-main/core/engine/types';
import type { DecimalString } from '../../../../../src-shared/domain';
import type { DifferentialPair } from './differential';

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STP = ['cancel_resting', 'cancel_incoming', 'cancel_both'] as const;
const dec = (s: string) => s as DecimalString;

export class RandomCommands {
  private readonly rnd: () => number;
  private ts = 0;
  private readonly mids = { 'BTC-USD': 1024, 'ETH-BTC': 100 };

  constructor(
    seed: number,
    private readonly pair: DifferentialPair,
    private readonly accounts = 12,
  ) {
    this.rnd = mulberry32(seed);
  }

  private int(n: number): number {
    return Math.floor(this.rnd() * n);
  }
  private pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  setup(): EngineCommand[] {
    const out: EngineCommand[] = [];
    for (let i = 1; i <= this.accounts; i++) {
      out.push({ kind: 'register_account', label: `trader-${i}`, stp: STP[i % 3]!, ts: ++this.ts });
      out.push({ kind: 'deposit', account: i, asset: 'USD', amount: dec('5000'), ts: this.ts });
      out.push({ kind: 'deposit', account: i, asset: 'BTC', amount: dec('40'), ts: this.ts });
      out.push({ kind: 'deposit', account: i, asset: 'ETH', amount: dec('300'), ts: this.ts });
    }
    return out;
  }

  next(): EngineCommand {
    const ts = ++this.ts;
    if (ts % 500 === 0) {
      this.mids['BTC-USD'] = Math.min(1400, Math.max(700, this.mids['BTC-USD'] + this.int(41) - 20));
      this.mids['ETH-BTC'] = Math.min(140, Math.max(60, this.mids['ETH-BTC'] + this.int(9) - 4));
    }
    const account = 1 + this.int(this.accounts);
    const instrument = this.rnd() < 0.6 ? 'BTC-USD' : 'ETH-BTC';
    const side: Side = this.rnd() < 0.5 ? 'buy' : 'sell';
    const mid = this.mids[instrument];
    // Mostly behind the mid (a deep book), sometimes across it (trades).
    const depth = this.rnd() < 0.85 ? 1 + this.int(60) : -this.int(6);
    const price = mid + (side === 'buy' ? -depth : depth);
    const qty = 2 + this.int(this.rnd() < 0.9 ? 15 : 200);
    let roll = this.rnd() * 100;
    // Each trader keeps a budget of about 90 resting orders, like a bot: over it, it cancels instead.
    if (roll < 56 && this.pair.engine.openOrders(account).length > 90) roll = 60;
    const base = { kind: 'place', account, instrument, side, ts } as const;
    if (roll < 41) {
      const coid = this.rnd() < 0.1 ? { clientOrderId: `c${this.int(20)}` } : {};
      return { ...base, type: 'limit', price, qty, ...coid };
    }
    const through = mid + (side === 'buy' ? 1 : -1) * this.int(8);
    if (roll < 47) return { ...base, type: 'limit', tif: 'IOC', price: through, qty };
    if (roll < 49) return { ...base, type: 'limit', tif: 'FOK', price: through, qty };
    if (roll < 52)
      return { ...base, type: 'market', ...(this.rnd() < 0.2 ? { tif: 'FOK' as const } : {}), qty };
    if (roll < 56) return { ...base, type: 'limit', tif: 'POST_ONLY', price, qty };
    if (roll < 66) return this.cancel(ts, account);
    if (roll < 91) return this.amend(ts, account);
    if (roll < 91.2) return { kind: 'cancel_all', account, ...(this.rnd() < 0.5 ? { instrument } : {}), ts };
    if (roll < 96) {
      const asset = this.pick(['USD', 'BTC', 'ETH']);
      return {
        kind: 'deposit',
        account,
        asset,
        amount: dec(asset === 'USD' ? '400' : asset === 'BTC' ? '3' : '25'),
        ts,
      };
    }
    if (roll < 97)
      return { kind: 'withdraw', account, asset: this.pick(['USD', 'BTC', 'ETH']), amount: dec('1.5'), ts };
    return this.invalid(ts, account);
  }

  private liveOrder(
    account: number,
  ): { orderId: number; account: number; price: number; qty: number } | null {
    const open = this.pair.engine.openOrders(account);
    if (open.length > 0 && this.rnd() < 0.85) return this.pick(open);
    const ids = this.pair.accepted;
    if (ids.length === 0) return null;
    const orderId = ids[Math.max(0, ids.length - 1 - this.int(50))]!;
    return { orderId, account, price: 1000, qty: 10 };
  }

  private cancel(ts: number, account: number): EngineCommand {
    const target = this.liveOrder(account);
    if (!target) return { kind: 'cancel', account, orderId: 1, ts };
    return {
      kind: 'cancel',
      account: this.rnd() < 0.03 ? 1 + this.int(this.accounts) : target.account,
      orderId: target.orderId,
      ts,
    };
  }

  private amend(ts: number, account: number): EngineCommand {
    const target = this.liveOrder(account);
    if (!target) return { kind: 'amend', account, orderId: 1, qty: 5, ts };
    const move = this.rnd();
    if (move < 0.6)
      return {
        kind: 'amend',
        account: target.account,
        orderId: target.orderId,
        price: target.price + this.int(7) - 3,
        ts,
      };
    if (move < 0.85)
      return {
        kind: 'amend',
        account: target.account,
        orderId: target.orderId,
        qty: Math.max(1, target.qty + this.int(9) - 5),
        ts,
      };
    return {
      kind: 'amend',
      account: target.account,
      orderId: target.orderId,
      price: target.price + this.int(3) - 1,
      qty: target.qty + 1,
      ts,
    };
  }

  private invalid(ts: number, account: number): EngineCommand {
    const base = {
      kind: 'place',
      account,
      instrument: 'BTC-USD',
      side: 'buy',
      type: 'limit',
      price: 1000,
      qty: 5,
      ts,
    } as const;
    return this.pick<EngineCommand>([
      { ...base, price: 1000.5 },
      { ...base, qty: 0 },
      { ...base, account: 999 },
      { ...base, instrument: 'DOGE-USD' },
      { ...base, type: 'market' },
      { ...base, qty: 1 },
      { kind: 'cancel', account, orderId: 987654321, ts },
      { kind: 'register_account', label: 'trader-1', ts },
      { kind: 'deposit', account, asset: 'USD', amount: dec('0.00001'), ts },
      { kind: 'withdraw', account, asset: 'ETH', amount: dec('100000'), ts },
    ]);
  }
}
