/**
 * The order book of the linked instrument: asks above, bids below, each level with its size and
 * the cumulative size from the touch (drawn as a depth bar on one scale for both sides), the
 * spread (absolute and in bps) and the mid between them. Grouping really aggregates: main groups
 * the whole book (significant figures or tick multiples) before taking the top N. A book that is
 * not live is greyed and says why; an invalid or resyncing book shows no levels at all.
 */
import { memo, useMemo } from 'react';
import type { BookView } from '../../../src-shared/contract';
import { perfStats, count } from '../../ui/perf-stats';
import { Num } from '../../ui/Num';
import { useActions } from '../hotkeys/HotkeysContext';
import type { Action } from '../hotkeys/action-registry';
import { NoInstrument } from '../instrument/NoInstrument';
import { PaperBadge } from '../instrument/ModeBadge';
import { useInstrument, type InstrumentContext } from '../instrument/use-instrument';
import { useFrameStream } from '../market/market-hooks';
import { usePanelSetting } from '../prefs/panel-settings';
import { buildBookModel, type BookRow } from './book-model';
import { BOOK_DEPTH, BOOK_GROUPING } from './book-settings';
import { FeedBadges, FeedBanner } from './FeedBadges';
import { BOOK_GROUPINGS, bookGrouping, groupingStep, stepBookGrouping } from './groupings';
import './book.css';

export function BookPanel() {
  const instrument = useInstrument();
  if (!instrument) return <NoInstrument />;
  return <BookBody key={instrument.key} instrument={instrument} />;
}

function BookBody({ instrument }: { instrument: InstrumentContext }) {
  count(perfStats.renders, 'BookPanel');
  const [groupings, setGroupings] = usePanelSetting(BOOK_GROUPING);
  const [depth, setDepth] = usePanelSetting(BOOK_DEPTH);
  const option = bookGrouping(groupings[instrument.key] ?? 'full');
  const setGrouping = (id: string) => setGroupings((g) => ({ ...g, [instrument.key]: id }));
  const stream = useFrameStream('market.book', {
    venue: instrument.venue,
    symbol: instrument.symbol,
    depth,
    ...(option.grouping ? { grouping: option.grouping } : {}),
  });
  const book = stream.data;
  const model = useMemo(
    () =>
      buildBookModel(book?.bids ?? [], book?.asks ?? [], {
        price: instrument.priceDecimals,
        size: instrument.sizeDecimals,
      }),
    [book, instrument.priceDecimals, instrument.sizeDecimals],
  );

  const actions = useMemo<Action[]>(
    () => [
      {
        id: 'book.groupCoarser',
        title: 'Order book: coarser grouping',
        group: 'Order book',
        defaultKeys: 'Alt+BracketRight',
        run: () =>
          setGroupings((g) => ({ ...g, [instrument.key]: stepBookGrouping(g[instrument.key] ?? 'full', 1) })),
      },
      {
        id: 'book.groupFiner',
        title: 'Order book: finer grouping',
        group: 'Order book',
        defaultKeys: 'Alt+BracketLeft',
        run: () =>
          setGroupings((g) => ({
            ...g,
            [instrument.key]: stepBookGrouping(g[instrument.key] ?? 'full', -1),
          })),
      },
    ],
    [instrument.key, setGroupings],
  );
  useActions(actions);

  const tick = instrument.info?.tickSize;
  const step = tick
    ? groupingStep(option.grouping, tick, book?.bids[0]?.price ?? book?.asks[0]?.price)
    : null;
  const status = book?.status ?? 'resyncing';
  return (
    <section className="book-panel" aria-label="Order book">
      <header className="panel-toolbar">
        <strong className="toolbar-symbol">{instrument.symbol}</strong>
        <PaperBadge mode={instrument.mode} />
        <FeedBadges book={book} prefix="book" error={stream.error} />
        <span className="spacer" />
        <select aria-label="Grouping" value={option.id} onChange={(e) => setGrouping(e.target.value)}>
          {BOOK_GROUPINGS.map((g) => (
            <option key={g.id} value={g.id}>
              {g.label}
            </option>
          ))}
        </select>
        {step && (
          <span className="muted step" data-testid="book-step" title="price width of one row">
            ={step}
          </span>
        )}
        <select
          aria-label="Depth"
          value={depth}
          onChange={(e) => setDepth(Number(e.target.value) as 10 | 20 | 50)}
        >
          {[10, 20, 50].map((d) => (
            <option key={d} value={d}>
              {d} levels
            </option>
          ))}
        </select>
      </header>
      {stream.error && <div className="error">{stream.error.message}</div>}
      <FeedBanner book={book} />
      {/* Only the levels grey out when the book is not live; the toolbar and banner stay readable. */}
      <div className={`book ${status}`} data-testid="book-view" data-status={status}>
        {/* Two tables around the spread bar: every <tr> is a level, so row queries stay simple. */}
        <table className={`book-levels ${model.hasCounts ? 'with-counts' : ''}`}>
          <thead>
            <tr>
              <th>Price</th>
              <th>Size</th>
              <th>Total</th>
              {model.hasCounts && <th>Orders</th>}
            </tr>
          </thead>
          <tbody>
            {model.asks.map((row) => (
              <Level key={`a${row.price}`} row={row} counts={model.hasCounts} />
            ))}
          </tbody>
        </table>
        <div className="spread-bar" data-testid="book-spread">
          {model.spread === null ? (
            <span className="muted">{stream.error ? 'unavailable' : emptyText(book)}</span>
          ) : (
            <>
              <span className="num mid" data-testid="book-mid" title="mid price">
                {model.mid}
              </span>
              <span className="muted">
                spread <span className="num">{model.spread}</span> · {model.spreadBps} bps
              </span>
            </>
          )}
        </div>
        <table className={`book-levels ${model.hasCounts ? 'with-counts' : ''}`}>
          <tbody>
            {model.bids.map((row) => (
              <Level key={`b${row.price}`} row={row} counts={model.hasCounts} />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function emptyText(book: BookView | undefined): string {
  if (!book) return 'connecting…';
  return book.status === 'live' ? 'one side of the book is empty' : 'no levels';
}

const Level = memo(function Level({ row, counts }: { row: BookRow; counts: boolean }) {
  return (
    <tr className={row.side} style={{ '--depth': row.depthRatio } as React.CSSProperties}>
      <td className="price">{row.price}</td>
      <td>
        <Num value={row.size} />
      </td>
      <td>
        <Num value={row.total} className="total" />
      </td>
      {counts && <td className="muted">{row.count ?? ''}</td>}
    </tr>
  );
});
