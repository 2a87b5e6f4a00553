/**
 * Feed health, always visible: per enabled venue its connection state, uptime and reconnects;
 * per watched book its status, source, message age, resyncs by cause, REST fallbacks and stream
 * vs REST latency. Books that are not live are greyed. Clicking a book opens it in the book view.
 */
import type { BookHealth, VenueHealth } from '../../../src-shared/contract';
import { useStream } from '../../ipc/hooks';
import { formatDuration } from '../../ui/format';

const STATE_DOT: Record<VenueHealth['state'], string> = {
  live: 'ok',
  connecting: 'pending',
  degraded: 'pending',
  idle: '',
  disabled: '',
  down: 'down',
};

export interface HealthStripProps {
  readonly onSelect?: (venue: string, symbol: string) => void;
}

export function HealthStrip({ onSelect }: HealthStripProps) {
  const health = useStream('market.health', {});
  const venues = health.data?.venues.filter((v) => v.state !== 'disabled') ?? [];
  return (
    <div className="health-strip" data-testid="health-strip" aria-label="Feed health">
      {!health.data && <span className="muted">feed health…</span>}
      {health.data && venues.length === 0 && <span className="muted">no live venue enabled</span>}
      {venues.map((venue) => (
        <span key={venue.venue} className="health-venue" data-health-venue={venue.venue}>
          <span className={`dot ${STATE_DOT[venue.state]}`} />
          <strong>{venue.venue}</strong>
          <span className="muted" title="connection state, uptime, reconnects">
            {venue.state}
            {venue.connectedSince !== null && ` ${formatDuration(venue.uptimeMs)}`}
            {venue.reconnects > 0 && ` ↻${venue.reconnects}`}
          </span>
          {venue.books.map((book) => (
            <BookChip key={book.symbol} venue={venue.venue} book={book} onSelect={onSelect} />
          ))}
        </span>
      ))}
    </div>
  );
}

function BookChip({
  venue,
  book,
  onSelect,
}: {
  venue: string;
  book: BookHealth;
  onSelect: HealthStripProps['onSelect'];
}) {
  const resyncs = Object.entries(book.resyncs).filter(([, n]) => n > 0);
  const total = resyncs.reduce((sum, [, n]) => sum + n, 0);
  const title = [
    `status ${book.status}, source ${book.source ?? '-'}`,
    `message age ${book.messageAgeMs ?? '-'} ms, stream latency p50 ${book.streamLatencyMs ?? '-'} ms`,
    `REST latency ${book.restLatencyMs ?? '-'} ms, REST fallbacks ${book.restFallbacks}`,
    `resyncs: ${resyncs.map(([cause, n]) => `${cause} ${n}`).join(', ') || 'none'}`,
    `REST audits: ${book.audits.matched}/${book.audits.runs} matched`,
    book.lastResync ? `last: ${book.lastResync.cause} (${book.lastResync.detail})` : '',
  ]
    .filter(Boolean)
    .join('\n');
  return (
    <button
      type="button"
      className={`health-book ${book.status}`}
      data-health-book={`${venue}:${book.symbol}`}
      data-status={book.status}
      title={title}
      onClick={() => onSelect?.(venue, book.symbol)}
    >
      {book.symbol} <span className={`status ${book.status}`}>{book.status}</span>
      {book.source && <span className="muted"> {book.source}</span>}
      {book.messageAgeMs !== null && <span className="muted"> {book.messageAgeMs}ms</span>}
      {total > 0 && <span className="muted"> ↻{total}</span>}
      {book.restFallbacks > 0 && <span className="muted"> REST×{book.restFallbacks}</span>}
    </button>
  );
}
