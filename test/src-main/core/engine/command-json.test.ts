/**
 * Journal bodies (core/engine/command-json.ts): an amend's hand-written text is JSON.stringify's for the
 * engine's field order and parses back to the same command in any order; other commands are
 * JSON.stringify's text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EngineCommand } from '../../../../src-main/core/engine';
import { commandJson } from '../../../../src-main/core/engine/command-json';
import { amendCommands } from '../../../support/amend-commands';

const int = fc.integer({ min: -(2 ** 53) + 1, max: 2 ** 53 - 1 });
const amend = amendCommands(int);

describe('journal bodies of engine commands', () => {
  it("an amend's text is JSON.stringify's", () => {
    fc.assert(
      fc.property(amend, (cmd) => {
        expect(commandJson(cmd)).toBe(JSON.stringify(cmd));
      }),
      { numRuns: 2000 },
    );
  });

  it('an amend with its fields in any order parses back to the same command', () => {
    fc.assert(
      fc.property(amend, fc.func(fc.integer()), (cmd, order) => {
        const shuffled = Object.fromEntries(
          Object.entries(cmd).sort(([a], [b]) => order(a) - order(b) || a.localeCompare(b)),
        ) as EngineCommand;
        expect(JSON.parse(commandJson(shuffled))).toEqual(cmd);
      }),
      { numRuns: 500 },
    );
  });

  it('every other command is JSON.stringify text, strings escaped', () => {
    const commands: EngineCommand[] = [
      { kind: 'register_account', label: 'bot:"quote"\\n', ts: 1 },
      { kind: 'deposit', account: 1, asset: 'USD', amount: '100.5' as never, ts: 2 },
      {
        kind: 'place',
        account: 2,
        instrument: 'BTC-USD',
        side: 'buy',
        type: 'limit',
        price: 5,
        qty: 3,
        clientOrderId: 'c\u2028"x',
        ts: 3,
      },
      { kind: 'cancel', account: 2, clientOrderId: 'c1', ts: 4 },
      { kind: 'cancel_all', account: 2, instrument: 'ETH-USD', ts: 5 },
    ];
    for (const cmd of commands) {
      expect(commandJson(cmd)).toBe(JSON.stringify(cmd));
      expect(JSON.parse(commandJson(cmd))).toEqual(cmd);
    }
  });
});
