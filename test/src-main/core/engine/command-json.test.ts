/**
 * Journal bodies (core/engine/command-json.ts): the hand-written text of amends, placements and
 * cancels is JSON.stringify's for the engine's field order (strings escaped, whatever they hold)
 * and parses back to the same command in any order; other commands are JSON.stringify's text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EngineCommand } from '../../../../src-main/core/engine';
import { commandJson } from '../../../../src-main/core/engine/command-json';
import { amendCommands, cancelCommands, placeCommands } from '../../../support/command-arbitraries';

const int = fc.integer({ min: -(2 ** 53) + 1, max: 2 ** 53 - 1 });
const text = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom('', '"', '\\', '\u2028'));
const written = fc.oneof(amendCommands(int), placeCommands(int, text), cancelCommands(int, text));

describe('journal bodies of engine commands', () => {
  it("an amend's, a placement's and a cancel's text is JSON.stringify's", () => {
    fc.assert(
      fc.property(written, (cmd) => {
        expect(commandJson(cmd)).toBe(JSON.stringify(cmd));
      }),
      { numRuns: 3000 },
    );
  });

  it('with their fields in any order they parse back to the same command', () => {
    fc.assert(
      fc.property(written, fc.func(fc.integer()), (cmd, order) => {
        const shuffled = Object.fromEntries(
          Object.entries(cmd).sort(([a], [b]) => order(a) - order(b) || a.localeCompare(b)),
        ) as EngineCommand;
        expect(JSON.parse(commandJson(shuffled))).toEqual(cmd);
      }),
      { numRuns: 1000 },
    );
  });

  it('a value outside the vocabulary is still escaped (JSON.stringify)', () => {
    const odd = { kind: 'place', account: 1, instrument: 'X', side: 'b"uy', type: 'limit', qty: 1, ts: 1 };
    const cmd = odd as unknown as EngineCommand;
    expect(commandJson(cmd)).toBe(JSON.stringify(cmd));
  });

  it('every other command is JSON.stringify text, strings escaped', () => {
    const commands: EngineCommand[] = [
      { kind: 'register_account', label: 'bot:"quote"\\n', ts: 1 },
      { kind: 'deposit', account: 1, asset: 'USD', amount: '100.5' as never, ts: 2 },
      { kind: 'cancel_all', account: 2, instrument: 'ETH-USD', ts: 5 },
    ];
    for (const cmd of commands) {
      expect(commandJson(cmd)).toBe(JSON.stringify(cmd));
      expect(JSON.parse(commandJson(cmd))).toEqual(cmd);
    }
  });
});
