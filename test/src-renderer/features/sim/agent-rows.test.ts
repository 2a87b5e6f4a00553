/**
 * The agents table's pure parts: exact decimal sorting (also where floats would tie or misorder),
 * labels, and which rows offer pause and disconnect.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canDisconnect,
  canPause,
  connectionLabel,
  stateLabel,
} from '../../../../src-renderer/features/sim/agent-rows';
import { sortAgents } from '../../../../src-renderer/features/sim/agents-sort';
import type { SimAgentRow } from '../../../../src-shared/contract';
import type { DecimalString } from '../../../../src-shared/domain';

const d = (s: string) => s as DecimalString;

function row(over: Partial<SimAgentRow>): SimAgentRow {
  return {
    agentId: 'a1',
    name: 'x',
    kind: 'external',
    strategy: 'bot',
    paused: false,
    fault: null,
    connected: true,
    connectionSince: 1_700_000_000_000,
    cash: d('0'),
    positions: [],
    equity: d('0'),
    pnl: d('0'),
    ...over,
  };
}

describe('sortAgents', () => {
  it('orders PnL exactly, including values a float cannot tell apart', () => {
    const rows = [
      row({ agentId: 'a1', pnl: d('0.30000000000000001') }),
      row({ agentId: 'a2', pnl: d('-12.5') }),
      row({ agentId: 'a3', pnl: d('0.3') }),
      row({ agentId: 'a4', pnl: d('100') }),
    ];
    const ids = sortAgents(rows, { column: 'pnl', descending: true }).map((r) => r.agentId);
    expect(ids).toEqual(['a4', 'a1', 'a3', 'a2']);
    const up = sortAgents(rows, { column: 'pnl', descending: false }).map((r) => r.agentId);
    expect(up).toEqual(['a2', 'a3', 'a1', 'a4']);
  });

  it('sorts any decimal column like exact integer arithmetic does', () => {
    const cents = fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n });
    fc.assert(
      fc.property(fc.array(cents, { minLength: 1, maxLength: 12 }), (values) => {
        const rows = values.map((v, i) => {
          const abs = (v < 0n ? -v : v).toString().padStart(3, '0');
          const text = `${v < 0n ? '-' : ''}${abs.slice(0, -2)}.${abs.slice(-2)}`;
          return row({ agentId: `a${i}`, equity: d(text) });
        });
        const sorted = sortAgents(rows, { column: 'equity', descending: false });
        const expected = [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        expect(sorted.map((r) => values[Number(r.agentId.slice(1))])).toEqual(expected);
      }),
    );
  });

  it('sorts text columns alphabetically, ties by agent id', () => {
    const rows = [
      row({ agentId: 'a2', name: 'b' }),
      row({ agentId: 'a3', name: 'a' }),
      row({ agentId: 'a1', name: 'b' }),
    ];
    expect(sortAgents(rows, { column: 'name', descending: false }).map((r) => r.agentId)).toEqual([
      'a3',
      'a1',
      'a2',
    ]);
  });
});

describe('labels and controls', () => {
  const time = (ms: number) => `t${ms}`;

  it('says whether a bot is connected and since when; nothing for the venue’s own agents', () => {
    expect(connectionLabel(row({ connected: true, connectionSince: 5 }), time)).toBe('connected since t5');
    expect(connectionLabel(row({ connected: false, connectionSince: 9 }), time)).toBe(
      'disconnected since t9',
    );
    expect(connectionLabel(row({ connected: false, connectionSince: null }), time)).toBe('disconnected');
    expect(connectionLabel(row({ kind: 'builtin', connected: null, connectionSince: null }), time)).toBe('');
  });

  it('shows a fault before pause', () => {
    expect(stateLabel(row({ fault: 'boom', paused: true }))).toBe('fault: boom');
    expect(stateLabel(row({ paused: true }))).toBe('paused');
    expect(stateLabel(row({}))).toBe('running');
  });

  it('offers disconnect only for a connected bot, pause for everyone but you', () => {
    expect(canDisconnect(row({ kind: 'external', connected: true }))).toBe(true);
    expect(canDisconnect(row({ kind: 'external', connected: false }))).toBe(false);
    expect(canDisconnect(row({ kind: 'builtin', connected: null }))).toBe(false);
    expect(canPause(row({ kind: 'builtin' }))).toBe(true);
    expect(canPause(row({ kind: 'external' }))).toBe(true);
    expect(canPause(row({ kind: 'user' }))).toBe(false);
  });
});
