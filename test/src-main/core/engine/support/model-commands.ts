/**
 * The commands of the model-based test (fc.commands): each runs through the DifferentialPair (engine
 * and naive reference, compared on every result, event and hash), then checks trade symmetry from
 * the events (A4) and the section A invariants from public queries.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import type { EngineEvent } from '../../../../../src-main/core/engine/events';
import type { EngineCommand, StpMode } from '../../../../../src-main/core/engine/types';
import type { DecimalString } from '../../../../../src-shared/domain';
import { checkInvariants, type DifferentialPair } from './differential';

export type Real = DifferentialPair;
type Cmd = fc.Command<object, Real>;
export const dec = (s: string) => s as DecimalString;
export const MIDS: Record<string, number> = { 'BTC-USD': 1024, 'ETH-BTC': 100 };
const INSTRUMENTS = ['BTC-USD', 'ETH-BTC', 'BTC-USD', 'ETH-BTC', 'BTC-USD', 'ETH-BTC', 'BTC-USD', 'NOPE'];
let ts = 0;
export const nextTs = () => ++ts;

export function accounts(r: Real): number {
  return r.engine.balances(0).length === 0 ? 0 : countAccounts(r);
}
function countAccounts(r: Real): number {
  let n = 0;
  while (r.engine.balances(n + 1).length > 0) n += 1;
  return n;
}
/** Mostly an existing trading account; 1 in 40 the fee account (0), 1 in 40 an unknown one. */
function accountFor(r: Real, pick: number): number {
  const n = accounts(r);
  if (pick % 40 === 0) return 0;
  if (pick % 40 === 1) return n + 1;
  return 1 + (pick % n);
}
function orderFor(r: Real, pick: number): number {
  const ids = r.accepted;
  return ids.length === 0 ? 1 : ids[ids.length - 1 - (pick % Math.min(ids.length, 8))]!;
}
function ownerOr(r: Real, orderId: number, foreign: boolean, pick: number): number {
  const owner = r.engine.order(orderId)?.account;
  return owner === undefined || foreign ? accountFor(r, pick) : owner;
}
function totals(r: Real): Map<string, bigint> {
  const out = new Map<string, bigint>();
  for (let a = 0; a <= accounts(r); a++) {
    for (const b of r.engine.balances(a)) out.set(`${a}:${b.asset}`, BigInt(b.free) + BigInt(b.locked));
  }
  return out;
}
/**
 * A4 from the events alone: each trade moves q lots of base from seller to buyer, and notional + buyer
 * fee of quote from the buyer, of which the seller gets notional - seller fee and the fee account both
 * fees. The change of every account's free + locked must be exactly the sum of that and its funds events.
 */
function checkTradeSymmetry(r: Real, before: Map<string, bigint>, events: readonly EngineEvent[]): void {
  const expected = new Map(before);
  const add = (account: number, asset: string, units: bigint) =>
    expected.set(`${account}:${asset}`, (expected.get(`${account}:${asset}`) ?? 0n) + units);
  for (const e of events) {
    if (e.type === 'funds') add(e.account, e.asset, BigInt(e.units) * (e.kind === 'deposit' ? 1n : -1n));
    if (e.type !== 'trade') continue;
    const info = r.engine.instrument(e.instrument)!;
    const notional = BigInt(e.price) * BigInt(e.qty) * BigInt(info.unitsPerTickLot);
    const base = BigInt(e.qty) * BigInt(info.baseUnitsPerLot);
    const [buyer, seller] =
      e.takerSide === 'buy' ? [e.takerAccount, e.makerAccount] : [e.makerAccount, e.takerAccount];
    const [buyerFee, sellerFee] = e.takerSide === 'buy' ? [e.takerFee, e.makerFee] : [e.makerFee, e.takerFee];
    add(buyer, info.base, base);
    add(seller, info.base, -base);
    add(buyer, info.quote, -(notional + BigInt(buyerFee)));
    add(seller, info.quote, notional - BigInt(sellerFee));
    add(0, info.quote, BigInt(buyerFee + sellerFee));
  }
  const after = totals(r);
  for (const [key, units] of after) {
    if ((expected.get(key) ?? 0n) !== units)
      throw new Error(`trade symmetry: ${key} is ${units}, events say ${expected.get(key)}`);
  }
}
export function exec(r: Real, cmd: EngineCommand): void {
  const before = totals(r);
  const events = r.run(cmd);
  checkTradeSymmetry(r, before, events);
  const errors = checkInvariants(r.engine, accounts(r), r.grants);
  if (errors.length > 0)
    throw new Error(`invariants broken after ${JSON.stringify(cmd)}:\n${errors.join('\n')}`);
}
function simple(name: string, build: (r: Real) => EngineCommand): Cmd {
  return { check: () => true, run: (_m, r) => exec(r, build(r)), toString: () => name };
}

