/**
 * A long seeded differential run (reliability.md A12): the random command stream goes through the
 * engine and the naive reference; results and events are compared on every command, state hashes and
 * the section A invariants every `checkEvery` commands, and the final L2 books and hashes at the end.
 * Throws on the first difference.
 */
import { checkInvariants, DifferentialPair } from './differential';
import { RandomCommands } from './random-commands';

export interface RunSummary {
  commands: number;
  engineHash: string;
  naiveHash: string;
  accepted: number;
  trades: number;
  rejected: number;
  resting: number;
  seconds: number;
}

export function differentialRun(
  seed: number,
  commands: number,
  checkEvery = 1000,
  progress?: (done: number, resting: number) => void,
): RunSummary {
  const started = performance.now();
  const pair = new DifferentialPair(undefined, false, checkEvery);
  const stream = new RandomCommands(seed, pair);
  let [trades, rejected] = [0, 0];
  const count = (events: ReturnType<DifferentialPair['run']>) => {
    for (const e of events) {
      if (e.type === 'trade') trades += 1;
      else if (e.type === 'rejected') rejected += 1;
    }
  };
  for (const cmd of stream.setup()) count(pair.run(cmd));
  const resting = () =>
    pair.engine
      .instrumentIds()
      .reduce(
        (n, id) =>
          n +
          pair.engine.depth(id, 'buy', 1e9).reduce((s, l) => s + l.orders, 0) +
          pair.engine.depth(id, 'sell', 1e9).reduce((s, l) => s + l.orders, 0),
        0,
      );
  for (let i = 1; i <= commands; i++) {
    count(pair.run(stream.next()));
    if (i % checkEvery === 0) {
      const errors = checkInvariants(pair.engine, 12, pair.grants);
      if (errors.length > 0) throw new Error(`invariants broken at command ${i}:\n${errors.join('\n')}`);
      progress?.(i, resting());
    }
  }
  for (const id of pair.engine.instrumentIds()) {
    for (const side of ['buy', 'sell'] as const) {
      const expected = pair.naive.makersInOrder(
        pair.naive.instruments.findIndex((x) => x.id === id),
        side,
      );
      const levels = pair.engine.depth(id, side, 1e9);
      const naiveLevels = [...new Set(expected.map((o) => o.price))].map((price) => {
        const at = expected.filter((o) => o.price === price);
        return { price, qty: at.reduce((s, o) => s + o.leaves, 0), orders: at.length };
      });
      if (JSON.stringify(levels) !== JSON.stringify(naiveLevels))
        throw new Error(`final L2 differs on ${id} ${side}`);
    }
  }
  return {
    commands,
    engineHash: pair.engine.stateHash(),
    naiveHash: pair.naive.stateHash(),
    accepted: pair.accepted.length,
    trades,
    rejected,
    resting: resting(),
    seconds: (performance.now() - started) / 1000,
  };
}
