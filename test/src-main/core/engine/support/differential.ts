/**
 * Runs every command through the engine and the naive reference side by side and fails on the first
 * difference in result, event list or state hash, with the command index and both sides printed.
 * `checkInvariants` re-derives reliability.md section A properties from the engine's public queries
 * (independently of its own validate()) and also runs validate().
 */
import { Engine } from '../../../../../src-main/core/engine/engine';
import { EventRecorder, type EngineEvent } from '../../../../../src-main/core/engine/events';
import type { EngineCommand, EngineConfig } from '../../../../../src-main/core/engine/types';
import type { DecimalString } from '../../../../../src-shared/domain';
import { NaiveEngine } from '../reference/naive-engine';
import { rateOf, unitsOf } from '../reference/naive-ledger';

const d = (s: string) => s as DecimalString;

/** Small grids so fee rounding, minimums and page boundaries (1024 ticks) are all exercised. */
export const TEST_CONFIG: EngineConfig = {
  assets: [
    { id: 'USD', decimals: 4 },
    { id: 'BTC', decimals: 3 },
    { id: 'ETH', decimals: 2 },
  ],
  instruments: [
    {
      id: 'BTC-USD',
      base: 'BTC',
      quote: 'USD',
      tickSize: d('0.1'),
      lotSize: d('0.01'),
      minSize: d('0.02'),
      makerFee: d('0.001'),
      takerFee: d('0.0025'),
    },
    {
      id: 'ETH-BTC',
      base: 'ETH',
      quote: 'BTC',
      tickSize: d('0.1'),
      lotSize: d('0.01'),
      minNotional: d('0.2'),
      makerFee: d('0.0005'),
      takerFee: d('0.001'),
    },
  ],
};

export class DifferentialPair {
  readonly recorder = new EventRecorder();
  readonly engine: Engine;
  readonly naive: NaiveEngine;
  readonly log: EngineCommand[] = [];
  /** Every event the engine emitted, in order (kept only when asked, e.g. for replay checks). */
  readonly history: EngineEvent[] = [];
  /** Ids of every accepted order, for commands that need a plausible order id. */
  readonly accepted: number[] = [];
  /** Σ deposits − Σ withdrawals per asset, from the commands that succeeded. */
  readonly grants = new Map<string, bigint>();

  constructor(
    readonly config: EngineConfig = TEST_CONFIG,
    private readonly keepHistory = true,
    private readonly compareHashEvery = 1,
  ) {
    this.engine = new Engine(config, this.recorder);
    this.naive = new NaiveEngine(config);
  }

  run(cmd: EngineCommand): EngineEvent[] {
    const index = this.log.length;
    this.log.push(cmd);
    const real = this.engine.execute(cmd);
    const expected = this.naive.execute(cmd);
    const events = this.recorder.take();
    const naiveEvents = this.naive.take();
    const fail = (what: string, a: unknown, b: unknown) => {
      throw new Error(
        `differential mismatch (${what}) at command #${index} ${JSON.stringify(cmd)}\n` +
          `engine: ${JSON.stringify(a)}\nnaive:  ${JSON.stringify(b)}`,
      );
    };
    if (JSON.stringify(real) !== JSON.stringify(expected)) fail('result', real, expected);
    if (JSON.stringify(events) !== JSON.stringify(naiveEvents)) fail('events', events, naiveEvents);
    if ((index + 1) % this.compareHashEvery === 0) {
      const [a, b] = [this.engine.stateHash(), this.naive.stateHash()];
      if (a !== b) fail('stateHash', a, b);
    }
    for (const e of events) if (e.type === 'accepted') this.accepted.push(e.orderId);
    if ((cmd.kind === 'deposit' || cmd.kind === 'withdraw') && real.ok) {
      const decimals = this.config.assets!.find((a) => a.id === cmd.asset)!.decimals;
      const units = unitsOf(cmd.amount, decimals) * (cmd.kind === 'deposit' ? 1n : -1n);
      this.grants.set(cmd.asset, (this.grants.get(cmd.asset) ?? 0n) + units);
    }
    if (this.keepHistory) this.history.push(...events);
    return events;
  }
}

/** Section A checks from public queries; returns the failures (empty when all hold). */
export function checkInvariants(
  engine: Engine,
  accounts: number,
  grants: ReadonlyMap<string, bigint>,
): string[] {
  const errors = engine.validate();
  for (const id of engine.instrumentIds()) {
    const bid = engine.bestBid(id);
    const ask = engine.bestAsk(id);
    if (bid !== null && ask !== null && bid >= ask) errors.push(`${id} crossed: ${bid} >= ${ask}`);
  }
  const held = new Map<string, bigint>();
  const lockedByOrders = new Map<string, bigint>();
  for (let account = 0; account <= accounts; account++) {
    for (const b of engine.balances(account)) {
      if (b.free < 0 || b.locked < 0) errors.push(`account ${account} ${b.asset} negative`);
      held.set(b.asset, (held.get(b.asset) ?? 0n) + BigInt(b.free) + BigInt(b.locked));
      lockedByOrders.set(`${account}:${b.asset}`, 0n);
    }
    for (const o of engine.openOrders(account)) {
      if (o.filledQty + o.leavesQty !== o.qty || o.leavesQty <= 0 || o.filledQty < 0) {
        errors.push(`order ${o.orderId} quantities ${o.filledQty}+${o.leavesQty} != ${o.qty}`);
      }
      const info = engine.instrument(o.instrument)!;
      const key = `${account}:${o.side === 'buy' ? info.quote : info.base}`;
      const expected = expectedLock(info, o.side === 'buy', o.price, o.leavesQty);
      if (BigInt(o.locked) !== expected)
        errors.push(`order ${o.orderId}: locked ${o.locked}, rules say ${expected}`);
      lockedByOrders.set(key, (lockedByOrders.get(key) ?? 0n) + expected);
    }
    for (const b of engine.balances(account)) {
      if (BigInt(b.locked) !== lockedByOrders.get(`${account}:${b.asset}`)) {
        errors.push(`account ${account} ${b.asset}: locked ${b.locked} != orders' locks`);
      }
    }
  }
  for (const [asset, total] of held) {
    const granted = grants.get(asset) ?? 0n;
    if (total !== granted) errors.push(`${asset}: held ${total} (fees included) != grants ${granted}`);
  }
  return errors;
}

/** price × leaves plus the fee reserve (rounded up, higher of the two rates) for a buy; base for a sell. */
function expectedLock(
  info: NonNullable<ReturnType<Engine['instrument']>>,
  buy: boolean,
  price: number,
  leaves: number,
): bigint {
  if (!buy) return BigInt(leaves) * BigInt(info.baseUnitsPerLot);
  const notional = BigInt(price) * BigInt(leaves) * BigInt(info.unitsPerTickLot);
  const [m, t] = [rateOf(info.makerFee), rateOf(info.takerFee)];
  const [num, den] = m[0] * t[1] >= t[0] * m[1] ? m : t;
  return notional + (notional * num + den - 1n) / den;
}