const stp = fc.constantFrom<StpMode | undefined>(
  undefined,
  'cancel_resting',
  'cancel_incoming',
  'cancel_both',
);
const register = fc.tuple(stp, fc.boolean()).map(([mode, duplicate]) =>
  simple(`register(${mode},${duplicate})`, (r) => ({
    kind: 'register_account',
    label: duplicate ? 'acct-1' : `acct-${accounts(r) + 1}`,
    ...(mode ? { stp: mode } : {}),
    ts: ++ts,
  })),
);
const funds = fc
  .tuple(
    fc.nat(),
    fc.constantFrom('USD', 'BTC', 'ETH', 'XXX'),
    fc.constantFrom('50', '2.5', '0.001', '0', '1.23456', '400'),
    fc.boolean(),
  )
  .map(([acc, asset, amount, withdraw]) =>
    simple(`${withdraw ? 'withdraw' : 'deposit'}(${acc},${asset},${amount})`, (r) => ({
      kind: withdraw ? 'withdraw' : 'deposit',
      account: accountFor(r, acc),
      asset,
      amount: dec(amount),
      ts: ++ts,
    })),
  );
const orderShape = fc.constantFrom(
  ['limit', 'GTC'],
  ['limit', 'GTC'],
  ['limit', 'GTC'],
  ['limit', 'IOC'],
  ['limit', 'FOK'],
  ['limit', 'POST_ONLY'],
  ['market', 'IOC'],
  ['market', 'FOK'],
  ['limit', undefined],
  ['limit', undefined],
  ['market', 'GTC'],
) as fc.Arbitrary<['limit' | 'market', 'GTC' | 'IOC' | 'FOK' | 'POST_ONLY' | undefined]>;
const price = fc.oneof(
  { weight: 20, arbitrary: fc.integer({ min: -6, max: 6 }) },
  { weight: 1, arbitrary: fc.constantFrom(0.5, -5000, 600, -99) },
);
const qty = fc.oneof(
  { weight: 20, arbitrary: fc.integer({ min: 1, max: 12 }) },
  { weight: 1, arbitrary: fc.constantFrom(0, 1.5, 400) },
);
const place = fc
  .record({
    acc: fc.nat(),
    instrument: fc.constantFrom(...INSTRUMENTS),
    side: fc.constantFrom<'buy' | 'sell'>('buy', 'sell'),
    shape: orderShape,
    offset: price,
    qty,
    coid: fc.option(fc.constantFrom('a', 'b', 'c', 'bad id'), { freq: 4 }),
  })
  .map((p) =>
    simple(`place(${JSON.stringify(p)})`, (r) => ({
      kind: 'place',
      account: accountFor(r, p.acc),
      instrument: p.instrument,
      side: p.side,
      type: p.shape[0],
      ...(p.shape[1] ? { tif: p.shape[1] } : {}),
      ...(p.shape[0] === 'limit' ? { price: (MIDS[p.instrument] ?? 100) + p.offset } : {}),
      qty: p.qty,
      ...(p.coid === null ? {} : { clientOrderId: p.coid }),
      ts: ++ts,
    })),
  );
const amend = fc
  .record({
    pick: fc.nat(),
    foreign: fc.boolean(),
    acc: fc.nat(),
    offset: fc.option(price),
    qty: fc.option(qty),
  })
  .map((a) =>
    simple(`amend(${JSON.stringify(a)})`, (r) => {
      const orderId = orderFor(r, a.pick);
      const current = r.engine.order(orderId);
      return {
        kind: 'amend',
        account: ownerOr(r, orderId, a.foreign && a.pick % 4 === 0, a.acc),
        orderId,
        ...(a.offset === null ? {} : { price: (current?.price ?? 100) + a.offset }),
        ...(a.qty === null ? {} : { qty: a.qty }),
        ts: ++ts,
      };
    }),
  );
