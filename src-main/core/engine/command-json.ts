/**
 * The journal body of an engine command: its JSON. Amends are most of a session's commands (market
 * makers re-quote every step) and carry only integers, so their text is written directly, about 3x
 * cheaper than JSON.stringify; every other command goes through JSON.stringify. For an amend built
 * in the engine's field order the text is JSON.stringify's, and in any order it parses back to the
 * same command (test/src-main/core/engine/command-json.test.ts). The type check below fails to
 * compile when AmendOrder gains a field this writer does not know (and so does the store writer's
 * packed form of amends, store/writer/batch.ts, which relies on the same field list).
 */
import type { AmendOrder, EngineCommand } from './types';

export type AmendField = 'account' | 'orderId' | 'price' | 'qty' | 'ts';
const everyAmendFieldWritten: Exclude<keyof AmendOrder, AmendField> extends never ? true : false = true;
void everyAmendFieldWritten;

export function commandJson(cmd: EngineCommand): string {
  if (cmd.kind !== 'amend') return JSON.stringify(cmd);
  let text = `{"kind":"amend","account":${cmd.account},"orderId":${cmd.orderId}`;
  if (cmd.price !== undefined) text += `,"price":${cmd.price}`;
  if (cmd.qty !== undefined) text += `,"qty":${cmd.qty}`;
  return `${text},"ts":${cmd.ts}}`;
}
