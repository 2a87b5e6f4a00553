/**
 * Candles from the stored trade prints of any venue and symbol that has them, at the stored time
 * frames (1m, 5m, 15m, 1h, 1d), with volume, and a CSV export of the candles shown. Prices become
 * plot coordinates only here.
 */
import { useState } from 'react';
import { HISTORY_CANDLE_INTERVALS, type HistoryInterval } from '../../../src-shared/contract';
import { useClient, useRequest } from '../../ipc/hooks';
import { significantDecimals } from '../../ui/decimal';
import { formatUtcDateTime } from '../../ui/format';
import { CandlePlot, toCandlePoint } from '../chart/CandlePlot';
import { useSelection } from '../instrument/selection';
import { saveTextFile } from './download';

const LABELS: Record<HistoryInterval, string> = { 60: '1m', 300: '5m', 900: '15m', 3600: '1h', 86400: '1d' };

export function CandlesView({
  markets,
  refresh,
}: {
  markets: ReadonlyArray<{ venue: string; symbol: string }>;
  refresh: number;
}) {
  const client = useClient();
  const [market, setMarket] = useState('');
  const [interval, setFrame] = useState<HistoryInterval>(60);
  const [note, setNote] = useState<string | null>(null);
  // The linked instrument when it has candles, else the first market with any.
  const selection = useSelection();
  const linked = markets.find((m) => m.venue === selection.venue && m.symbol === selection.symbol);
  const first = linked ?? markets[0];
  const chosen = market || (first ? `${first.venue}|${first.symbol}` : 'sim|BTC-USD');
  const [venue, symbol] = chosen.split('|') as [string, string];
  const query = { venue: venue as 'sim', symbol, intervalSec: interval };
  const result = useRequest('history.candles', { ...query, limit: 200 }, refresh);
  const candles = result?.ok ? result.value.candles : [];
  const points = candles.map((c) => toCandlePoint(c, c.openTime));
  // Axis labels at the decimals the prices are written with (axis positions only, never prices).
  const decimals = Math.min(
    8,
    Math.max(0, ...candles.flatMap((c) => [c.high, c.low].map(significantDecimals))),
  );
  const daily = interval >= 86_400;
  const exportCsv = async () => {
    const csv = await client.call('history.exportCandles', query);
    if (!csv.ok) return setNote(csv.error.message);
    saveTextFile(csv.value.filename, csv.value.csv);
    setNote(`${csv.value.rows} candles exported`);
  };
  return (
    <>
      <div className="filters">
        <label>
          Market
          <select aria-label="Candle market" value={chosen} onChange={(e) => setMarket(e.target.value)}>
            {markets.map((m) => (
              <option key={`${m.venue}|${m.symbol}`} value={`${m.venue}|${m.symbol}`}>
                {m.venue} {m.symbol}
              </option>
            ))}
          </select>
        </label>
        <div className="seg" role="group" aria-label="Time frame">
          {HISTORY_CANDLE_INTERVALS.map((s) => (
            <button
              key={s}
              type="button"
              aria-pressed={s === interval}
              className={s === interval ? 'on' : ''}
              onClick={() => setFrame(s)}
            >
              {LABELS[s]}
            </button>
          ))}
        </div>
        <button type="button" data-testid="export-candles" onClick={() => void exportCsv()}>
          Export CSV
        </button>
        {note && <span className="muted">{note}</span>}
      </div>
      <div className="plot" data-testid="history-candles" data-candles={points.length}>
        {points.length === 0 ? (
          <div className="panel-empty muted">
            {result && !result.ok ? result.error.message : 'no stored candles'}
          </div>
        ) : (
          <CandlePlot
            points={points}
            decimals={decimals}
            axisWidth={64}
            timeLabel={(t) => formatUtcDateTime(t).slice(daily ? 0 : 11, daily ? 10 : 16)}
            tooltipLabel={(t) => `${formatUtcDateTime(t)} UTC`}
          />
        )}
      </div>
    </>
  );
}
