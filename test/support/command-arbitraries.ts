/**
 * Random engine commands for property tests of what carries them (journal text, the store writer's
 * packed runs): amends, placements and cancels with every optional field present or not, in the
 * engine's field order (core/engine/types.ts).
 */
import fc from 'fast-check';
import type { EngineCommand } from '../../src-main/core/engine';

/** Amends whose account and order id come from `id` and whose price and quantity come from `int`. */
export function amendCommands(
  int: fc.Arbitrary<number>,
  id: fc.Arbitrary<number> = fc.nat(),
): fc.Arbitrary<EngineCommand> {
  return fc
    .record(
      { account: id, orderId: id, price: int, qty: int, ts: fc.nat() },
      { requiredKeys: ['account', 'orderId', 'ts'] },
    )
    .map((f) => ({
      kind: 'amend',
      account: f.account,
      orderId: f.orderId,
      ...(f.price !== undefined ? { price: f.price } : {}),
      ...(f.qty !== undefined ? { qty: f.qty } : {}),
      ts: f.ts,
    }));
}

/** Placements: numbers from `int`, instrument and client id from `text`, enums from the vocabulary. */
export function placeCommands(
  int: fc.Arbitrary<number>,
  text: fc.Arbitrary<string>,
): fc.Arbitrary<EngineCommand> {
  return fc
    .record(
      {
        account: int,
        instrument: text,
        side: fc.constantFrom('buy' as const, 'sell' as const),
        type: fc.constantFrom('limit' as const, 'market' as const),
        tif: fc.constantFrom('GTC' as const, 'IOC' as const, 'FOK' as const, 'POST_ONLY' as const),
        price: int,
        qty: int,
        clientOrderId: text,
        ts: fc.nat(),
      },
      { requiredKeys: ['account', 'instrument', 'side', 'type', 'qty', 'ts'] },
    )
    .map((f) => ({
      kind: 'place',
      account: f.account,
      instrument: f.instrument,
      side: f.side,
      type: f.type,
      ...(f.tif !== undefined ? { tif: f.tif } : {}),
      ...(f.price !== undefined ? { price: f.price } : {}),
      qty: f.qty,
      ...(f.clientOrderId !== undefined ? { clientOrderId: f.clientOrderId } : {}),
      ts: f.ts,
    }));
}

/** Cancels by order id, client id or both. */
export function cancelCommands(
  int: fc.Arbitrary<number>,
  text: fc.Arbitrary<string>,
): fc.Arbitrary<EngineCommand> {
  return fc
    .record(
      { account: int, orderId: int, clientOrderId: text, ts: fc.nat() },
      { requiredKeys: ['account', 'ts'] },
    )
    .map((f) => ({
      kind: 'cancel',
      account: f.account,
      ...(f.orderId !== undefined ? { orderId: f.orderId } : {}),
      ...(f.clientOrderId !== undefined ? { clientOrderId: f.clientOrderId } : {}),
      ts: f.ts,
    }));
}
