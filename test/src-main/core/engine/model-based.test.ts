/**
 * Model-based test (fast-check `fc.commands`) of the engine against the naive reference
 * (reference/), covering reliability.md section A points 1-11:
 * every command runs on both and must give the same result, the same events (so the same fills, in the
 * same price-time order: A2, A4) and the same state hash; after every command the section A
 * invariants are re-derived from public queries (A1, A3, A5, A6, A7); cancel-twice and duplicate
 * client ids are their own commands (A8, A9); each run ends with a teardown sweep (A10) and a replay
 * of the command log into a fresh engine (A11). fast-check prints the seed and shrunk path on failure.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Engine } from '../../../../src-main/core/engine/engine';
import { EventRecorder } from '../../../../src-main/core/engine/events';
import { DifferentialPair } from './support/differential';
import { accounts, commands, dec, exec, nextTs, type Real } from './support/model-commands';

/** A10: sweep every ask, then every bid, with IOC orders of a fresh, rich account. */
function teardownSweep(r: Real): void {
  const n = accounts(r) + 1;
  exec(r, { kind: 'register_account', label: 'sweeper', ts: nextTs() });
  for (const asset of ['USD', 'BTC', 'ETH']) {
    exec(r, { kind: 'deposit', account: n, asset, amount: dec('100000000'), ts: nextTs() });
  }
  for (const instrument of ['BTC-USD', 'ETH-BTC']) {
    const asks = r.engine.depth(instrument, 'sell', 1e9);
    if (asks.length > 0) {
      // At least 100 lots so minimum size/notional never blocks the sweep; IOC cancels the excess.
      const volume = Math.max(
        100,
        asks.reduce((s, l) => s + l.qty, 0),
      );
      const worst = asks[asks.length - 1]!.price;
      exec(r, {
        kind: 'place',
        account: n,
        instrument,
        side: 'buy',
        type: 'limit',
        tif: 'IOC',
        price: worst,
        qty: volume,
        ts: nextTs(),
      });
    }
    const bids = r.engine.depth(instrument, 'buy', 1e9);
    if (bids.length > 0) {
      const volume = Math.max(
        100,
        bids.reduce((s, l) => s + l.qty, 0),
      );
      const worst = bids[bids.length - 1]!.price;
      exec(r, {
        kind: 'place',
        account: n,
        instrument,
        side: 'sell',
        type: 'limit',
        tif: 'IOC',
        price: worst,
        qty: volume,
        ts: nextTs(),
      });
    }
    expect(r.engine.restingVolume(instrument, 'buy') + r.engine.restingVolume(instrument, 'sell')).toBe(0);
  }
}

/** A11: the command log replayed into a fresh engine gives the same events and hash. */
function replay(r: Real): void {
  const recorder = new EventRecorder();
  const again = new Engine(r.config, recorder);
  for (const cmd of r.log) again.execute(cmd);
  expect(JSON.stringify(recorder.events)).toBe(JSON.stringify(r.history));
  expect(again.stateHash()).toBe(r.engine.stateHash());
}

describe('engine vs naive reference (fc.commands)', () => {
  it('agrees on every result, event and hash, keeps section A invariants, sweeps clean and replays', () => {
    fc.assert(
      fc.property(commands, (cmds) => {
        const pair = new DifferentialPair();
        for (let i = 1; i <= 3; i++) {
          exec(pair, {
            kind: 'register_account',
            label: `acct-${i}`,
            stp: (['cancel_resting', 'cancel_incoming', 'cancel_both'] as const)[i - 1]!,
            ts: nextTs(),
          });
          for (const [asset, amount] of [
            ['USD', '300'],
            ['BTC', '8'],
            ['ETH', '60'],
          ] as const) {
            exec(pair, { kind: 'deposit', account: i, asset, amount: dec(amount), ts: nextTs() });
          }
        }
        fc.modelRun(() => ({ model: {}, real: pair }), cmds);
        teardownSweep(pair);
        replay(pair);
      }),
      { numRuns: 1000 },
    );
  });
});
