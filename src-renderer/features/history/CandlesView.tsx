/**
 * Candles from the stored trade prints of any venue and symbol that has them, at the stored time
 * frames (1m, 5m, 15m, 1h, 1d), with volume, and a CSV export of the candles shown. Prices become
 * plot coordinates only here.
 */
import { useState } from 'react';
import { Bar, ComposedChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { HISTORY_CANDLE_INTERVALS, type HistoryInterval } from '../../../src-shared/contract';
import { useClient, useRequest } from '../../ipc/hooks';
import { significantDecimals, toPlotNumber } from '../../ui/decimal';
import { formatUtcDateTime } from '../../ui/format';
import { CandleShape, type CandlePoint } from '../chart/CandleShape';
import { CHART_COLORS, niceTicks } from '../chart/chart-theme';
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
  const points = candles.map((c): CandlePoint => ({
    t: c.openTime,
    open: toPlotNumber(c.open),
    high: toPlotNumber(c.high),
    low: toPlotNumber(c.low),
    close: toPlotNumber(c.close),
    range: [toPlotNumber(c.low), toPlotNumber(c.high)],
    volume: toPlotNumber(c.volume),
    trades: c.trades,
  }));
  // Axis labels at the decimals the prices are written with (axis positions only, never prices).
  const decimals = Math.min(
    8,
    Math.max(0, ...candles.flatMap((c) => [c.high, c.low].map(significantDecimals))),
  );
  const ticks =
    points.length > 0
      ? niceTicks(
          Math.min(...points.map((p) => p.low)),
          Math.max(...points.map((p) => p.high)),
          10 ** -decimals,
        )
      : [];
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
          <ResponsiveContainer width="100%" height="100%">
            <ComposedChart
              data={points}
              margin={{ top: 8, right: 4, bottom: 0, left: 4 }}
              barCategoryGap="20%"
            >
              <XAxis
                dataKey="t"
                tickFormatter={(t: number) =>
                  formatUtcDateTime(t).slice(interval >= 86_400 ? 0 : 11, interval >= 86_400 ? 10 : 16)
                }
                stroke={CHART_COLORS.axis}
                tick={{ fontSize: 10, fill: CHART_COLORS.text }}
                minTickGap={32}
              />
              <YAxis
                yAxisId="price"
                orientation="right"
                domain={[ticks[0]!, ticks.at(-1)!]}
                ticks={ticks}
                interval={0}
                width={64}
                tickFormatter={(v: number) => v.toFixed(decimals)}
                stroke={CHART_COLORS.axis}
                tick={{ fontSize: 10, fill: CHART_COLORS.text }}
              />
              <YAxis yAxisId="volume" hide domain={[0, (max: number) => max * 4]} />
              <Tooltip
                isAnimationActive={false}
                contentStyle={CHART_COLORS.tooltip}
                labelFormatter={(t) => `${formatUtcDateTime(Number(t))} UTC`}
              />
              <Bar yAxisId="volume" dataKey="volume" fill={CHART_COLORS.volume} isAnimationActive={false} />
              <Bar yAxisId="price" dataKey="range" shape={CandleShape} isAnimationActive={false} />
            </ComposedChart>
          </ResponsiveContainer>
        )}
      </div>
    </>
  );
}
