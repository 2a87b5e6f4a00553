/**
 * The agents table's pure parts: sorting rows by a column (decimal columns compared exactly, never
 * as floats), the state and connection labels, the positions summary, and which controls a row
 * offers (pause for built-in agents and bots, disconnect only for a connected bot).
 */
import type { SimAgentRow } from '../../../src-shared/contract';
import { compareDecimal } from '../../ui/decimal';

export type AgentColumn = 'name' | 'kind' | 'strategy' | 'cash' | 'equity' | 'pnl';

/** Columns holding decimal strings: compared exactly. */
const DECIMAL_COLUMNS: ReadonlySet<AgentColumn> = new Set(['cash', 'equity', 'pnl']);

export interface AgentSort {
  readonly column: AgentColumn;
  readonly descending: boolean;
}

export function sortAgents(rows: readonly SimAgentRow[], sort: AgentSort): SimAgentRow[] {
  const numeric = DECIMAL_COLUMNS.has(sort.column);
  return [...rows].sort((a, b) => {
    const x = a[sort.column] ?? '';
    const y = b[sort.column] ?? '';
    const order = numeric ? compareDecimal(x, y) : x.localeCompare(y) || a.agentId.localeCompare(b.agentId);
    return sort.descending ? -order : order;
  });
}

/** What the agent is doing: a fault first, then paused, then running. */
export function stateLabel(row: SimAgentRow): string {
  if (row.fault) return `fault: ${row.fault}`;
  return row.paused ? 'paused' : 'running';
}

/** Bots only: "connected since 12:03:04" / "disconnected since …"; empty for the venue's own. */
export function connectionLabel(row: SimAgentRow, formatTime: (ms: number) => string): string {
  if (row.connected === null) return '';
  const state = row.connected ? 'connected' : 'disconnected';
  return row.connectionSince === null ? state : `${state} since ${formatTime(row.connectionSince)}`;
}

/** "BTC-USD 0.5 · ETH-USD 2" (non-zero positions as the venue reports them). */
export function positionsText(row: SimAgentRow): string {
  return row.positions.map((p) => `${p.symbol} ${p.quantity}`).join(' · ');
}

export function canPause(row: SimAgentRow): boolean {
  return row.kind !== 'user';
}

export function canDisconnect(row: SimAgentRow): boolean {
  return row.kind === 'external' && row.connected === true;
}

/** Local wall-clock time, seconds precision. */
export function clockTime(ms: number): string {
  return new Date(ms).toLocaleTimeString([], { hour12: false });
}
