/** Colours and small formatters shared by the charts (recharts takes colours as props, not CSS). */
export const CHART_COLORS = {
  bid: '#26b47f',
  ask: '#ef4f62',
  line: '#5aa2ff',
  axis: '#2a3340',
  grid: '#1a212b',
  text: '#7d8896',
  volume: '#3a4656',
  tooltip: {
    background: '#151b24',
    border: '1px solid #2a3340',
    borderRadius: 4,
    fontSize: 11,
    color: '#d7dde5',
  },
} as const;

/** How every chart axis looks (spread into recharts' XAxis / YAxis). */
export const AXIS_STYLE = {
  stroke: CHART_COLORS.axis,
  tick: { fontSize: 10, fill: CHART_COLORS.text },
  tickLine: false,
} as const;

/** Axis labels only: 1234567 -> "1.23M". */
export function compactNumber(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1e9) return `${(value / 1e9).toFixed(2)}B`;
  if (abs >= 1e6) return `${(value / 1e6).toFixed(2)}M`;
  if (abs >= 1e4) return `${(value / 1e3).toFixed(1)}K`;
  if (abs >= 100) return value.toFixed(0);
  if (abs >= 1) return value.toFixed(2);
  return value.toPrecision(2);
}

/**
 * Price-axis ticks on round multiples of the instrument's tick (1, 2 or 5 times a power of ten
 * ticks), so labels never repeat at the shown decimals. Axis positions only; never prices.
 */
export function niceTicks(min: number, max: number, tick: number, target = 5): number[] {
  const unit = tick > 0 ? tick : 1;
  const span = Math.max(max - min, unit);
  const raw = span / Math.max(1, target - 1);
  let step = unit;
  for (let k = 0; k < 24 && step < raw; k++) {
    for (const m of [1, 2, 5]) {
      step = unit * m * 10 ** k;
      if (step >= raw) break;
    }
  }
  const first = Math.floor(min / step);
  const last = Math.max(Math.ceil(max / step), first + 1);
  const ticks: number[] = [];
  for (let i = first; i <= last; i++) ticks.push(Number((i * step).toPrecision(12)));
  return ticks;
}
