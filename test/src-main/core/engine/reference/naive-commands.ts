/**
 * The command half of the naive reference engine: admission checks in the documented order
 * (place.ts, accounts.ts headers), then the naive matching from NaiveBook.
 */
import type {
  EngineConfig,
  Funds,
  PlaceOrder,
  RegisterAccount,
  RejectReason,
} from '../../../../../src-main/core/engine/types';
import { NaiveBook, type NaiveOrder, type NaiveResult } from './naive-book';
import { MAX_SAFE, buyLock, decimalsIn, rateOf, unitsOf, type NaiveAccount } from './naive-ledger';

const STP = ['cancel_resting', 'cancel_incoming', 'cancel_both'];
export const isWhole = (x: unknown): x is number => typeof x === 'number' && Number.isSafeInteger(x) && x > 0;
export const badNumber = (x: unknown) => typeof x !== 'number' || !(x > 0) || x > Number.MAX_SAFE_INTEGER;

export class NaiveCommands extends NaiveBook {
  private readonly defaultStp: string;

  constructor(config: EngineConfig) {
    super();
    this.defaultStp = config.stp ?? 'cancel_resting';
    this.trackPositions = config.trackPositions ?? true;
    for (const a of config.assets ?? []) this.assets.push({ id: a.id, decimals: a.decimals, supply: 0n });
    for (const s of config.instruments ?? []) {
      const base = this.assets.findIndex((a) => a.id === s.base);
      const quote = this.assets.findIndex((a) => a.id === s.quote);
      const [td, ld] = [decimalsIn(s.tickSize), decimalsIn(s.lotSize)];
      const qd = this.assets[quote]!.decimals;
      this.instruments.push({
        id: s.id,
        base,
        quote,
        tickSize: s.tickSize,
        lotSize: s.lotSize,
        unitsPerTickLot: unitsOf(s.tickSize, td) * unitsOf(s.lotSize, ld) * 10n ** BigInt(qd - td - ld),
        baseUnitsPerLot: unitsOf(s.lotSize, ld) * 10n ** BigInt(this.assets[base]!.decimals - ld),
        minQty: s.minSize ? Number(unitsOf(s.minSize, ld) / unitsOf(s.lotSize, ld)) : 1,
        minNotional: s.minNotional ? unitsOf(s.minNotional, qd) : 0n,
        maker: rateOf(s.makerFee ?? '0'),
        taker: rateOf(s.takerFee ?? '0'),
        makerText: s.makerFee ?? '0',
        takerText: s.takerFee ?? '0',
      });
    }
    this.openAccount('fees', this.defaultStp);
  }

  private openAccount(label: string, stp: string): NaiveAccount {
    const account: NaiveAccount = {
      id: this.accounts.length,
      label,
      stp,
      free: this.assets.map(() => 0n),
      locked: this.assets.map(() => 0n),
      positions: new Map(),
    };
    this.accounts.push(account);
    return account;
  }

  protected no(
    ts: number,
    command: string,
    account: number,
    reason: RejectReason,
    orderId = 0,
    coid: string | null = null,
  ): NaiveResult {
    this.events.push({
      type: 'rejected',
      ts,
      command: command as never,
      account,
      reason,
      orderId,
      clientOrderId: coid,
    });
    return { ok: false, error: reason };
  }

  protected trader(id: number): NaiveAccount | undefined {
    return id === 0 ? undefined : this.accounts[id];
  }

  register(c: RegisterAccount): NaiveResult {
    const stp = c.stp ?? this.defaultStp;
    if (typeof c.label !== 'string' || !/^[\x20-\x7e]{1,64}$/.test(c.label) || !STP.includes(stp)) {
      return this.no(c.ts, 'register_account', 0, 'INVALID_ACCOUNT');
    }
    if (this.accounts.some((a) => a.label === c.label))
      return this.no(c.ts, 'register_account', 0, 'DUPLICATE_ACCOUNT');
    const account = this.openAccount(c.label, stp);
    this.events.push({ type: 'account', ts: c.ts, account: account.id, label: c.label, stp: stp as never });
    return { ok: true, value: account.id };
  }

  funds(c: Funds, kind: 'deposit' | 'withdraw'): NaiveResult {
    const account = this.trader(c.account);
    if (!account) return this.no(c.ts, kind, c.account, 'UNKNOWN_ACCOUNT');
    const asset = this.assets.findIndex((a) => a.id === c.asset);
    if (asset < 0) return this.no(c.ts, kind, c.account, 'UNKNOWN_ASSET');
    const decimals = this.assets[asset]!.decimals;
    const m = /^(0|[1-9][0-9]*)(?:\.([0-9]+))?$/.exec(String(c.amount));
    const extra = m?.[2]?.slice(decimals) ?? '';
    const units = m && /^0*$/.test(extra) ? unitsOf(c.amount, decimals) : -1n;
    if (units <= 0n || units > MAX_SAFE) return this.no(c.ts, kind, c.account, 'INVALID_AMOUNT');
    const a = this.assets[asset]!;
    if (kind === 'deposit') {
      if (a.supply + units > MAX_SAFE) return this.no(c.ts, kind, c.account, 'AMOUNT_TOO_LARGE');
      a.supply += units;
      account.free[asset]! += units;
    } else {
      if (account.free[asset]! < units) return this.no(c.ts, kind, c.account, 'INSUFFICIENT_FUNDS');
      a.supply -= units;
      account.free[asset]! -= units;
    }
    this.events.push({
      type: 'funds',
      ts: c.ts,
      account: c.account,
      asset: c.asset,
      kind,
      units: Number(units),
    });
    return { ok: true, value: null };
  }

