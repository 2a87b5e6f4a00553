/** TeeSink fan-out and the decimal-string form of events (what the wire and persistence store). */
import { describe, expect, it } from 'vitest';
import { EventRecorder } from '../../../../src-main/core/engine/events';
import { TeeSink, toDecimalEvent } from '../../../../src-main/core/engine/event-format';
import { dec, fixture } from './support/fixture';

describe('event plumbing', () => {
  it('toDecimalEvent writes ticks, lots and units as exact decimal strings', () => {
    const recorder = new EventRecorder();
    const f = fixture();
    f.engine.setSink(new TeeSink([f.recorder, recorder]));
    const first = f.place({ account: f.bob, side: 'sell', price: 10000, qty: 600 });
    const second = f.place({ account: f.alice, side: 'buy', price: 10100, qty: 1000, tif: 'IOC' });
    f.engine.deposit({ account: f.alice, asset: 'USD', amount: dec('0.5'), ts: 9 });
    const events = recorder.take();
    expect(events).toEqual([...first, ...second, ...f.take()]); // both sinks saw the same calls
    const wire = events.map((e) => toDecimalEvent(e, f.engine));
    expect(wire.find((e) => e.type === 'trade')).toMatchObject({
      price: '100',
      qty: '0.6',
      makerFee: '0.06',
      takerFee: '0.12',
      makerLeaves: '0',
      takerLeaves: '0.4',
    });
    expect(wire.find((e) => e.type === 'canceled')).toMatchObject({ canceledQty: '0.4', filledQty: '0.6' });
    expect(wire.find((e) => e.type === 'accepted')).toMatchObject({ price: '100', qty: '0.6' });
    expect(wire.at(-1)).toMatchObject({ type: 'funds', units: '0.5' });
    expect(JSON.parse(JSON.stringify(wire))).toEqual(wire);
  });
});
