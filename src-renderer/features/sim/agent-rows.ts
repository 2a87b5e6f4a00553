/**
 * The agents table's pure parts besides sorting (agents-sort.ts): the state and connection labels,
 * and which controls a row offers (pause for built-in agents and bots, disconnect only for a
 * connected bot).
 */
import type { SimAgentRow } from '../../../src-shared/contract';

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
