/**
 * What the crash child writes, shared with the verifier so both agree on every amount.
 * Prices and sizes are on a 0.5 / 0.001 grid; fees are exact decimal strings.
 */
import type { WriteOp } from '../../../../src-main/store/writer/ops';

export const VENUE = 'crash';
export const FILLS_PER_COMMIT = 8;
export const TRADERS = ['alice', 'bob', 'carol', 'dave'] as const;
export const GRANT = { BTC: '1000', USD: '100000000' } as const;

export const SETUP_OPS: readonly WriteOp[] = [
  {
    op: 'instrument',
    venue: VENUE,
    symbol: 'BTC-USD',
    baseAsset: 'BTC',
    quoteAsset: 'USD',
    tickSize: '0.5',
    lotSize: '0.001',
  },
  ...TRADERS.map((account): WriteOp => ({
    op: 'account',
    venue: VENUE,
    account,
    name: account,
    kind: 'agent',
    ts: 0,
  })),
  ...TRADERS.flatMap((account): WriteOp[] => [
    { op: 'balance', venue: VENUE, account, asset: 'BTC', delta: GRANT.BTC, reason: 'deposit', ts: 0 },
    { op: 'balance', venue: VENUE, account, asset: 'USD', delta: GRANT.USD, reason: 'deposit', ts: 0 },
  ]),
];

/** Deterministic per commit number, so the verifier can recompute exactly what a commit held. */
export function commitOps(commit: number): WriteOp[] {
  const ops: WriteOp[] = [];
  for (let k = 0; k < FILLS_PER_COMMIT; k++) {
    const tradeId = commit * FILLS_PER_COMMIT + k;
    const maker = TRADERS[tradeId % 4]!;
    const taker = TRADERS[(tradeId + 1 + (commit % 3)) % 4]!;
    ops.push({
      op: 'fill',
      venue: VENUE,
      row: {
        tradeId,
        ts: commit,
        instrument: 'BTC-USD',
        price: `${60000 + (tradeId % 40)}.5`,
        quantity: `0.${String(1 + (tradeId % 9)).padStart(3, '0')}`,
        takerSide: tradeId % 2 ? 'buy' : 'sell',
        makerOrderId: tradeId * 2,
        takerOrderId: tradeId * 2 + 1,
        makerAccount: maker,
        takerAccount: taker,
        makerFee: '0.01',
        takerFee: '0.025',
      },
    });
  }
  const from = TRADERS[commit % 4]!;
  const to = TRADERS[(commit + 2) % 4]!;
  ops.push(
    {
      op: 'balance',
      venue: VENUE,
      account: from,
      asset: 'USD',
      delta: '-1.25',
      reason: 'adjustment',
      ts: commit,
    },
    {
      op: 'balance',
      venue: VENUE,
      account: to,
      asset: 'USD',
      delta: '1.25',
      reason: 'adjustment',
      ts: commit,
    },
    {
      op: 'journal',
      venue: VENUE,
      seq: commit,
      ts: commit,
      kind: 'commit',
      body: `{"fills":${FILLS_PER_COMMIT}}`,
    },
  );
  return ops;
}
