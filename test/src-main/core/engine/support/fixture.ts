/**
 * A small, readable market for scenario tests: BTC-USD with tick 0.01, lot 0.001, min notional 1 USD,
 * maker 0.1% and taker 0.2%; USD has 6 decimals and BTC 8. Prices in these tests are ticks
 * (10000 = 100.00 USD), sizes lots (1000 = 1 BTC); one tick × one lot is 10 USD units (0.00001 USD).
 */
import { Engine } from '../../../../../src-main/core/engine/engine';
import { EventRecorder, type EngineEvent } from '../../../../../src-main/core/engine/events';
import type { EngineConfig, PlaceOrder, StpMode } from '../../../../../src-main/core/engine/types';
import type { DecimalString } from '../../../../../src-shared/domain';

export const dec = (s: string) => s as DecimalString;

export const SCENARIO_CONFIG: EngineConfig = {
  assets: [
    { id: 'USD', decimals: 6 },
    { id: 'BTC', decimals: 8 },
  ],
  instruments: [
    {
      id: 'BTC-USD',
      base: 'BTC',
      quote: 'USD',
      tickSize: dec('0.01'),
      lotSize: dec('0.001'),
      minNotional: dec('1'),
      makerFee: dec('0.001'),
      takerFee: dec('0.002'),
    },
  ],
};

export interface Fixture {
  engine: Engine;
  recorder: EventRecorder;
  alice: number;
  bob: number;
  /** Places an order for an account on BTC-USD and returns only the events it emitted. */
  place(order: Partial<PlaceOrder> & Pick<PlaceOrder, 'account' | 'side' | 'qty'>): EngineEvent[];
  take(): EngineEvent[];
}

export function fixture(options: { stp?: StpMode; config?: EngineConfig } = {}): Fixture {
  const recorder = new EventRecorder();
  const engine = new Engine(
    { ...(options.config ?? SCENARIO_CONFIG), ...(options.stp ? { stp: options.stp } : {}) },
    recorder,
  );
  const alice = (engine.registerAccount({ label: 'alice', ts: 0 }) as { value: number }).value;
  const bob = (engine.registerAccount({ label: 'bob', ts: 0 }) as { value: number }).value;
  for (const account of [alice, bob]) {
    engine.deposit({ account, asset: 'USD', amount: dec('100000'), ts: 0 });
    engine.deposit({ account, asset: 'BTC', amount: dec('100'), ts: 0 });
  }
  recorder.take();
  let ts = 1;
  return {
    engine,
    recorder,
    alice,
    bob,
    place(order) {
      engine.placeOrder({ instrument: 'BTC-USD', type: 'limit', ts: ts++, ...order });
      return recorder.take();
    },
    take: () => recorder.take(),
  };
}

/** Event types in order, without level events (the nautilus-style view). */
export function kinds(events: readonly EngineEvent[]): string[] {
  return events
    .filter((e) => e.type !== 'level')
    .map((e) =>
      e.type === 'canceled'
        ? `canceled:${e.reason}`
        : e.type === 'rejected'
          ? `rejected:${e.reason}`
          : e.type,
    );
}
