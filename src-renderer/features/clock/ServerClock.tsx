/** The server clock, streamed over the contract: proof that main is alive and reachable. */
import { useStream } from '../../ipc/hooks';
import { formatDuration, formatUtcTime } from '../../ui/format';

export function ServerClock() {
  const clock = useStream('system.clock', {});
  if (!clock.data) return <span className="clock muted">--:--:--</span>;
  return (
    <span className="clock" title={`server uptime ${formatDuration(clock.data.uptimeMs)}`}>
      <span data-testid="server-clock">{formatUtcTime(clock.data.serverTime)}</span>
      <span className="muted"> UTC</span>
    </span>
  );
}