  protected wouldCross(instrument: number, side: string, price: number): boolean {
    const m = this.bestMaker(instrument, side === 'buy' ? 'sell' : 'buy');
    return m !== undefined && (side === 'buy' ? m.price <= price : m.price >= price);
  }

  place(c: PlaceOrder): NaiveResult {
    const coid = c.clientOrderId ?? null;
    const no = (r: RejectReason) => this.no(c.ts, 'place', c.account, r, 0, coid);
    const account = this.trader(c.account);
    if (!account) return no('UNKNOWN_ACCOUNT');
    const index = this.instruments.findIndex((i) => i.id === c.instrument);
    if (index < 0) return no('UNKNOWN_INSTRUMENT');
    const instrument = this.instruments[index]!;
    const market = c.type === 'market';
    const tif = c.tif ?? (market ? 'IOC' : 'GTC');
    const tifOk = market ? ['IOC', 'FOK'].includes(tif) : ['GTC', 'IOC', 'FOK', 'POST_ONLY'].includes(tif);
    if (!['buy', 'sell'].includes(c.side) || !['limit', 'market'].includes(c.type) || !tifOk)
      return no('INVALID_ORDER');
    if (market ? c.price !== undefined : badNumber(c.price)) return no('INVALID_PRICE');
    if (!market && !Number.isInteger(c.price)) return no('OFF_TICK');
    if (badNumber(c.qty)) return no('INVALID_QUANTITY');
    if (!Number.isInteger(c.qty)) return no('OFF_LOT');
    const price = market ? 0 : c.price!;
    if (c.qty < instrument.minQty) return no('BELOW_MIN_SIZE');
    if (!market && BigInt(price) * BigInt(c.qty) * instrument.unitsPerTickLot < instrument.minNotional) {
      return no('BELOW_MIN_NOTIONAL');
    }
    if (coid !== null && !/^[\x21-\x7e]{1,64}$/.test(coid)) return no('INVALID_ORDER');
    if (coid !== null && this.book.some((o) => o.account === account.id && o.clientOrderId === coid)) {
      return no('DUPLICATE_CLIENT_ORDER_ID');
    }
    if (tif === 'POST_ONLY' && this.wouldCross(index, c.side, price)) return no('WOULD_CROSS');
    const buy = c.side === 'buy';
    const asset = buy ? instrument.quote : instrument.base;
    const free = account.free[asset]!;
    let lock = 0n;
    if (!buy) lock = BigInt(c.qty) * instrument.baseUnitsPerLot;
    else if (!market) lock = buyLock(instrument, price, c.qty);
    else {
      const ask = this.bestMaker(index, 'sell');
      if (ask && this.takerCost(instrument, ask.price, 1) > free) return no('INSUFFICIENT_FUNDS');
    }
    if (lock > free) return no('INSUFFICIENT_FUNDS');
    const o: NaiveOrder = {
      id: 0,
      account: account.id,
      instrument: index,
      side: c.side,
      type: c.type,
      tif,
      price,
      qty: c.qty,
      filled: 0,
      leaves: c.qty,
      locked: lock,
      ts: c.ts,
      clientOrderId: coid,
      seq: 0,
    };
    let fillable = -1;
    if (tif === 'FOK') {
      let cost = 0n;
      fillable = 0;
      for (const m of this.makersInOrder(index, buy ? 'sell' : 'buy')) {
        if (!this.crossesLimit(o, m.price) || fillable === c.qty) break;
        if (m.account === account.id) {
          if (account.stp === 'cancel_resting') continue;
          break;
        }
        const q = Math.min(c.qty - fillable, m.leaves);
        fillable += q;
        cost += this.takerCost(instrument, m.price, q);
      }
      if (market && buy && fillable === c.qty && cost > free) return no('INSUFFICIENT_FUNDS');
    }
    o.id = this.nextOrderId++;
    account.free[asset]! -= lock;
    account.locked[asset]! += lock;
    this.events.push({
      type: 'accepted',
      ts: c.ts,
      orderId: o.id,
      account: account.id,
      instrument: instrument.id,
      side: c.side,
      orderType: c.type,
      tif: tif as never,
      price,
      qty: c.qty,
      clientOrderId: coid,
    });
    const ack = (status: string) => ({
      ok: true as const,
      value: { orderId: o.id, status, filledQty: o.filled, leavesQty: status === 'resting' ? o.leaves : 0 },
    });
    if (fillable >= 0 && fillable < c.qty) {
      this.unlockRest(o);
      this.events.push({
        type: 'expired',
        ts: c.ts,
        orderId: o.id,
        account: account.id,
        instrument: instrument.id,
        qty: c.qty,
      });
      return ack('expired');
    }
    const stop = this.match(o, c.ts);
    if (o.leaves === 0) return ack('filled');
    if (stop !== null || market || tif === 'IOC' || tif === 'FOK') {
      this.unlockRest(o);
      this.events.push({
        type: 'canceled',
        ts: c.ts,
        orderId: o.id,
        account: account.id,
        instrument: instrument.id,
        reason: stop ?? 'ioc',
        canceledQty: o.leaves,
        filledQty: o.filled,
      });
      return ack('canceled');
    }
    o.seq = ++this.seq;
    this.book.push(o);
    this.emitLevel(index, o.side, price, c.ts);
    return ack('resting');
  }
}
