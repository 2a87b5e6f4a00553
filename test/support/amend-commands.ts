/**
 * Random amend commands for property tests of what carries engine commands (journal text, the store
 * writer's packed runs): price and quantity each present or not, in the engine's field order.
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
    .map((fields) => ({
      kind: 'amend',
      account: fields.account,
      orderId: fields.orderId,
      ...(fields.price !== undefined ? { price: fields.price } : {}),
      ...(fields.qty !== undefined ? { qty: fields.qty } : {}),
      ts: fields.ts,
    }));
}
