/**
 * Random engine commands for property tests of what carries them (journal text, the store writer's
 * packed runs): amends, placements and cancels with every optional field present or not, in the
 * engine's field order (core/engine/types.ts).
 */
import fc from 'fast-check';
import type { EngineCommand } from '../../src-main/core/engine';

/** The command of `kind` with the fields given, in `order`, absent ones left out. */
function command(kind: EngineCommand['kind'], fields: Record<string, unknown>, order: readonly string[]) {
  const cmd: Record<string, unknown> = { kind };
  for (const key of order) if (fields[key] !== undefined) cmd[key] = fields[key];
  return cmd as unknown as EngineCommand;
}

/** Amends whose account and order id come from `id` and whose price and quantity come from `int`. */
export function amendCommands(
  int: fc.Arbitrary<number>,
  id: fc.Arbitrary<number> = fc.nat(),
): fc.Arbitrary<EngineCommand> {
  const fields = { account: id, orderId: id, price: int, qty: int, ts: fc.nat() };
  return fc
    .record(fields, { requiredKeys: ['account', 'orderId', 'ts'] })
    .map((f) => command('amend', f, Object.keys(fields)));
}

/** Placements: numbers from `int`, instrument and client id from `text`, enums from the vocabulary. */
export function placeCommands(
  int: fc.Arbitrary<number>,
  text: fc.Arbitrary<string>,
): fc.Arbitrary<EngineCommand> {
  const fields = {
    account: int,
    instrument: text,
    side: fc.constantFrom('buy', 'sell'),
    type: fc.constantFrom('limit', 'market'),
    tif: fc.constantFrom('GTC', 'IOC', 'FOK', 'POST_ONLY'),
    price: int,
    qty: int,
    clientOrderId: text,
    ts: fc.nat(),
  };
  return fc
    .record(fields, { requiredKeys: ['account', 'instrument', 'side', 'type', 'qty', 'ts'] })
    .map((f) => command('place', f, Object.keys(fields)));
}

/** Cancels by order id, client id or both. */
export function cancelCommands(
  int: fc.Arbitrary<number>,
  text: fc.Arbitrary<string>,
): fc.Arbitrary<EngineCommand> {
  const fields = { account: int, orderId: int, clientOrderId: text, ts: fc.nat() };
  return fc
    .record(fields, { requiredKeys: ['account', 'ts'] })
    .map((f) => command('cancel', f, Object.keys(fields)));
}
