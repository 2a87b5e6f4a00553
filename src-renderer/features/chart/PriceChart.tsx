/**
 * Price chart of the linked instrument: candles (with volume) or a close-price line, in time
 * frames of 1s, 5s, 1m and 5m. Candles come from main's `market.candles` stream (aggregated there
 * from every print it saw).
 * Quiet intervals are drawn flat so the x axis is time.
 */
import { memo, useDeferredValue, useMemo } from 'react';
import { Bar, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { z } from 'zod';
import { toPlotNumber } from '../../ui/decimal';
import { formatUtcTime } from '../../ui/format';
import { count, perfStats } from '../../ui/perf-stats';
import { NoInstrument } from '../instrument/NoInstrument';
import { useActions } from '../hotkeys/HotkeysContext';
import type { Action } from '../hotkeys/action-registry';
import { PaperBadge } from '../instrument/ModeBadge';
import { useInstrument, type InstrumentContext } from '../instrument/use-instrument';
import { useCandles } from '../market/market-hooks';
import { defineSetting, usePanelSetting } from '../prefs/panel-settings';
import { CandleShape, type CandlePoint } from './CandleShape';
import { intervalMs, TIMEFRAMES, type TimeframeId } from './candles';
import { CHART_COLORS, compactNumber, niceTicks } from './chart-theme';
import './chart.css';

const TIMEFRAME = defineSetting(
  'chart.timeframe',
  z.enum(TIMEFRAMES.map((t) => t.id) as [TimeframeId, ...TimeframeId[]]),
  '5s' as TimeframeId,
);
/** Candles drawn: enough history for the time frame, few enough SVG nodes to redraw cheaply. */
const VISIBLE_CANDLES = 120;
const STYLE = defineSetting('chart.style', z.enum(['candles', 'line']), 'candles' as 'candles' | 'line');

export function PriceChartPanel() {
  const instrument = useInstrument();
  if (!instrument) return <NoInstrument />;
  return <ChartBody key={instrument.key} instrument={instrument} />;
}

function ChartBody({ instrument }: { instrument: InstrumentContext }) {
  count(perfStats.renders, 'PriceChart');
  const [timeframe, setTimeframe] = usePanelSetting(TIMEFRAME);
  const [style, setStyle] = usePanelSetting(STYLE);
  const { candles, error } = useCandles(instrument.venue, instrument.symbol, intervalMs(timeframe));
  const points = useMemo(
    () =>
      candles.slice(-VISIBLE_CANDLES).map((c): CandlePoint => ({
        t: c.start,
        open: toPlotNumber(c.open),
        high: toPlotNumber(c.high),
        low: toPlotNumber(c.low),
        close: toPlotNumber(c.close),
        range: [toPlotNumber(c.low), toPlotNumber(c.high)],
        volume: toPlotNumber(c.volume),
        trades: c.trades,
      })),
    [candles],
  );
  const actions = useMemo<Action[]>(
    () => [
      ...TIMEFRAMES.map((t): Action => ({
        id: `chart.timeframe${t.id}`,
        title: `Chart: ${t.label} candles`,
        group: 'Chart',
        defaultKeys: '',
        run: () => setTimeframe(t.id),
      })),
      {
        id: 'chart.toggleStyle',
        title: 'Chart: candles / line',
        group: 'Chart',
        defaultKeys: '',
        run: () => setStyle((s) => (s === 'candles' ? 'line' : 'candles')),
      },
    ],
    [setTimeframe, setStyle],
  );
  useActions(actions);
  const decimals = instrument.priceDecimals ?? 2;
  const last = points.at(-1);
  const deferred = useDeferredValue(points);

  return (
    <section className="chart" data-testid="chart-view" aria-label="Price chart" data-style={style}>
      <header className="panel-toolbar">
        <strong className="toolbar-symbol">{instrument.symbol}</strong>
        <PaperBadge mode={instrument.mode} />
        {last && (
          <span className="num" data-testid="chart-last">
            {last.close.toFixed(decimals)}
          </span>
        )}
        <span className="spacer" />
        <div className="seg" role="group" aria-label="Time frame">
          {TIMEFRAMES.map((t) => (
            <button
              key={t.id}
              type="button"
              className={t.id === timeframe ? 'on' : ''}
              aria-pressed={t.id === timeframe}
              onClick={() => setTimeframe(t.id)}
            >
              {t.label}
            </button>
          ))}
        </div>
        <div className="seg" role="group" aria-label="Chart style">
          {(['candles', 'line'] as const).map((s) => (
            <button
              key={s}
              type="button"
              className={s === style ? 'on' : ''}
              aria-pressed={s === style}
              onClick={() => setStyle(s)}
            >
              {s === 'candles' ? 'Candles' : 'Line'}
            </button>
          ))}
        </div>
      </header>
      <div className="chart-body" data-testid="chart-body" data-candles={points.length}>
        {deferred.length === 0 ? (
          <div className="panel-empty muted">{error?.message ?? 'waiting for trades…'}</div>
        ) : (
          <PricePlot points={deferred} style={style} decimals={decimals} timeframe={timeframe} />
        )}
      </div>
    </section>
  );
}

interface PricePlotProps {
  readonly points: readonly CandlePoint[];
  readonly style: 'candles' | 'line';
  readonly decimals: number;
  readonly timeframe: TimeframeId;
}

/** The plot itself, memoised and fed a deferred value so it renders in an interruptible pass. */
const PricePlot = memo(function PricePlot({ points, style, decimals, timeframe }: PricePlotProps) {
  count(perfStats.renders, 'PricePlot');
  const low = Math.min(...points.map((p) => p.low));
  const high = Math.max(...points.map((p) => p.high));
  const ticks = niceTicks(low, high, 10 ** -decimals);
  return (
    <ResponsiveContainer width="100%" height="100%">
      <ComposedChart
        data={points as CandlePoint[]}
        margin={{ top: 8, right: 4, bottom: 0, left: 4 }}
        barCategoryGap="20%"
      >
        <XAxis
          dataKey="t"
          tickFormatter={(t: number) =>
            formatUtcTime(t).slice(timeframe === '1m' || timeframe === '5m' ? 0 : 3)
          }
          stroke={CHART_COLORS.axis}
          tick={{ fontSize: 10, fill: CHART_COLORS.text }}
          tickLine={false}
          minTickGap={32}
        />
        <YAxis
          yAxisId="price"
          orientation="right"
          domain={[ticks[0]!, ticks.at(-1)!]}
          ticks={ticks}
          interval={0}
          width={56}
          tickFormatter={(v: number) => v.toFixed(decimals)}
          stroke={CHART_COLORS.axis}
          tick={{ fontSize: 10, fill: CHART_COLORS.text }}
          tickLine={false}
        />
        <YAxis yAxisId="volume" hide domain={[0, (max: number) => max * 4]} />
        <Tooltip
          isAnimationActive={false}
          contentStyle={CHART_COLORS.tooltip}
          labelFormatter={(t) => `${formatUtcTime(Number(t))} UTC`}
          formatter={(v, name) =>
            name === 'range' && Array.isArray(v)
              ? [`${v[0]} – ${v[1]}`, 'low – high']
              : [compactNumber(Number(v)), String(name)]
          }
        />
        <Bar yAxisId="volume" dataKey="volume" fill={CHART_COLORS.volume} isAnimationActive={false} />
        {style === 'candles' ? (
          <Bar yAxisId="price" dataKey="range" shape={CandleShape} isAnimationActive={false} />
        ) : (
          <Line
            yAxisId="price"
            dataKey="close"
            type="linear"
            dot={false}
            stroke={CHART_COLORS.line}
            strokeWidth={1.5}
            isAnimationActive={false}
          />
        )}
      </ComposedChart>
    </ResponsiveContainer>
  );
});
