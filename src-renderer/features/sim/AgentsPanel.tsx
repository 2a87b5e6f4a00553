/**
 * Every agent of the simulated venue (built-in, bots, you) with strategy, state, cash, positions,
 * equity and PnL; click a column to sort; pause or resume each agent, or all built-in agents at once.
 */
import { useState } from 'react';
import type { SimAgentRow } from '../../../src-shared/contract';
import { useClient, useStream } from '../../ipc/hooks';
import { roundForDisplay, trimZeros } from '../trading/order-math';
import { PaperBadge } from '../trading/PaperBadge';
import '../trading/trading.css';
import { AGENT_COLUMNS, heldPositions, sortAgents, type AgentSort } from './agents-sort';

export function AgentsPanel() {
  const client = useClient();
  const stream = useStream('sim.agents', {});
  const [sort, setSort] = useState<AgentSort>({ column: 'pnl', descending: true });
  const rows = sortAgents(stream.data?.agents ?? [], sort);
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
      <table className="grid compact">
        <thead>
          <tr>
            {AGENT_COLUMNS.map(({ column, label, numeric }) => (
              <th
                key={column}
                className={`sortable ${numeric ? 'num' : ''}`}
                data-column={column}
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
              <td className="num">{roundForDisplay(row.cash, 2)}</td>
              <td className="num">{roundForDisplay(row.equity, 2)}</td>
              <td className={`num ${row.pnl.startsWith('-') ? 'negative' : 'positive'}`}>
                {roundForDisplay(row.pnl, 2)}
              </td>
              <td
                className="positions"
                title={heldPositions(row)
                  .map((p) => `${p.symbol} ${p.quantity}`)
                  .join('\n')}
              >
                {heldPositions(row)
                  .map((p) => `${p.symbol.split(/[-/]/)[0]} ${trimZeros(p.quantity)}`)
                  .join(' · ') || '—'}
              </td>
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
