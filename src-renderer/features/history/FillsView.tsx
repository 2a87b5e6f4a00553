/**
 * Your stored fills with filters (venue, symbol, side, UTC time range) and a CSV export of exactly
 * what the filter selects. Re-queries when the filter changes or the panel refreshes.
 */
import { useState } from 'react';
import type { FillFilter, HistoryFill } from '../../../src-shared/contract';
import { useClient, useRequest } from '../../ipc/hooks';
import { formatUtcDateTime } from '../../ui/format';
import { saveTextFile } from './download';
import { rangeOf } from './time-range';

interface FormState {
  venue: string;
  symbol: string;
  side: '' | 'buy' | 'sell';
  from: string;
  to: string;
}

export function FillsView({
  venues,
  refresh,
  onRefresh,
}: {
  venues: readonly string[];
  refresh: number;
  onRefresh: () => void;
}) {
  const client = useClient();
  const [form, setForm] = useState<FormState>({ venue: '', symbol: '', side: '', from: '', to: '' });
  const [exported, setExported] = useState<string | null>(null);
  const range = rangeOf(form.from, form.to);
  const filter: FillFilter | null =
    typeof range === 'string'
      ? null
      : {
          ...(form.venue ? { venue: form.venue as NonNullable<FillFilter['venue']> } : {}),
          ...(form.symbol.trim() ? { symbol: form.symbol.trim() } : {}),
          ...(form.side ? { side: form.side } : {}),
          ...range,
        };
  const result = useRequest('history.fills', { ...(filter ?? {}), limit: 500 }, refresh);
  const fills: HistoryFill[] = result?.ok ? result.value.fills : [];
  const set = (patch: Partial<FormState>) => setForm((f) => ({ ...f, ...patch }));

  const exportCsv = async () => {
    if (!filter) return;
    const csv = await client.call('history.exportFills', filter);
    if (!csv.ok) return setExported(csv.error.message);
    saveTextFile(csv.value.filename, csv.value.csv);
    setExported(`${csv.value.rows} fills exported${csv.value.truncated ? ' (truncated)' : ''}`);
  };

  return (
    <>
      <div className="filters" data-testid="fills-filters">
        <label>
          Venue
          <select aria-label="Venue" value={form.venue} onChange={(e) => set({ venue: e.target.value })}>
            <option value="">all</option>
            {venues.map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </select>
        </label>
        <label>
          Symbol
          <input
            aria-label="Symbol"
            size={10}
            placeholder="any"
            value={form.symbol}
            onChange={(e) => set({ symbol: e.target.value })}
          />
        </label>
        <label>
          Side
          <select
            aria-label="Side"
            value={form.side}
            onChange={(e) => set({ side: e.target.value as FormState['side'] })}
          >
            <option value="">both</option>
            <option value="buy">buy</option>
            <option value="sell">sell</option>
          </select>
        </label>
        <label>
          From (UTC)
          <input
            aria-label="From"
            type="datetime-local"
            value={form.from}
            onChange={(e) => set({ from: e.target.value })}
          />
        </label>
        <label>
          To (UTC)
          <input
            aria-label="To"
            type="datetime-local"
            value={form.to}
            onChange={(e) => set({ to: e.target.value })}
          />
        </label>
        <button type="button" onClick={onRefresh}>
          Refresh
        </button>
        <button type="button" data-testid="export-fills" disabled={!filter} onClick={() => void exportCsv()}>
          Export CSV
        </button>
        {typeof range === 'string' && <span className="error">{range}</span>}
        {exported && (
          <span className="muted" data-testid="export-status">
            {exported}
          </span>
        )}
      </div>
      <div className="body">
        <table className="grid" data-testid="history-fills">
          <thead>
            <tr>
              <th>Time (UTC)</th>
              <th>Venue</th>
              <th>Symbol</th>
              <th>Side</th>
              <th className="num">Price</th>
              <th className="num">Size</th>
              <th className="num">Fee</th>
              <th>Liquidity</th>
            </tr>
          </thead>
          <tbody>
            {fills.map((f) => (
              <tr key={`${f.venue}:${f.tradeId}:${f.orderId}`} data-fill={f.tradeId}>
                <td className="muted">{formatUtcDateTime(f.time)}</td>
                <td>{f.venue}</td>
                <td>{f.symbol}</td>
                <td className={f.side}>{f.side}</td>
                <td className="num">{f.price}</td>
                <td className="num">{f.quantity}</td>
                <td className="num">
                  {f.fee} {f.feeAsset}
                </td>
                <td>{f.liquidity}</td>
              </tr>
            ))}
            {fills.length === 0 && (
              <tr>
                <td colSpan={8} className="muted">
                  {result && !result.ok ? result.error.message : 'no fills match'}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </>
  );
}
