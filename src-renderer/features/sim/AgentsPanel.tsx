/**
 * Every agent of the simulated venue (built-in, bots, you): strategy, state, connection (bots:
 * connected or disconnected, since when), positions, cash, equity and PnL; click a column to sort.
 * Pause or resume any agent but you (all built-in agents at once too); disconnect a connected bot
 * (its open orders are canceled, its socket closed with 4001; docs/agents-api.md). Above the
 * table: where bots connect and the token they need (GatewayAccess).
 */
import { useState } from 'react';
import type { SimAgentRow } from '../../../src-shared/contract';
import { useClient, useStream } from '../../ipc/hooks';
import { PaperBadge } from '../trading/PaperBadge';
import { roundForDisplay, trimZeros } from '../trading/order-math';
import { canDisconnect, canPause, clockTime, connectionLabel, stateLabel } from './agent-rows';
import { AGENT_COLUMNS, heldPositions, sortAgents, type AgentColumn, type AgentSort } from './agents-sort';
import { GatewayAccess } from './GatewayAccess';
import '../trading/trading.css';
import './agents.css';

const label = (column: AgentColumn) => AGENT_COLUMNS.find((c) => c.column === column)!.label;

/** key, label, sort column (null: not sortable), numeric. Most telling first: state, PnL. */
const HEADERS: ReadonlyArray<readonly [string, string, AgentColumn | null, boolean]> = [
  ['name', label('name'), 'name', false],
  ['kind', label('kind'), 'kind', false],
  ['strategy', label('strategy'), 'strategy', false],
  ['state', 'State', null, false],
  ['connection', 'Connection', null, false],
  ['pnl', label('pnl'), 'pnl', true],
  ['equity', label('equity'), 'equity', true],
  ['cash', label('cash'), 'cash', true],
  ['positions', label('positions'), 'positions', true],
  ['actions', '', null, false],
];

export function AgentsPanel() {
  const client = useClient();
  const stream = useStream('sim.agents', {});
  const [sort, setSort] = useState<AgentSort>({ column: 'pnl', descending: true });
  const [outcome, setOutcome] = useState<string | null>(null);
  const rows = sortAgents(stream.data?.agents ?? [], sort);

  const pause = (row: SimAgentRow) =>
    void client.call('sim.setAgentPaused', { agentId: row.agentId, paused: !row.paused }).then((r) => {
      setOutcome(r.ok ? null : `${row.name}: ${r.error.message}`);
    });
  const disconnect = (row: SimAgentRow) =>
    void client.call('gateway.disconnectAgent', { agentId: row.agentId }).then((r) => {
      if (!r.ok) return setOutcome(`${row.name}: ${r.error.message}`);
      const canceled = r.value.canceledOrders;
      setOutcome(
        r.value.disconnected
          ? `${row.name} disconnected; ${canceled === null ? 'its orders could not be canceled' : `${canceled} open order(s) canceled`}`
          : `${row.name} was not connected`,
      );
    });

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
      <GatewayAccess />
      {outcome && (
        <div className="agents-outcome muted" data-testid="agents-outcome">
          {outcome}
        </div>
      )}
      <table className="grid agents-table">
        <thead>
          <tr>
            {HEADERS.map(([key, label, column, numeric]) =>
              column === null ? (
                <th key={key} className={numeric ? 'num' : ''}>
                  {label}
                </th>
              ) : (
                <th
                  key={key}
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
              ),
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={row.agentId}
              data-agent={row.name}
              data-agent-id={row.agentId}
              data-connected={row.connected === null ? undefined : String(row.connected)}
            >
              <td>{row.name}</td>
              <td className="muted" data-field="kind">
                {row.kind}
              </td>
              <td>{row.strategy ?? ''}</td>
              <td className="muted" data-field="state">
                {stateLabel(row)}
              </td>
              <td className={row.connected ? 'connected' : 'muted'} data-field="connection">
                {connectionLabel(row, clockTime)}
              </td>
              <td className={`num ${row.pnl.startsWith('-') ? 'negative' : 'positive'}`} data-field="pnl">
                {roundForDisplay(row.pnl, 2)}
              </td>
              <td className="num" data-field="equity">
                {roundForDisplay(row.equity, 2)}
              </td>
              <td className="num" data-field="cash">
                {roundForDisplay(row.cash, 2)}
              </td>
              <td
                className="positions"
                data-field="positions"
                title={heldPositions(row)
                  .map((p) => `${p.symbol} ${p.quantity}`)
                  .join('\n')}
              >
                {heldPositions(row)
                  .map((p) => `${p.symbol.split(/[-/]/)[0]} ${trimZeros(p.quantity)}`)
                  .join(' · ') || '—'}
              </td>
              <td className="agent-actions">
                {canPause(row) && (
                  <button type="button" className="ghost" onClick={() => pause(row)}>
                    {row.paused ? 'Resume' : 'Pause'}
                  </button>
                )}
                {canDisconnect(row) && (
                  <button
                    type="button"
                    className="ghost"
                    title="Cancel its open orders and close its connection"
                    onClick={() => disconnect(row)}
                  >
                    Disconnect
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