const cancel = fc
  .record({ pick: fc.nat(), foreign: fc.boolean(), acc: fc.nat(), byClient: fc.boolean() })
  .map((c) =>
    simple(`cancel(${JSON.stringify(c)})`, (r) => {
      const orderId = orderFor(r, c.pick);
      const coid = r.engine.order(orderId)?.clientOrderId;
      const account = ownerOr(r, orderId, c.foreign && c.pick % 4 === 0, c.acc);
      return c.byClient && coid
        ? { kind: 'cancel', account, clientOrderId: coid, ts: ++ts }
        : { kind: 'cancel', account, orderId, ts: ++ts };
    }),
  );
const cancelAll = fc
  .tuple(fc.nat(), fc.constantFrom(undefined, 'BTC-USD', 'ETH-BTC', 'NOPE'))
  .map(([acc, instrument]) =>
    simple(`cancelAll(${acc},${instrument})`, (r) => ({
      kind: 'cancel_all',
      account: accountFor(r, acc),
      ...(instrument ? { instrument } : {}),
      ts: ++ts,
    })),
  );

/** A8: cancel a resting order twice: the second is one UNKNOWN_ORDER reject and changes nothing. */
const cancelTwice = fc.nat().map<Cmd>((pick) => ({
  check: () => true,
  toString: () => `cancelTwice(${pick})`,
  run: (_m, r) => {
    const open = r.engine.openOrders(1 + (pick % Math.max(1, accounts(r))));
    const target = open[pick % Math.max(1, open.length)];
    if (!target) return;
    exec(r, { kind: 'cancel', account: target.account, orderId: target.orderId, ts: ++ts });
    const before = r.engine.stateHash();
    const events = r.run({ kind: 'cancel', account: target.account, orderId: target.orderId, ts: ++ts });
    expect(events).toEqual([expect.objectContaining({ type: 'rejected', reason: 'UNKNOWN_ORDER' })]);
    expect(r.engine.stateHash()).toBe(before);
  },
}));

/** A9: a client order id already live on the account is rejected and changes nothing. */
const duplicateClientId = fc.nat().map<Cmd>((pick) => ({
  check: () => true,
  toString: () => `duplicateClientId(${pick})`,
  run: (_m, r) => {
    const live = r.engine.openOrders(1 + (pick % Math.max(1, accounts(r)))).filter((o) => o.clientOrderId);
    const target = live[pick % Math.max(1, live.length)];
    if (!target) return;
    const before = r.engine.stateHash();
    const events = r.run({
      kind: 'place',
      account: target.account,
      instrument: target.instrument,
      side: target.side,
      type: 'limit',
      price: target.price,
      qty: target.qty,
      clientOrderId: target.clientOrderId!,
      ts: ++ts,
    });
    expect(events).toEqual([
      expect.objectContaining({ type: 'rejected', reason: 'DUPLICATE_CLIENT_ORDER_ID' }),
    ]);
    expect(r.engine.stateHash()).toBe(before);
  },
}));

/** Portfolio views agree with balances, and traded positions net to zero across accounts. */
const portfolio = fc.nat().map<Cmd>((pick) => ({
  check: () => true,
  toString: () => `portfolio(${pick})`,
  run: (_m, r) => {
    const marks = new Map(Object.entries(MIDS));
    const net = new Map<string, number>();
    for (let account = 0; account <= accounts(r); account++) {
      const view = r.engine.portfolio(account, marks, 'USD')!;
      const held = r.engine.balances(account).filter((b) => b.free + b.locked > 0);
      expect(view.balances.map((b) => b.asset)).toEqual(held.map((b) => b.asset));
      for (const p of view.positions) {
        const lots = r.engine.instrument(p.instrument)!.grid.sizeToLots(p.qty.replace('-', ''));
        const signed = p.qty === '0' ? 0 : (p.qty.startsWith('-') ? -1 : 1) * (lots.ok ? lots.value : NaN);
        net.set(p.instrument, (net.get(p.instrument) ?? 0) + signed);
      }
    }
    for (const total of net.values()) expect(total).toBe(0);
    expect(r.engine.portfolio(accounts(r) + 1 + (pick % 3))).toBeNull();
  },
}));

export const commands = fc.commands(
  [
    register,
    funds,
    funds,
    ...Array<typeof place>(10).fill(place),
    amend,
    amend,
    amend,
    cancel,
    cancel,
    cancelAll,
    cancelTwice,
    duplicateClientId,
    portfolio,
  ],
  { maxCommands: 150, size: 'max' },
);
