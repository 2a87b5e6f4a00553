/**
 * Sorting the agents table, pure: text columns alphabetically, money columns as exact decimals,
 * positions by how many instruments an agent holds; ties keep a stable order by name. Invariant:
 * the result is a permutation of the input, and descending is the exact reverse order of keys.
 */
import type { SimAgentRow } from '../../../src-shared/contract';
import { compareDecimal } from '../../ui/decimal';

export type AgentColumn = 'name' | 'kind' | 'strategy' | 'cash' | 'positions' | 'equity' | 'pnl';

export const AGENT_COLUMNS: ReadonlyArray<{ column: AgentColumn; label: string; numeric: boolean }> = [
  { column: 'name', label: 'Agent', numeric: false },
  { column: 'kind', label: 'Kind', numeric: false },
  { column: 'strategy', label: 'Strategy', numeric: false },
  { column: 'cash', label: 'Cash', numeric: true },
  { column: 'equity', label: 'Equity', numeric: true },
  { column: 'pnl', label: 'PnL', numeric: true },
  { column: 'positions', label: 'Positions', numeric: true },
];

export interface AgentSort {
  readonly column: AgentColumn;
  readonly descending: boolean;
}

/** Instruments with a non-zero holding. */
export function heldPositions(row: SimAgentRow): SimAgentRow['positions'] {
  return row.positions.filter((p) => compareDecimal(p.quantity, '0') !== 0);
}

function compareBy(column: AgentColumn, a: SimAgentRow, b: SimAgentRow): number {
  switch (column) {
    case 'cash':
    case 'equity':
    case 'pnl':
      return compareDecimal(a[column], b[column]);
    case 'positions':
      return heldPositions(a).length - heldPositions(b).length;
    default:
      return (a[column] ?? '').localeCompare(b[column] ?? '');
  }
}

export function sortAgents(rows: readonly SimAgentRow[], sort: AgentSort): SimAgentRow[] {
  return [...rows].sort((a, b) => {
    const order = compareBy(sort.column, a, b);
    const directed = sort.descending ? -order : order;
    return directed !== 0 ? directed : a.name.localeCompare(b.name) || a.agentId.localeCompare(b.agentId);
  });
}
