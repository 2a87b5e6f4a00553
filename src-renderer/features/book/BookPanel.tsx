/**
 * A minimal book view (not a trading ladder): pick an enabled live venue and a symbol, see the
 * top levels with a badge for status, source and age. Anything but a live book is greyed, and a
 * book that is resyncing or invalid shows no levels at all (main sends none).
 */
import { useState } from 'react';
import type { BookView, GroupingParam, InstrumentSelection } from '../../../src-shared/contract';
import { useRequest, useStream } from '../../ipc/hooks';
import { useSelect, useSelection } from '../instrument/selection';

export type BookSelection = InstrumentSelection;

/** Follows the workspace's linked instrument; choosing a book here changes it for every panel. */
export function BookPanel() {
  const selection = useSelection();
  const onSelect = useSelect();
  const venues = useRequest('venues.list', {});
  // The simulated venue and every enabled live venue have books to show.
  const live = venues?.ok
    ? venues.value.filter((v) => v.kind === 'simulated' || (v.kind === 'live' && v.enabled))
    : [];
  const [venue, setVenue] = useState('');
  const [symbol, setSymbol] = useState('');
  const chosenVenue = venue || selection?.venue || live[0]?.id || '';
  return (
    <section className="panel-body scroll book-panel" aria-label="Order book">
      <form
        className="book-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (chosenVenue && symbol.trim()) {
            onSelect({ venue: chosenVenue, symbol: symbol.trim() } as InstrumentSelection);
          }
        }}
      >
        <select aria-label="Venue" value={chosenVenue} onChange={(e) => setVenue(e.target.value)}>
          {live.length === 0 && <option value="">no live venue enabled</option>}
          {live.map((v) => (
            <option key={v.id} value={v.id}>
              {v.name}
            </option>
          ))}
        </select>
        <input
          aria-label="Symbol"
          placeholder="symbol, e.g. BTCUSDT"
          value={symbol}
          onChange={(e) => setSymbol(e.target.value)}
        />
        <button type="submit" disabled={!chosenVenue || !symbol.trim()}>
          Show
        </button>
      </form>
      {selection && <BookTable key={`${selection.venue}:${selection.symbol}`} {...selection} />}
    </section>
  );
}

/** Aggregation choices, as on Hyperliquid: significant figures, or multiples of the tick. */
const GROUPINGS: ReadonlyArray<[string, GroupingParam | undefined]> = [
  ['full precision', undefined],
  ['5 sig. figs', { kind: 'sigfigs', nSigFigs: 5 }],
  ['4 sig. figs', { kind: 'sigfigs', nSigFigs: 4 }],
  ['3 sig. figs', { kind: 'sigfigs', nSigFigs: 3 }],
  ['10 ticks', { kind: 'ticks', multiple: 10 }],
  ['100 ticks', { kind: 'ticks', multiple: 100 }],
];

function BookTable({ venue, symbol }: BookSelection) {
  const [groupingIndex, setGroupingIndex] = useState(0);
  const grouping = GROUPINGS[groupingIndex]?.[1];
  const stream = useStream('market.book', { venue, symbol, depth: 10, ...(grouping ? { grouping } : {}) });
  const book = stream.data;
  if (stream.error) return <div className="error">{stream.error.message}</div>;
  if (!book) return <div className="muted pad">connecting…</div>;
  const counts = [...book.bids, ...book.asks].some((l) => l.count !== undefined);
  return (
    <div className={`book ${book.status}`} data-testid="book-view" data-status={book.status}>
      <div className="book-head">
        <strong>
          {book.venue} {book.symbol}
        </strong>
        <span className={`badge status ${book.status}`} data-testid="book-status">
          {book.status.toUpperCase()}
        </span>
        <span className="badge" data-testid="book-source">
          {book.source ?? 'no data'}
        </span>
        <span className="muted" data-testid="book-age">
          {ageText(book)}
        </span>
        <select
          aria-label="Grouping"
          value={groupingIndex}
          onChange={(e) => setGroupingIndex(Number(e.target.value))}
        >
          {GROUPINGS.map(([label], i) => (
            <option key={label} value={i}>
              {label}
            </option>
          ))}
        </select>
      </div>
      {book.note && book.status !== 'live' && <div className="muted pad">{book.note}</div>}
      <table className="grid book-levels">
        <thead>
          <tr>
            <th>Price</th>
            <th>Size</th>
            {counts && <th>Orders</th>}
          </tr>
        </thead>
        <tbody>
          {[...book.asks].reverse().map((l) => (
            <tr key={`a${l.price}`} className="ask">
              <td>{l.price}</td>
              <td>{l.size}</td>
              {counts && <td className="muted">{l.count ?? ''}</td>}
            </tr>
          ))}
          {book.bids.map((l) => (
            <tr key={`b${l.price}`} className="bid">
              <td>{l.price}</td>
              <td>{l.size}</td>
              {counts && <td className="muted">{l.count ?? ''}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ageText(book: BookView): string {
  if (book.ageMs !== null) return `age ${book.ageMs} ms`;
  return book.updatedAt === null ? '' : `updated ${new Date(book.updatedAt).toISOString().slice(11, 23)}`;
}
