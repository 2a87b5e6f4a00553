/**
 * Stops and brackets on the simulated venue: the trigger layer around its durable port, journaled
 * as `sim.trigger` entries. A pending stop survives a restart with its id (never colliding with
 * the engine's ids), a stop fires on the venue's own prints and fills, and the engine itself
 * still refuses trigger orders sent around the layer.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DecimalString } from '../../../src-shared/domain';
import type { VenuePort, VenueResult } from '../../../src-main/gateway/venue-port';
import { SIM_TRIGGER_ID_BASE } from '../../../src-main/sim/triggers';
import { sqliteSim } from './sqlite-support';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const d = (s: string) => s as DecimalString;
const value = async <T>(answer: VenueResult<T> | Promise<VenueResult<T>>): Promise<T> => {
  const result = await answer;
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
};
const touch = (port: VenuePort, symbol: string) => {
  const [book] = port.books(1, [symbol]);
  return { bid: book!.bids[0]!.px, ask: book!.asks[0]!.px };
};

describe('trigger orders on the simulated venue', () => {
  it('a pending stop survives a restart with its id; the engine state is unchanged by it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'depthline-sim-triggers-'));
    dirs.push(dir);
    const first = await sqliteSim(dir, { seed: 5 });
    first.steps(300);
    const you = first.sim.userAgentId;
    const port = first.sim.triggers.port;
    const stop = await value(
      port.placeOrder({
        agentId: you,
        symbol: 'BTC-USD',
        side: 'buy',
        orderType: 'stop_market',
        triggerPrice: d('999999'),
        quantity: d('0.01'),
        timeInForce: 'IOC',
        clientOrderId: 'far-stop',
      }),
    );
    expect(Number(stop.orderId)).toBeGreaterThan(SIM_TRIGGER_ID_BASE);
    expect(stop).toMatchObject({ status: 'open', trigger: { type: 'stop_market', state: 'pending' } });
    first.steps(50);
    const hash = first.sim.engine.stateHash();
    await first.sim.stop();

    const second = await sqliteSim(dir, { seed: 5 });
    expect(second.sim.engine.stateHash()).toBe(hash);
    const open = await value(second.sim.triggers.port.openOrders(second.sim.userAgentId));
    expect(open.filter((o) => o.trigger)).toEqual([
      expect.objectContaining({
        orderId: stop.orderId,
        clientOrderId: 'far-stop',
        trigger: expect.objectContaining({ triggerPrice: '999999', state: 'pending' }),
      }),
    ]);
    // A new trigger after the restart gets a fresh id.
    const next = await value(
      second.sim.triggers.port.placeOrder({
        agentId: second.sim.userAgentId,
        symbol: 'BTC-USD',
        side: 'sell',
        orderType: 'stop_market',
        triggerPrice: d('1'),
        quantity: d('0.01'),
        timeInForce: 'IOC',
      }),
    );
    expect(Number(next.orderId)).toBeGreaterThan(Number(stop.orderId));
    await second.sim.stop();
  });

  it('a buy stop at the ask fires on a print and fills the user', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'depthline-sim-triggers-'));
    dirs.push(dir);
    const { sim, steps } = await sqliteSim(dir, { seed: 9 });
    steps(300);
    const port = sim.triggers.port;
    const you = sim.userAgentId;
    const { ask } = touch(port, 'BTC-USD');
    const stop = await value(
      port.placeOrder({
        agentId: you,
        symbol: 'BTC-USD',
        side: 'buy',
        orderType: 'stop_market',
        triggerPrice: d(ask),
        quantity: d('0.01'),
        timeInForce: 'IOC',
      }),
    );
    let fills: readonly { orderId: string }[] = [];
    for (let i = 0; i < 200 && fills.length === 0; i++) {
      steps(50);
      await sim.journal.flush();
      fills = (await value(port.recentFills(you, 10))).filter((f) => f.orderId === stop.orderId);
    }
    expect(fills.length).toBeGreaterThan(0);
    const open = await value(port.openOrders(you));
    expect(open.find((o) => o.orderId === stop.orderId)).toBeUndefined();
    await sim.stop();
  });

  it('the engine refuses a stop sent around the trigger layer, and nothing changes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'depthline-sim-triggers-'));
    dirs.push(dir);
    const { sim, steps } = await sqliteSim(dir, { seed: 3 });
    steps(20);
    const hash = sim.engine.stateHash();
    const answer = await sim.port.placeOrder({
      agentId: sim.userAgentId,
      symbol: 'BTC-USD',
      side: 'buy',
      orderType: 'stop_market',
      triggerPrice: d('70000'),
      quantity: d('0.01'),
      timeInForce: 'IOC',
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_PRICE' } });
    expect(sim.engine.stateHash()).toBe(hash);
    await sim.stop();
  });
});
