/** Shared ledger write ops for store tests and benchmarks. */
import type { FillRow, WriteOp } from '../../src-main/store/writer/ops';

export const ACCOUNTS = Array.from({ length: 20 }, (_, i) => `agent-${i}`);

/** Registers the instrument and the accounts fills below refer to. */
export function ledgerSetup(venue = 'sim'): WriteOp[] {
  return [
    {
      op: 'instrument',
      venue,
      symbol: 'BTC-USD',
      baseAsset: 'BTC',
      quoteAsset: 'USD',
      tickSize: '0.5',
      lotSize: '0.001',
    },
    ...ACCOUNTS.map((account): WriteOp => ({
      op: 'account',
      venue,
      account,
      name: account,
      kind: 'agent',
      ts: 1_700_000_000_000,
    })),
  ];
}

export function fillOp(tradeId: number, venue = 'sim'): WriteOp {
  const row: FillRow = {
    tradeId,
    ts: 1_700_000_000_000 + tradeId,
    instrument: 'BTC-USD',
    price: `${64000 + (tradeId % 100)}.5`,
    quantity: '0.012',
    takerSide: tradeId % 2 ? 'buy' : 'sell',
    makerOrderId: tradeId * 2,
    takerOrderId: tradeId * 2 + 1,
    makerAccount: ACCOUNTS[tradeId % 17]!,
    takerAccount: ACCOUNTS[tradeId % 13]!,
    makerFee: '0.0768',
    takerFee: '0.384',
  };
  return { op: 'fill', venue, row };
}

/** An order row upsert: the same order with a different `filled` is a later state of it. */
export function orderOp(venue: string, orderId: number, filled: number): WriteOp {
  return {
    op: 'order',
    venue,
    row: {
      orderId,
      account: 'agent-1',
      instrument: 'BTC-USD',
      side: 'buy',
      orderType: 'limit',
      tif: 'GTC',
      price: '1',
      quantity: '100',
      filled: String(filled),
      status: 'open',
      clientOrderId: null,
      createdTs: 1,
      updatedTs: filled,
    },
  };
}
