/**
 * One candle for recharts' Bar: the bar spans low..high (its `range`), so the wick is the bar's
 * full height and the body is placed by interpolating open and close inside it. Green when the
 * close is at or above the open, red otherwise.
 */
import { CHART_COLORS } from './chart-theme';

export interface CandlePoint {
  readonly t: number;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
  readonly range: [number, number];
  readonly volume: number;
  readonly trades: number;
}

interface ShapeProps {
  readonly x?: number;
  readonly y?: number;
  readonly width?: number;
  readonly height?: number;
  readonly payload?: CandlePoint;
}

export function CandleShape(props: unknown) {
  const { x = 0, y = 0, width = 0, height = 0, payload } = props as ShapeProps;
  if (!payload) return <g />;
  const { open, close, high, low } = payload;
  const span = high - low;
  const yOf = (v: number) => (span > 0 ? y + ((high - v) / span) * height : y);
  const up = close >= open;
  const color = up ? CHART_COLORS.bid : CHART_COLORS.ask;
  const top = yOf(Math.max(open, close));
  const bodyHeight = Math.max(1, Math.abs(yOf(open) - yOf(close)));
  const centre = x + width / 2;
  return (
    <g className="candle" data-up={up}>
      <line x1={centre} x2={centre} y1={y} y2={y + Math.max(height, 1)} stroke={color} strokeWidth={1} />
      <rect x={x} y={top} width={Math.max(1, width)} height={bodyHeight} fill={color} />
    </g>
  );
}
