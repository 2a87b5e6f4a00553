/**
 * The price ladder (DOM) of the linked instrument. Rows sit still on the tick grid (times the
 * grouping multiple, aggregated by main) while sizes change under them; the view follows the
 * spread when it leaves the screen unless the user scrolled away, and re-centres on demand
 * (Home, or the button). Wheel and arrow keys scroll by rows, PageUp/PageDown by pages, `]` and
 * `[` change the grouping (an instrument seen for the first time gets a step that shows both
 * sides of its spread). Trading (own orders, clicks, the arm switch) comes in through props from
 * the trading feature (features/trading/TradingLadder); without them the ladder is view-only.
 */
import { useEffect, useMemo, useState } from 'react';
import { perfStats, count } from '../../ui/perf-stats';
import { ceilTo, floorTo, significantDecimals, toUnits } from '../../ui/decimal';
import { FeedBadges, FeedBanner } from '../book/FeedBadges';
import { LADDER_FOLLOW, LADDER_MULTIPLE } from '../book/book-settings';
import { NoInstrument } from '../instrument/NoInstrument';
import { LADDER_MULTIPLES, groupingStep, stepMultiple, tickUnits } from '../book/groupings';
import { useActions } from '../hotkeys/HotkeysContext';
import type { Action } from '../hotkeys/action-registry';
import { ModeBadge } from '../instrument/ModeBadge';
import { useInstrument, type InstrumentContext } from '../instrument/use-instrument';
import { useFrameStream, useTradeFeed } from '../market/market-hooks';
import { usePanelSetting } from '../prefs/panel-settings';
import { INERT_TRADING, LadderGrid, type LadderTrading } from './Ladder';
import {
  autoMultiple,
  buildLadder,
  depthFor,
  placeView,
  scrollCentre,
  spreadCentre,
  type OwnOrderInput,
  type StopInput,
} from './ladder-math';
import { useRowCount } from './use-row-count';
import './ladder.css';

export interface LadderPanelProps {
  readonly trading?: LadderTrading;
  readonly ownOrders?: readonly OwnOrderInput[];
  readonly stops?: readonly StopInput[];
}

export function LadderPanel(props: LadderPanelProps) {
  const instrument = useInstrument();
  if (!instrument) return <NoInstrument />;
  return <LadderBody key={instrument.key} instrument={instrument} {...props} />;
}

