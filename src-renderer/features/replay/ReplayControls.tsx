/**
 * The loaded recording's player: play or pause at 1x, 10x or as fast as possible, back to the
 * start, progress, and every replayed book with its status and fingerprint ("Show" links it so the
 * book, ladder and chart panels follow it).
 */
import type { InstrumentSelection, ReplaySpeedValue, ReplayStateView } from '../../../src-shared/contract';
import { useClient } from '../../ipc/hooks';
import { formatUtcDateTime } from '../../ui/format';
import { useSelect } from '../instrument/selection';

const SPEEDS: ReadonlyArray<{ speed: ReplaySpeedValue; label: string }> = [
  { speed: 1, label: '1x' },
  { speed: 10, label: '10x' },
  { speed: 'max', label: 'Max' },
];

export function ReplayControls({
  replay,
  onError,
}: {
  replay: ReplayStateView;
  onError: (e: string | null) => void;
}) {
  const client = useClient();
  const select = useSelect();
  const loaded = replay.loaded;
  if (!loaded) return null;
  const playing = replay.status === 'playing';
  const done = replay.status === 'ended' || replay.status === 'failed';
  const run = async (call: () => Promise<{ ok: boolean; error?: { message: string } }>) => {
    const result = await call();
    onError(result.ok ? null : (result.error?.message ?? 'failed'));
  };
  return (
    <section data-testid="replay-controls" data-status={replay.status}>
      <h3>
        Replay #{loaded.id} {loaded.label}
      </h3>
      <div className="row">
        {SPEEDS.map((s) => (
          <button
            key={String(s.speed)}
            type="button"
            aria-pressed={replay.speed === s.speed}
            data-speed={s.speed}
            disabled={done}
            onClick={() => void run(() => client.call('replay.play', { speed: s.speed }))}
          >
            ▶ {s.label}
          </button>
        ))}
        <button
          type="button"
          disabled={!playing}
          onClick={() => void run(() => client.call('replay.pause', {}))}
        >
          Pause
        </button>
        <button
          type="button"
          data-testid="replay-start"
          onClick={() => void run(() => client.call('replay.seek', { position: 0 }))}
        >
          ⏮ To start
        </button>
        <button type="button" onClick={() => void run(() => client.call('replay.unload', {}))}>
          Close
        </button>
      </div>
      <div className="row">
        <progress max={Math.max(1, replay.total)} value={replay.position} />
        <span className="num" data-testid="replay-position">
          {replay.position} / {replay.total}
        </span>
        <span className="muted" data-testid="replay-status">
          {replay.status}
          {replay.time !== null ? ` · ${formatUtcDateTime(replay.time)} UTC` : ''}
        </span>
      </div>
      {replay.error && <div className="error">{replay.error}</div>}
      <table className="grid" data-testid="replay-books">
        <thead>
          <tr>
            <th>Venue</th>
            <th>Symbol</th>
            <th>Status</th>
            <th>Fingerprint</th>
            <th className="action" />
          </tr>
        </thead>
        <tbody>
          {replay.books.map((b) => (
            <tr key={`${b.venue}|${b.symbol}`} data-book={`${b.venue}|${b.symbol}`}>
              <td>{b.venue}</td>
              <td>{b.symbol}</td>
              <td>{b.status}</td>
              <td>
                <code>{b.hash}</code>
              </td>
              <td>
                <button
                  type="button"
                  onClick={() =>
                    select({
                      venue: b.venue as InstrumentSelection['venue'],
                      symbol: b.symbol as InstrumentSelection['symbol'],
                    })
                  }
                >
                  Show
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {loaded.paperVenues.length > 0 && (
        <div className="muted">Paper trading on the replay: {loaded.paperVenues.join(', ')}</div>
      )}
    </section>
  );
}
