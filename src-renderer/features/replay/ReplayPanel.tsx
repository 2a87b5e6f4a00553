/**
 * Recording and replay: record a session, pick a recording, and play it back at 1x, 10x or as fast
 * as possible through the venues' own connector code (`replay:<venue>`), with paper trading on the
 * replayed books. Keyboard: actions in the "Replay" group (palette), unbound by default.
 */
import { useMemo, useState } from 'react';
import type { Action } from '../hotkeys/action-registry';
import { useActions } from '../hotkeys/HotkeysContext';
import { useClient, useRequest, useStream } from '../../ipc/hooks';
import { formatDuration, formatUtcDateTime } from '../../ui/format';
import { RecordingControls } from './RecordingControls';
import { ReplayControls } from './ReplayControls';
import './replay.css';

export function ReplayPanel() {
  const client = useClient();
  const stream = useStream('replay.status', {});
  const clock = useStream('system.clock', {});
  const [refresh, setRefresh] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const status = stream.data;
  const list = useRequest('replay.recordings', {}, `${refresh}:${status?.recording.recording ? 1 : 0}`);
  const recordings = list?.ok ? list.value.recordings : [];
  const replay = status?.replay;

  const load = async (id: number) => {
    const result = await client.call('replay.load', { id });
    setError(result.ok ? null : result.error.message);
  };
  const playing = replay?.status === 'playing';
  const speed = replay?.speed ?? 1;
  const recordingNow = status?.recording.recording === true;
  const actions = useMemo<Action[]>(
    () => [
      {
        id: 'replay.togglePlay',
        title: 'Replay: play / pause',
        group: 'Replay',
        defaultKeys: '',
        run: () => void (playing ? client.call('replay.pause', {}) : client.call('replay.play', { speed })),
      },
      {
        id: 'replay.toStart',
        title: 'Replay: back to the start',
        group: 'Replay',
        defaultKeys: '',
        run: () => void client.call('replay.seek', { position: 0 }),
      },
      {
        id: 'recording.toggle',
        title: 'Recording: start / stop',
        group: 'Replay',
        defaultKeys: '',
        run: () =>
          void (recordingNow ? client.call('recording.stop', {}) : client.call('recording.start', {})).then(
            () => setRefresh((n) => n + 1),
          ),
      },
    ],
    [client, playing, speed, recordingNow],
  );
  useActions(actions);

  return (
    <div className="replay" aria-label="Replay" data-testid="replay-panel">
      <RecordingControls
        status={status?.recording}
        now={clock.data?.serverTime ?? status?.recording.startedTs ?? 0}
        onChanged={() => setRefresh((n) => n + 1)}
      />
      <section>
        <h3>Recordings</h3>
        <table className="grid" data-testid="recordings">
          <thead>
            <tr>
              <th className="narrow">#</th>
              <th>Label</th>
              <th>Started</th>
              <th>Length</th>
              <th className="num">Items</th>
              <th>Venues</th>
              <th className="action" />
            </tr>
          </thead>
          <tbody>
            {recordings.map((r) => (
              <tr key={r.id} data-recording={r.id}>
                <td>{r.id}</td>
                <td>{r.label}</td>
                <td className="muted" title={`${formatUtcDateTime(r.startedTs)} UTC`}>
                  {formatUtcDateTime(r.startedTs).slice(5)}
                </td>
                <td>{r.endedTs === null ? 'running' : formatDuration(r.endedTs - r.startedTs)}</td>
                <td className="num">{r.frames + r.simEntries}</td>
                <td>{r.venues.join(', ')}</td>
                <td>
                  <button type="button" disabled={r.endedTs === null} onClick={() => void load(r.id)}>
                    {replay?.loaded?.id === r.id ? 'Reload' : 'Load'}
                  </button>
                </td>
              </tr>
            ))}
            {recordings.length === 0 && (
              <tr>
                <td colSpan={7} className="muted">
                  no recordings yet
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </section>
      {error && <div className="error">{error}</div>}
      {replay && <ReplayControls replay={replay} onError={setError} />}
    </div>
  );
}