function LadderBody({
  instrument,
  trading = INERT_TRADING,
  ownOrders,
  stops,
}: LadderPanelProps & { instrument: InstrumentContext }) {
  count(perfStats.renders, 'LadderPanel');
  const [multiples, setMultiples] = usePanelSetting(LADDER_MULTIPLE);
  const [follow, setFollow] = usePanelSetting(LADDER_FOLLOW);
  const savedMultiple = multiples[instrument.key];
  const multiple = savedMultiple ?? 1;
  const [bodyRef, rows] = useRowCount();
  const [centre, setCentre] = useState<bigint | null>(null);
  const [scrolledAway, setScrolledAway] = useState(false);
  const [depth, setDepth] = useState(50);

  const stream = useFrameStream('market.book', {
    venue: instrument.venue,
    symbol: instrument.symbol,
    depth,
    ...(multiple > 1 ? { grouping: { kind: 'ticks' as const, multiple } } : {}),
  });
  const book = stream.data;
  const trades = useTradeFeed(instrument.venue, instrument.symbol);
  const last = trades.trades[0];

  // Price grid: the tick's decimals and units when metadata is known, else inferred from the data.
  const tick = instrument.info ? tickUnits(instrument.info.tickSize) : null;
  const scale =
    instrument.priceDecimals ??
    [...(book?.bids ?? []), ...(book?.asks ?? [])].reduce(
      (m, l) => Math.max(m, significantDecimals(l.price)),
      0,
    );
  const step = (tick ?? 1n) * BigInt(multiple);
  const sizeScale =
    instrument.sizeDecimals ??
    [...(book?.bids ?? []), ...(book?.asks ?? [])].reduce(
      (m, l) => Math.max(m, significantDecimals(l.size)),
      0,
    );

  // Best rows, cheaply, to place the view before building every row.
  const bestBid = book?.bids[0] ? toUnits(book.bids[0].price, scale) : null;
  const bestAsk = book?.asks[0] ? toUnits(book.asks[0].price, scale) : null;
  // An instrument nobody chose a row step for gets one that shows both sides (saved once).
  const suggested =
    savedMultiple === undefined && tick !== null && book?.status === 'live'
      ? autoMultiple({ bestBid, bestAsk }, tick, rows, LADDER_MULTIPLES)
      : null;
  useEffect(() => {
    if (suggested === null || suggested <= 1) return;
    setMultiples((m) => (m[instrument.key] === undefined ? { ...m, [instrument.key]: suggested } : m));
  }, [suggested, instrument.key, setMultiples]);
  const touch = {
    bestBid: bestBid === null ? null : floorTo(bestBid, step),
    bestAsk: bestAsk === null ? null : ceilTo(bestAsk, step),
  };
  const home = spreadCentre(touch.bestBid, touch.bestAsk, step);
  const effective = placeView(centre, home, touch, { step, rows, follow: follow && !scrolledAway });
  // Storing what this render derived (React re-renders at once, before painting).
  if (effective !== centre) setCentre(effective);

  // Rebuilt on every render: renders only happen on a committed frame or an input, and building
  // a screen of rows from a few hundred levels costs microseconds.
  const model =
    effective === null
      ? null
      : buildLadder({
          scale,
          step,
          centre: effective,
          rows,
          bids: book?.bids ?? [],
          asks: book?.asks ?? [],
          sizeScale,
          own: ownOrders ?? [],
          stops: stops ?? [],
          lastTrade: last ? { price: last.price, side: last.side } : null,
        });
  const wanted =
    effective === null ? 50 : depthFor({ centre: effective, step, rows }, touch.bestBid, touch.bestAsk);
  if (wanted > depth || wanted < depth / 2) setDepth(wanted);

  const actions = useMemo<Action[]>(() => {
    const scrollBy = (delta: number) => {
      setCentre((c) => (c === null ? c : scrollCentre(c, delta, step)));
      setScrolledAway(true);
    };
    const page = Math.max(1, rows - 4);
    const regroup = (direction: 1 | -1) =>
      setMultiples((m) => ({ ...m, [instrument.key]: stepMultiple(m[instrument.key] ?? 1, direction) }));
    return [
      action('ladder.recenter', 'Ladder: re-centre on the spread', 'Home', () => {
        setScrolledAway(false);
        setCentre(null);
      }),
      action('ladder.pageUp', 'Ladder: scroll up a page', 'PageUp', () => scrollBy(page)),
      action('ladder.pageDown', 'Ladder: scroll down a page', 'PageDown', () => scrollBy(-page)),
      action('ladder.groupCoarser', 'Ladder: coarser rows (more ticks per row)', 'BracketRight', () =>
        regroup(1),
      ),
      action('ladder.groupFiner', 'Ladder: finer rows (fewer ticks per row)', 'BracketLeft', () =>
        regroup(-1),
      ),
      action('ladder.toggleFollow', 'Ladder: auto-centre on/off', '', () => setFollow((f) => !f)),
    ];
  }, [step, rows, instrument.key, setMultiples, setFollow]);
  useActions(actions);

  const scrollBy = (delta: number) => {
    if (effective === null || delta === 0) return;
    setCentre(scrollCentre(effective, delta, step));
    setScrolledAway(true);
  };
  const recentre = () => {
    setScrolledAway(false);
    setCentre(null);
  };

  const onWheel = (e: React.WheelEvent) => {
    const notches = Math.max(1, Math.round(Math.abs(e.deltaY) / 50));
    scrollBy(e.deltaY > 0 ? -notches : notches);
  };
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      e.preventDefault();
      scrollBy(e.key === 'ArrowUp' ? 1 : -1);
    }
  };

  const status = book?.status ?? 'resyncing';
  const stepText = instrument.info
    ? groupingStep({ kind: 'ticks', multiple }, instrument.info.tickSize)
    : null;
  return (
    <section
      className={`ladder ${status}`}
      data-testid="ladder-view"
      data-status={status}
      aria-label="Price ladder"
    >
      <header className="panel-toolbar">
        <strong className="toolbar-symbol">{instrument.symbol}</strong>
        <ModeBadge mode={instrument.mode} />
        <span className="spacer" />
        <FeedBadges book={book} prefix="ladder" error={stream.error} />
      </header>
      <div className="ladder-controls">
        <button
          type="button"
          data-testid="ladder-recenter"
          onClick={recentre}
          title="Re-centre on the spread (Home)"
        >
          Centre
        </button>
        <label
          className={`toggle ${follow ? 'on' : ''}`}
          title="Re-centre by itself when the spread leaves the screen"
        >
          <input type="checkbox" checked={follow} onChange={(e) => setFollow(e.target.checked)} />
          Auto
        </label>
        <select
          aria-label="Ladder row step"
          value={multiple}
          onChange={(e) => setMultiples((m) => ({ ...m, [instrument.key]: Number(e.target.value) }))}
          title="Ticks per row ( [ finer, ] coarser )"
        >
          {LADDER_MULTIPLES.map((m) => (
            <option key={m} value={m}>
              {m === 1 ? '1 tick' : `${m} ticks`}
            </option>
          ))}
        </select>
        {stepText && (
          <span className="muted step" data-testid="ladder-step">
            ={stepText}
          </span>
        )}
        <span className="spacer" />
        {trading.available && (
          <span
            className="muted ladder-size"
            data-testid="ladder-size"
            title="Size a click sends (the ticket's)"
          >
            {trading.size ? `× ${trading.size}` : 'no size'}
          </span>
        )}
        <button
          type="button"
          className={`arm ${trading.armed ? 'armed' : ''}`}
          data-testid="ladder-arm"
          disabled={!trading.available && !trading.armed}
          aria-pressed={trading.armed}
          title={
            trading.available
              ? 'One-click trading from the ladder: bid side buys, ask side sells, Shift = market; click your order to cancel it, drag it to reprice'
              : trading.unavailableReason
          }
          onClick={() => trading.onArm?.(!trading.armed)}
        >
          {trading.armed ? 'ARMED' : 'Arm trading'}
        </button>
      </div>
      {trading.notice && (
        <div className={`ladder-note ${trading.notice.kind}`} data-testid="ladder-notice" role="status">
          {trading.notice.text}
        </div>
      )}
      {scrolledAway && (
        <div className="ladder-note" data-testid="ladder-scrolled">
          scrolled away · <kbd>Home</kbd> or Centre to return
        </div>
      )}
      <FeedBanner book={book} />
      {stream.error && <div className="error">{stream.error.message}</div>}
      <div className="ladder-head" aria-hidden>
        <span>Buy</span>
        <span>Bid</span>
        <span>Price</span>
        <span>Ask</span>
        <span>Sell</span>
      </div>
      <div
        className="ladder-body"
        ref={bodyRef}
        tabIndex={0}
        onWheel={onWheel}
        onKeyDown={onKeyDown}
        data-testid="ladder-body"
        data-multiple={multiple}
        data-scale={scale}
        data-step-units={String(step)}
        data-has-book={book && book.bids.length + book.asks.length > 0 ? 1 : 0}
      >
        {model ? (
          <LadderGrid rows={model.rows} trading={trading} />
        ) : (
          <div className="panel-empty muted">
            {book ? 'the book is empty' : stream.error ? '' : 'connecting…'}
          </div>
        )}
      </div>
    </section>
  );
}

function action(id: string, title: string, defaultKeys: string, run: () => void): Action {
  return { id, title, group: 'Ladder', defaultKeys, run };
}
