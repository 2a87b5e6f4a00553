/**
 * Price chart of the linked instrument: candles (with volume) or a close-price line, in time
 * frames of 1s, 5s, 1m and 5m. Candles come from main's `market.candles` stream (aggregated there
 * from every print it saw).
 * Quiet intervals are drawn flat so the x axis is time.
 */
import { memo, useDeferredValue, useMemo } from 'react';
import { z } from 'zod';
import { formatUtcTime } from '../../ui/format';
import { count, perfStats } from '../../ui/perf-stats';
import { NoInstrument } from '../instrument/NoInstrument';
import { useActions } from '../hotkeys/HotkeysContext';
import type { Action } from '../hotkeys/action-registry';
import { PaperBadge } from '../instrument/ModeBadge';
import { useInstrument, type InstrumentContext } from '../instrument/use-instrument';
import { useCandles } from '../market/market-hooks';
import { defineSetting, usePanelSetting } from '../prefs/panel-settings';
import { CandlePlot, toCandlePoint } from './CandlePlot';
import type { CandlePoint } from './CandleShape';
import { intervalMs, TIMEFRAMES, type TimeframeId } from './candles';
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
    () => candles.slice(-VISIBLE_CANDLES).map((c) => toCandlePoint(c, c.start)),
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

/** The plot, memoised and fed a deferred value so it renders in an interruptible pass. */
const PricePlot = memo(function PricePlot({
  points,
  style,
  decimals,
  timeframe,
}: {
  readonly points: readonly CandlePoint[];
  readonly style: 'candles' | 'line';
  readonly decimals: number;
  readonly timeframe: TimeframeId;
}) {
  count(perfStats.renders, 'PricePlot');
  const minutes = timeframe === '1m' || timeframe === '5m';
  return (
    <CandlePlot
      points={points}
      style={style}
      decimals={decimals}
      timeLabel={minutes ? timeLabelMinutes : timeLabelSeconds}
      tooltipLabel={tooltipLabel}
    />
  );
});

const timeLabelMinutes = (t: number) => formatUtcTime(t);
const timeLabelSeconds = (t: number) => formatUtcTime(t).slice(3);
const tooltipLabel = (t: number) => `${formatUtcTime(t)} UTC`;
