/**
 * Every agent of the simulated venue (built-in, bots, you) with strategy, state, cash, equity and
 * PnL; click a column to sort; pause or resume each agent, or all built-in agents at once.
 */
import { useState } from 'react';
import type { SimAgentRow } from '../../../src-shared/contract';
import { useClient, useStream } from '../../ipc/hooks';
import { PaperBadge } from '../trading/PaperBadge';
import '../trading/trading.css';

type Column = 'name' | 'kind' | 'strategy' | 'cash' | 'equity' | 'pnl';
const COLUMNS: ReadonlyArray<[Column, string, boolean]> = [
  ['name', 'Agent', false],
  ['kind', 'Kind', false],
  ['strategy', 'Strategy', false],
  ['cash', 'Cash', true],
  ['equity', 'Equity', true],
  ['pnl', 'PnL', true],
];

/** Compares decimal strings numerically without floats: sign, integer length, then text. */
export function compareDecimal(a: string, b: string): number {
  const neg = (s: string) => s.startsWith('-');
  if (neg(a) !== neg(b)) return neg(a) ? -1 : 1;
  const abs = (s: string) => (neg(s) ? s.slice(1) : s);
  const [ai = '', af = ''] = abs(a).split('.');
  const [bi = '', bf = ''] = abs(b).split('.');
  const width = Math.max(af.length, bf.length);
  const x = ai.padStart(40, '0') + af.padEnd(width, '0');
  const y = bi.padStart(40, '0') + bf.padEnd(width, '0');
  const order = x < y ? -1 : x > y ? 1 : 0;
  return neg(a) ? -order : order;
}

export function AgentsPanel() {
  const client = useClient();
  const stream = useStream('sim.agents', {});
  const [sort, setSort] = useState<{ column: Column; descending: boolean }>({
    column: 'pnl',
    descending: true,
  });
  const rows = [...(stream.data?.agents ?? [])].sort((a, b) => {
    const numeric = COLUMNS.find(([c]) => c === sort.column)![2];
    const x = a[sort.column] ?? '';
    const y = b[sort.column] ?? '';
    const order = numeric ? compareDecimal(String(x), String(y)) : String(x).localeCompare(String(y));
    return sort.descending ? -order : order;
  });
  const pause = (row: SimAgentRow) =>
    void client.call('sim.setAgentPaused', { agentId: row.agentId, paused: !row.paused });
  return (
    <section className="panel-body scroll" aria-label="Agents" data-testid="agents-panel">
      <div className="trade-head">
        <h3>Agents</h3>
        <PaperBadge />
        <button type="button" onClick={() => void client.call('sim.setAllPaused', { paused: true })}>
          Pause all
        </button>
        <button type="button" onClick={() => void client.call('sim.setAllPaused', { paused: false })}>
          Resume all
        </button>
      </div>
      <table className="grid">
        <thead>
          <tr>
            {COLUMNS.map(([column, label, numeric]) => (
              <th
                key={column}
                className={`sortable ${numeric ? 'num' : ''}`}
                aria-sort={sort.column === column ? (sort.descending ? 'descending' : 'ascending') : 'none'}
                onClick={() =>
                  setSort((s) => ({ column, descending: s.column === column ? !s.descending : numeric }))
                }
              >
                {label}
                {sort.column === column ? (sort.descending ? ' ▼' : ' ▲') : ''}
              </th>
            ))}
            <th>State</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.agentId} data-agent={row.name}>
              <td>{row.name}</td>
              <td className="muted">{row.kind}</td>
              <td>{row.strategy ?? ''}</td>
              <td className="num">{row.cash}</td>
              <td className="num">{row.equity}</td>
              <td className={`num ${row.pnl.startsWith('-') ? 'negative' : 'positive'}`}>{row.pnl}</td>
              <td className="muted">
                {row.fault
                  ? `fault: ${row.fault}`
                  : row.paused
                    ? 'paused'
                    : row.connected === false
                      ? 'disconnected'
                      : 'running'}
              </td>
              <td>
                {row.kind !== 'user' && (
                  <button type="button" className="ghost" onClick={() => pause(row)}>
                    {row.paused ? 'Resume' : 'Pause'}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
