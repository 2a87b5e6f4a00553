/**
 * Every venue main knows, with kind, capabilities and status. The list is fetched once; the
 * status of enabled live venues then follows the feed-health stream so it never goes stale.
 */
import type { VenueInfo } from '../../../src-shared/contract';
import { useRequest } from '../../ipc/hooks';
import { useFrameStream } from '../market/market-hooks';

const CAPABILITY_LABELS: ReadonlyArray<[keyof VenueInfo['capabilities'], string]> = [
  ['fullDepthStream', 'depth stream'],
  ['bboStream', 'BBO'],
  ['restDepth', 'REST depth'],
  ['trades', 'trades'],
];

const STATUS_DOT: Record<VenueInfo['status'], string> = {
  live: 'ok',
  connecting: 'pending',
  degraded: 'pending',
  idle: '',
  disabled: '',
  down: 'down',
};

export function VenueList() {
  const venues = useRequest('venues.list', {});
  const health = useFrameStream('market.health', {});
  const liveStatus = (venue: VenueInfo): VenueInfo['status'] =>
    (venue.enabled && health.data?.venues.find((h) => h.venue === venue.id)?.state) || venue.status;
  return (
    <section className="panel-body scroll" aria-label="Venues">
      {venues === undefined && <div className="muted error">Loading venues…</div>}
      {venues && !venues.ok && <div className="error">{venues.error.message}</div>}
      {venues?.ok && (
        <table className="grid" data-testid="venue-table">
          <thead>
            <tr>
              <th>Venue</th>
              <th>Id</th>
              <th>Kind</th>
              <th>Market data</th>
              <th>Status</th>
            </tr>
          </thead>
          <tbody>
            {venues.value.map((venue) => (
              <tr key={venue.id} data-venue={venue.id}>
                <td>{venue.name}</td>
                <td className="muted">{venue.id}</td>
                <td>
                  <span className={`badge ${venue.kind === 'simulated' ? 'sim' : 'live'}`}>
                    {venue.kind === 'simulated' ? 'PAPER' : 'LIVE'}
                  </span>
                </td>
                <td>
                  {CAPABILITY_LABELS.map(([key, label]) => (
                    <span key={key} className={`chip ${venue.capabilities[key] ? 'on' : ''}`}>
                      {venue.capabilities[key] ? label : <s>{label}</s>}
                    </span>
                  ))}
                </td>
                <td>
                  <span className={`dot ${STATUS_DOT[liveStatus(venue)]}`} />
                  {liveStatus(venue)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
