/**
 * Feed health, always visible and compact: per enabled venue a state dot, its name, uptime and
 * reconnects (an unreachable venue says OFFLINE and when it tries again); per watched book a chip with status, source (WS stream or REST), message age and
 * resyncs. Books that are not live are greyed and name their status; the tooltip has the full
 * story (latencies, resyncs by cause, REST audits). Clicking a chip selects that book for every
 * panel; the selected instrument's chip is outlined.
 */
import type { BookHealth, VenueHealth } from '../../../src-shared/contract';
import { formatDuration } from '../../ui/format';
import { useFrameStream } from '../market/market-hooks';
import { useSelection } from '../instrument/selection';

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
  const health = useFrameStream('market.health', {});
  const selection = useSelection();
  const venues = health.data?.venues.filter((v) => v.state !== 'disabled') ?? [];
  return (
    <div className="health-strip" data-testid="health-strip" aria-label="Feed health">
      <span className="health-title">FEEDS</span>
      {!health.data && <span className="muted">…</span>}
      {health.data && venues.length === 0 && (
        <span className="muted">no live venue enabled (settings.json → venues.&lt;id&gt;.enabled)</span>
      )}
      {venues.map((venue) => (
        <span key={venue.venue} className={`health-venue ${venue.state}`} data-health-venue={venue.venue}>
          <span className={`dot ${STATE_DOT[venue.state]}`} title={`connection ${venue.state}`} />
          <strong>{venue.venue}</strong>
          {venue.state === 'down' && (
            <span className="warn-text" data-offline title={venue.lastError ?? 'venue unreachable'}>
              OFFLINE{retryIn(venue, health.data!.at)}
            </span>
          )}
          <span className="muted" title="connection state, uptime, reconnects">
            {venue.state === 'live' || venue.state === 'down' ? '' : `${venue.state} `}
            {venue.connectedSince !== null && formatDuration(venue.uptimeMs)}
            {venue.reconnects > 0 && ` ↻${venue.reconnects}`}
          </span>
          {venue.books.map((book) => (
            <BookChip
              key={book.symbol}
              venue={venue.venue}
              book={book}
              selected={selection?.venue === venue.venue && selection.symbol === book.symbol}
              onSelect={onSelect}
            />
          ))}
        </span>
      ))}
    </div>
  );
}

/** ", retry in 12 s" while an unreachable venue waits for its next attempt. */
function retryIn(venue: VenueHealth, now: number): string {
  if (venue.nextRetryAt === undefined || venue.nextRetryAt === null) return '';
  return `, retry in ${Math.max(0, Math.ceil((venue.nextRetryAt - now) / 1000))} s`;
}

function BookChip({
  venue,
  book,
  selected,
  onSelect,
}: {
  venue: string;
  book: BookHealth;
  selected: boolean;
  onSelect: HealthStripProps['onSelect'];
}) {
  const resyncs = Object.entries(book.resyncs).filter(([, n]) => n > 0);
  const total = resyncs.reduce((sum, [, n]) => sum + n, 0);
  const title = [
    `${venue} ${book.symbol}: ${book.status}, source ${book.source ?? '-'}`,
    `message age ${book.messageAgeMs ?? '-'} ms, stream latency p50 ${book.streamLatencyMs ?? '-'} ms`,
    `REST latency ${book.restLatencyMs ?? '-'} ms, REST fallbacks ${book.restFallbacks}`,
    `resyncs: ${resyncs.map(([cause, n]) => `${cause} ${n}`).join(', ') || 'none'}`,
    `REST audits: ${book.audits.matched}/${book.audits.runs} matched`,
    book.lastResync ? `last resync: ${book.lastResync.cause} (${book.lastResync.detail})` : '',
  ]
    .filter(Boolean)
    .join('\n');
  return (
    <button
      type="button"
      className={`health-book ${book.status}${selected ? ' selected' : ''}`}
      data-health-book={`${venue}:${book.symbol}`}
      data-status={book.status}
      title={title}
      onClick={() => onSelect?.(venue, book.symbol)}
    >
      <span className={`sdot ${book.status}`} />
      <span>{book.symbol}</span>
      {book.status !== 'live' && <span className={`status ${book.status}`}>{book.status.toUpperCase()}</span>}
      {book.source && <span className="muted">{book.source === 'stream' ? 'WS' : 'REST'}</span>}
      {book.messageAgeMs !== null && <span className="muted">{book.messageAgeMs}ms</span>}
      {total > 0 && <span className="warn-text">↻{total}</span>}
    </button>
  );
}
