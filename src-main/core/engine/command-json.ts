/**
 * The journal body of an engine command: its JSON. Amends, placements and cancels are nearly every
 * command of a session (market makers re-quote every step, takers place and cancel), so their text
 * is written directly, about 3x cheaper than JSON.stringify; the rare rest goes through
 * JSON.stringify. For a command built in the engine's field order (types.ts) the text is
 * JSON.stringify's, and in any order it parses back to the same command
 * (test/src-main/core/engine/command-json.test.ts). The type checks below fail to compile when one
 * of these commands gains a field this writer does not know (the store writer's packed form of
 * commands, store/writer/batch.ts, relies on the same field lists).
 */
import type { AmendOrder, CancelOrder, EngineCommand, PlaceOrder } from './types';

type AmendField = 'account' | 'orderId' | 'price' | 'qty' | 'ts';
type PlaceField =
  'account' | 'instrument' | 'side' | 'type' | 'tif' | 'price' | 'qty' | 'clientOrderId' | 'ts';
type CancelField = 'account' | 'orderId' | 'clientOrderId' | 'ts';
const everyFieldWritten: [
  Exclude<keyof AmendOrder, AmendField>,
  Exclude<keyof PlaceOrder, PlaceField>,
  Exclude<keyof CancelOrder, CancelField>,
] extends [never, never, never]
  ? true
  : false = true;
void everyFieldWritten;

/** The quoted text of every side, order type and time in force (a closed set: nothing to escape). */
const QUOTED: Readonly<Record<string, string>> = Object.fromEntries(
  ['buy', 'sell', 'limit', 'market', 'GTC', 'IOC', 'FOK', 'POST_ONLY'].map((v) => [v, `"${v}"`]),
);

export function commandJson(cmd: EngineCommand): string {
  switch (cmd.kind) {
    case 'amend': {
      let text = `{"kind":"amend","account":${cmd.account},"orderId":${cmd.orderId}`;
      if (cmd.price !== undefined) text += `,"price":${cmd.price}`;
      if (cmd.qty !== undefined) text += `,"qty":${cmd.qty}`;
      return `${text},"ts":${cmd.ts}}`;
    }
    case 'place': {
      const side = QUOTED[cmd.side];
      const type = QUOTED[cmd.type];
      const tif = cmd.tif === undefined ? '' : QUOTED[cmd.tif];
      // Anything outside the vocabulary (never accepted by the engine) is still escaped properly.
      if (side === undefined || type === undefined || tif === undefined) return JSON.stringify(cmd);
      let text = `{"kind":"place","account":${cmd.account},"instrument":${JSON.stringify(cmd.instrument)}`;
      text += `,"side":${side},"type":${type}`;
      if (cmd.tif !== undefined) text += `,"tif":${tif}`;
      if (cmd.price !== undefined) text += `,"price":${cmd.price}`;
      text += `,"qty":${cmd.qty}`;
      if (cmd.clientOrderId !== undefined) text += `,"clientOrderId":${JSON.stringify(cmd.clientOrderId)}`;
      return `${text},"ts":${cmd.ts}}`;
    }
    case 'cancel': {
      let text = `{"kind":"cancel","account":${cmd.account}`;
      if (cmd.orderId !== undefined) text += `,"orderId":${cmd.orderId}`;
      if (cmd.clientOrderId !== undefined) text += `,"clientOrderId":${JSON.stringify(cmd.clientOrderId)}`;
      return `${text},"ts":${cmd.ts}}`;
    }
    default:
      return JSON.stringify(cmd);
  }
}
