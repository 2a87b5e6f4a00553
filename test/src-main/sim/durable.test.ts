/**
 * Nothing is acknowledged before it is stored: the durable port answers a command only once its
 * journal batch committed, delivers the events it caused after the answer, refuses new orders
 * (retryable) while the journal applies backpressure, and halts the venue with the reason when
 * storage fails.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DecimalString } from '../../../src-shared/domain';
import { ok, type Result } from '../../../src-shared/result';
import { ManualClock, ManualTimers, silentLogger } from '../../../src-main/core/ports';
import type { PlaceOrderRequest, VenueEvent } from '../../../src-main/gateway/venue-port';
import { MemoryJournal, type Journal } from '../../../src-main/sim/journal';
import { SimRuntime } from '../../../src-main/sim/runtime';
import type { LedgerOp } from '../../../src-main/store/writer/ops';
import { simSettings } from './support';
import { sqliteSim } from './sqlite-support';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const d = (s: string) => s as DecimalString;

/** A journal whose commits and backpressure the test controls. */
class HeldJournal implements Journal {
  readonly records = true;
  readonly derivesRows = false;
  readonly synchronous = false;
  accepting = true;
  failure: string | null = null;
  private ticket = 0;
  private committed = 0;
  private waiters: Array<{ ticket: number; resolve: (r: Result<void>) => void }> = [];
  write(_ops: LedgerOp[]): number {
    return ++this.ticket;
  }
  command(): number {
    return ++this.ticket;
  }
  get lastTicket(): number {
    return this.ticket;
  }
  get committedTicket(): number {
    return this.committed;
  }
  whenCommitted(ticket: number): Promise<Result<void>> {
    if (ticket <= this.committed) return Promise.resolve(ok(undefined));
    return new Promise((resolve) => this.waiters.push({ ticket, resolve }));
  }
  commitAll(): void {
    this.committed = this.ticket;
    const ready = this.waiters.filter((w) => w.ticket <= this.committed);
    this.waiters = this.waiters.filter((w) => w.ticket > this.committed);
    for (const w of ready) w.resolve(ok(undefined));
  }
  onFailure(): () => void {
    return () => {};
  }
  flush(): Promise<Result<void>> {
    this.commitAll();
    return Promise.resolve(ok(undefined));
  }
}

async function heldSim() {
  const journal = new HeldJournal();
  const sim = new SimRuntime({
    settings: simSettings(),
    persistence: { kind: 'memory', journal },
    clock: new ManualClock(1_700_000_000_000, 0),
    timers: new ManualTimers(),
    log: silentLogger,
    autoRun: false,
  });
  await sim.start();
  journal.commitAll();
  // Let the start-up events (accounts opened) be delivered before the test listens.
  for (let i = 0; i < 3; i++) await new Promise((r) => setImmediate(r));
  return { sim, journal };
}

const buy = (agentId: string, over: Partial<PlaceOrderRequest> = {}): PlaceOrderRequest => ({
  agentId,
  symbol: 'BTC-USD',
  side: 'buy',
  orderType: 'limit',
  price: d('100'),
  quantity: d('0.01'),
  timeInForce: 'GTC',
  ...over,
});

describe('durable answers', () => {
  it('answers only after the commit, and delivers the events after the answer', async () => {
    const { sim, journal } = await heldSim();
    const seller = sim.agents[0]!.agentId;
    const log: string[] = [];
    sim.port.onEvent((e: VenueEvent) => log.push(e.kind));
    const resting = sim.port.placeOrder(buy(seller, { side: 'sell' }));
    const taker = sim.port.placeOrder(buy(sim.userAgentId, { timeInForce: 'IOC' }));
    expect(resting).toBeInstanceOf(Promise);
    let answered = false;
    void Promise.resolve(taker).then(() => {
      answered = true;
      log.push('answer');
    });
    await new Promise((r) => setImmediate(r));
    expect(answered).toBe(false);
    expect(log).toEqual([]);
    journal.commitAll();
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setImmediate(r));
    expect(await taker).toMatchObject({ ok: true, value: { status: 'filled' } });
    for (let i = 0; i < 3; i++) await new Promise((r) => setImmediate(r));
    expect(log[0]).toBe('answer');
    expect(log).toContain('order_filled');
    expect(log).toContain('trade');
  });

  it('refuses new orders (retryable) under backpressure, still allows cancels', async () => {
    const { sim, journal } = await heldSim();
    const you = sim.userAgentId;
    const placed = await resolveNow(sim.port.placeOrder(buy(you)), journal);
    expect(placed.ok).toBe(true);
    journal.accepting = false;
    const refused = await resolveNow(sim.port.placeOrder(buy(you)), journal);
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'UNAVAILABLE', message: expect.stringMatching(/retry/) },
    });
    // The agents skip their turns instead of queueing.
    const before = sim.pipeline.lastSeq;
    sim.driver.tick();
    expect(sim.pipeline.lastSeq).toBe(before);
    const canceled = await resolveNow(sim.port.cancelAll({ agentId: you }), journal);
    expect(canceled).toMatchObject({ ok: true, value: { canceled: 1 } });
  });

  it('halts the venue and says so when storage fails', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'depthline-sim-fail-'));
    dirs.push(dir);
    const { sim } = await sqliteSim(dir);
    const you = sim.userAgentId;
    expect((await sim.port.placeOrder(buy(you))).ok).toBe(true);
    // A projection naming an account the ledger never heard of rolls its batch back: the writer fails.
    const bad: LedgerOp = {
      op: 'balance',
      venue: 'sim',
      account: 'nobody',
      asset: 'USD',
      delta: '1',
      reason: 'adjustment',
      ts: 0,
    };
    const pending = sim.port.placeOrder(buy(you, { price: d('101') }));
    sim.journal.write([bad]);
    expect(await pending).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    expect(sim.venue.state).toMatchObject({
      status: 'halted',
      reason: expect.stringMatching(/storage failed/),
    });
    expect(sim.port.available).toBe(false);
    expect(await sim.port.placeOrder(buy(you))).toMatchObject({
      ok: false,
      error: { code: 'UNAVAILABLE', message: expect.stringMatching(/stopped accepting orders/) },
    });
    await sim.stop();
  });

  it('a memory journal answers synchronously', async () => {
    const journal = new MemoryJournal();
    const sim = new SimRuntime({
      settings: simSettings(),
      persistence: { kind: 'memory', journal },
      clock: new ManualClock(0, 0),
      timers: new ManualTimers(),
      log: silentLogger,
      autoRun: false,
    });
    await sim.start();
    expect(sim.port.placeOrder(buy(sim.userAgentId))).toMatchObject({ ok: true });
  });
});

async function resolveNow<T>(answer: T | Promise<T>, journal: HeldJournal): Promise<T> {
  journal.commitAll();
  const result = await answer;
  journal.commitAll();
  return result;
}
