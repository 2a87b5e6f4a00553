/** Start and stop recording a session (with a label), and what the running recording holds. */
import { useState } from 'react';
import type { RecordingStatusView } from '../../../src-shared/contract';
import { useClient } from '../../ipc/hooks';
import { formatDuration } from '../../ui/format';

export function RecordingControls({
  status,
  now,
  onChanged,
}: {
  status: RecordingStatusView | undefined;
  now: number;
  onChanged: () => void;
}) {
  const client = useClient();
  const [label, setLabel] = useState('');
  const [error, setError] = useState<string | null>(null);
  const recording = status?.recording === true;
  const toggle = async () => {
    const result = recording
      ? await client.call('recording.stop', {})
      : await client.call('recording.start', label.trim() ? { label: label.trim() } : {});
    setError(result.ok ? null : result.error.message);
    if (result.ok) {
      setLabel('');
      onChanged();
    }
  };
  return (
    <section data-testid="recording-controls" data-recording={recording}>
      <h3>Recording</h3>
      <div className="row">
        {recording ? (
          <span className="recording-dot" data-testid="recording-state">
            ● REC {status?.label} · {formatDuration(Math.max(0, now - (status?.startedTs ?? now)))} ·{' '}
            {status?.frames ?? 0} frames{status?.dropped ? ` · ${status.dropped} dropped` : ''} ·{' '}
            {status?.venues.join(', ')}
          </span>
        ) : (
          <input
            aria-label="Recording label"
            placeholder="label (optional)"
            value={label}
            onChange={(e) => setLabel(e.target.value)}
          />
        )}
        <button type="button" data-testid="recording-toggle" onClick={() => void toggle()}>
          {recording ? 'Stop recording' : 'Start recording'}
        </button>
        {error && <span className="error">{error}</span>}
      </div>
    </section>
  );
}
