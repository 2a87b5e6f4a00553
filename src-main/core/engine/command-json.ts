/**
 * The journal body of an engine command: its JSON. Amends are most of a session's commands (market
 * makers re-quote every step) and carry only integers, so their text is written directly, about 3x
 * cheaper than JSON.stringify on the engine's thread; every other command goes through
 * JSON.stringify. For an amend built in the engine's field order the text is JSON.stringify's, and
 * in any order it parses back to the same command (test/src-main/sim/command-json.test.ts). The
 * type check below fails to compile when AmendOrder gains a field this writer does not know.
 */
import type { AmendOrder, EngineCommand } from '../core/engine';

type Written = 'account' | 'orderId' | 'price' | 'qty' | 'ts';
const everyAmendFieldWritten: Exclude<keyof AmendOrder, Written> extends never ? true : false = true;
void everyAmendFieldWritten;

export function commandJson(cmd: EngineCommand): string {
  if (cmd.kind !== 'amend') return JSON.stringify(cmd);
  let text = `{"kind":"amend","account":${cmd.account},"orderId":${cmd.orderId}`;
  if (cmd.price !== undefined) text += `,"price":${cmd.price}`;
  if (cmd.qty !== undefined) text += `,"qty":${cmd.qty}`;
  return `${text},"ts":${cmd.ts}}`;
}
