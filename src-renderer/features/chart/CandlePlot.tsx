/**
 * The candle plot both charts draw (the live price chart and the History panel's stored candles):
 * candles or a close-price line on a right-hand price axis with round ticks at the prices'
 * decimals, volume bars underneath, a tooltip. Prices become plot coordinates only in
 * `toCandlePoint`; axis labels are positions, never prices.
 */
import { memo } from 'react';
import { Bar, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { toPlotNumber } from '../../ui/decimal';
import { CandleShape, type CandlePoint } from './CandleShape';
import type { Candle } from './candles';
import { AXIS_STYLE, CHART_COLORS, compactNumber, niceTicks } from './chart-theme';

type Ohlcv = Omit<Candle, 'start'>;

/** A candle as plot coordinates, at time `t` (epoch ms). */
export function toCandlePoint(c: Ohlcv, t: number): CandlePoint {
  return {
    t,
    open: toPlotNumber(c.open),
    high: toPlotNumber(c.high),
    low: toPlotNumber(c.low),
    close: toPlotNumber(c.close),
    range: [toPlotNumber(c.low), toPlotNumber(c.high)],
    volume: toPlotNumber(c.volume),
    trades: c.trades,
  };
}

export interface CandlePlotProps {
  readonly points: readonly CandlePoint[];
  readonly style?: 'candles' | 'line';
  /** Decimals of the price axis labels (and the step of its ticks). */
  readonly decimals: number;
  /** The x axis label of a candle's time. */
  readonly timeLabel: (t: number) => string;
  /** The tooltip's title for a candle's time. */
  readonly tooltipLabel: (t: number) => string;
  readonly axisWidth?: number;
}

export const CandlePlot = memo(function CandlePlot({
  points,
  style = 'candles',
  decimals,
  timeLabel,
  tooltipLabel,
  axisWidth = 56,
}: CandlePlotProps) {
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
        <XAxis dataKey="t" tickFormatter={timeLabel} {...AXIS_STYLE} minTickGap={32} />
        <YAxis
          yAxisId="price"
          orientation="right"
          domain={[ticks[0]!, ticks.at(-1)!]}
          ticks={ticks}
          interval={0}
          width={axisWidth}
          tickFormatter={(v: number) => v.toFixed(decimals)}
          {...AXIS_STYLE}
        />
        <YAxis yAxisId="volume" hide domain={[0, (max: number) => max * 4]} />
        <Tooltip
          isAnimationActive={false}
          contentStyle={CHART_COLORS.tooltip}
          labelFormatter={(t) => tooltipLabel(Number(t))}
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
