/**
 * Equity over time from the stored portfolio snapshots of a venue: your curve (bold) and each
 * agent's. Equity arrives as decimal strings; they become plot coordinates only here.
 */
import { useState } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useRequest } from '../../ipc/hooks';
import { toPlotNumber } from '../../ui/decimal';
import { formatUtcDateTime } from '../../ui/format';
import { AXIS_STYLE, CHART_COLORS, compactNumber } from '../chart/chart-theme';

const PALETTE = ['#c39bff', '#f0b90b', '#26b47f', '#ef4f62', '#4fd1c5', '#ff9f43', '#8ab4ff', '#d980fa'];

export function EquityView({ venues, refresh }: { venues: readonly string[]; refresh: number }) {
  const [venue, setVenue] = useState('');
  const [onlyYou, setOnlyYou] = useState(false);
  const chosen = venue || venues[0] || 'sim';
  const result = useRequest('history.equity', { venue: chosen as 'sim', maxPoints: 400 }, refresh);
  const series = (result?.ok ? result.value.series : []).filter((s) => !onlyYou || s.kind === 'user');
  return (
    <>
      <div className="filters">
        <label>
          Venue
          <select aria-label="Equity venue" value={chosen} onChange={(e) => setVenue(e.target.value)}>
            {(venues.length ? venues : ['sim']).map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input type="checkbox" checked={onlyYou} onChange={(e) => setOnlyYou(e.target.checked)} />
          only you
        </label>
        <span className="muted">portfolio snapshots: {series.reduce((n, s) => n + s.points.length, 0)}</span>
      </div>
      <div
        className="plot"
        data-testid="equity-chart"
        data-series={series.length}
        data-points={series.reduce((n, s) => n + s.points.length, 0)}
      >
        {series.length === 0 ? (
          <div className="panel-empty muted">
            {result && !result.ok ? result.error.message : 'no snapshots yet'}
          </div>
        ) : (
          <ResponsiveContainer width="100%" height="100%">
            <LineChart margin={{ top: 8, right: 8, bottom: 0, left: 4 }}>
              <CartesianGrid stroke={CHART_COLORS.grid} />
              <XAxis
                dataKey="t"
                type="number"
                domain={['dataMin', 'dataMax']}
                tickFormatter={(t: number) => formatUtcDateTime(t).slice(5, 16)}
                {...AXIS_STYLE}
                minTickGap={40}
              />
              <YAxis domain={['auto', 'auto']} tickFormatter={compactNumber} width={56} {...AXIS_STYLE} />
              <Tooltip
                isAnimationActive={false}
                contentStyle={CHART_COLORS.tooltip}
                labelFormatter={(t) => `${formatUtcDateTime(Number(t))} UTC`}
              />
              <Legend wrapperStyle={{ fontSize: 11 }} />
              {series.map((s, i) => (
                <Line
                  key={s.agentId}
                  name={s.kind === 'user' ? `${s.name} (you)` : s.name}
                  data={s.points.map((p) => ({ t: p.time, equity: toPlotNumber(p.equity) }))}
                  dataKey="equity"
                  type="linear"
                  dot={false}
                  isAnimationActive={false}
                  stroke={
                    s.kind === 'user' ? CHART_COLORS.line : (PALETTE[i % PALETTE.length] ?? CHART_COLORS.line)
                  }
                  strokeWidth={s.kind === 'user' ? 2.5 : 1}
                />
              ))}
            </LineChart>
          </ResponsiveContainer>
        )}
      </div>
    </>
  );
}
