/**
 * How far to trust a book: its status (LIVE, STALE, RESYNCING, INVALID), its source (stream or
 * REST) and the message age. Shared by the book and the ladder; anything but LIVE is coloured and
 * explained in the banner below it.
 */
import type { BookView } from '../../../src-shared/contract';
import type { AppError } from '../../../src-shared/result';

export function FeedBadges({
  book,
  prefix,
  error,
}: {
  book: BookView | undefined;
  prefix: string;
  /** The stream was refused or closed (e.g. the venue is not enabled): shown as OFFLINE. */
  error?: AppError | undefined;
}) {
  if (error && !book) {
    return (
      <span className="badge status invalid" data-testid={`${prefix}-status`} title={error.message}>
        OFFLINE
      </span>
    );
  }
  const status = book?.status ?? 'resyncing';
  return (
    <>
      <span className={`badge status ${status}`} data-testid={`${prefix}-status`} title={book?.note}>
        {status.toUpperCase()}
      </span>
      <span className="muted source" data-testid={`${prefix}-source`} title="where the levels come from">
        {book?.source ?? 'no data'}
      </span>
      <span className="muted age" data-testid={`${prefix}-age`} title="venue timestamp to local receipt">
        {book?.ageMs !== null && book?.ageMs !== undefined ? `${book.ageMs}ms` : ''}
      </span>
    </>
  );
}

const EXPLAIN: Record<Exclude<BookView['status'], 'live'>, string> = {
  stale: 'STALE: the feed went quiet; the last good book is shown greyed',
  resyncing: 'RESYNCING: rebuilding the book from a fresh snapshot',
  invalid: 'INVALID: the feed failed a check; no levels are shown',
};

export function FeedBanner({ book }: { book: BookView | undefined }) {
  if (!book || book.status === 'live') return null;
  return (
    <div className={`feed-banner ${book.status}`} role="status">
      {EXPLAIN[book.status]}
      {book.note && <span className="muted"> · {book.note}</span>}
    </div>
  );
}
