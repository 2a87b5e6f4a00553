/**
 * Depth chart of the linked instrument: cumulative bids (left) and asks (right) as steps around
 * the mid, symmetric so both sides compare at a glance. Follows the same coalesced book stream
 * discipline as the book (at most one redraw per frame); greyed like the book when not live.
 */
import { memo, useDeferredValue, useMemo } from 'react';
import { Area, AreaChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { perfStats, count } from '../../ui/perf-stats';
import { FeedBadges } from '../book/FeedBadges';
import { NoInstrument } from '../instrument/NoInstrument';
import { PaperBadge } from '../instrument/ModeBadge';
import { useInstrument, type InstrumentContext } from '../instrument/use-instrument';
import { CHART_INTERVAL_MS, useFrameStream } from '../market/market-hooks';
import { AXIS_STYLE, CHART_COLORS, compactNumber } from '../chart/chart-theme';
import { depthSeries, type DepthPoint } from './depth-series';
import '../chart/chart.css';

export function DepthChartPanel() {
  const instrument = useInstrument();
  if (!instrument) return <NoInstrument />;
  return <DepthBody key={instrument.key} instrument={instrument} />;
}

interface DepthView {
  readonly points: DepthPoint[];
  readonly mid: number | null;
  readonly domain: [number, number] | null;
}

/** Levels per side the chart asks for: enough to show the shape, few enough to draw cheaply. */
const DEPTH_LEVELS = 60;

function symmetric(points: readonly DepthPoint[]): DepthView {
  const bids = points.filter((p) => p.bid !== null);
  const asks = points.filter((p) => p.ask !== null);
  if (bids.length === 0 || asks.length === 0) return { points: [...points], mid: null, domain: null };
  const bestBid = bids.at(-1)!.price;
  const bestAsk = asks[0]!.price;
  const mid = (bestBid + bestAsk) / 2;
  const half = Math.min(mid - bids[0]!.price, asks.at(-1)!.price - mid);
  const domain: [number, number] = [mid - half, mid + half];
  return { points: points.filter((p) => p.price >= domain[0] && p.price <= domain[1]), mid, domain };
}

function DepthBody({ instrument }: { instrument: InstrumentContext }) {
  count(perfStats.renders, 'DepthChart');
  const stream = useFrameStream(
    'market.book',
    { venue: instrument.venue, symbol: instrument.symbol, depth: DEPTH_LEVELS },
    CHART_INTERVAL_MS,
  );
  const book = stream.data;
  const view = useMemo(() => symmetric(depthSeries(book?.bids ?? [], book?.asks ?? [])), [book]);
  // The plot renders in a transition: a keypress arriving meanwhile is handled first.
  const deferred = useDeferredValue(view);
  const status = book?.status ?? 'resyncing';
  return (
    <section
      className={`depth ${status}`}
      data-testid="depth-view"
      data-status={status}
      aria-label="Depth chart"
    >
      <header className="panel-toolbar">
        <strong className="toolbar-symbol">{instrument.symbol}</strong>
        <PaperBadge mode={instrument.mode} />
        <FeedBadges book={book} prefix="depth" error={stream.error} />
      </header>
      <div className="chart-body">
        {deferred.domain ? (
          <DepthPlot view={deferred} decimals={instrument.priceDecimals ?? 2} />
        ) : (
          <div className="panel-empty muted">
            {book ? 'no depth to draw' : (stream.error?.message ?? 'connecting…')}
          </div>
        )}
      </div>
    </section>
  );
}

const DepthPlot = memo(function DepthPlot({ view, decimals }: { view: DepthView; decimals: number }) {
  count(perfStats.renders, 'DepthPlot');
  return (
    <ResponsiveContainer width="100%" height="100%">
      <AreaChart data={view.points} margin={{ top: 8, right: 4, bottom: 0, left: 4 }}>
        <XAxis
          dataKey="price"
          type="number"
          domain={view.domain ?? ['dataMin', 'dataMax']}
          tickFormatter={(v: number) => v.toFixed(decimals)}
          {...AXIS_STYLE}
          minTickGap={24}
        />
        <YAxis orientation="right" width={44} tickFormatter={compactNumber} {...AXIS_STYLE} />
        <Tooltip
          isAnimationActive={false}
          contentStyle={CHART_COLORS.tooltip}
          labelFormatter={(v) => `price ${Number(v).toFixed(decimals)}`}
          formatter={(v, name) => [
            compactNumber(Number(v)),
            name === 'bid' ? 'bids ≥ price' : 'asks ≤ price',
          ]}
        />
        {view.mid !== null && <ReferenceLine x={view.mid} stroke={CHART_COLORS.axis} strokeDasharray="3 3" />}
        <Area
          type="stepBefore"
          dataKey="bid"
          stroke={CHART_COLORS.bid}
          fill={CHART_COLORS.bid}
          fillOpacity={0.18}
          isAnimationActive={false}
          dot={false}
          activeDot={false}
        />
        <Area
          type="stepAfter"
          dataKey="ask"
          stroke={CHART_COLORS.ask}
          fill={CHART_COLORS.ask}
          fillOpacity={0.18}
          isAnimationActive={false}
          dot={false}
          activeDot={false}
        />
      </AreaChart>
    </ResponsiveContainer>
  );
});
