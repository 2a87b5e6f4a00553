/**
 * Where bots connect: the agents API's URL, its per-start token (hidden until asked for, then
 * selectable and copyable), the token file's path, the number of open connections and whether
 * trading is on. Refreshed every 2 s (the gateway starts after the venue and can fail, e.g. on a
 * port in use, which is shown with its reason).
 */
import { useEffect, useState } from 'react';
import type { GatewayInfo } from '../../../src-shared/contract';
import { useClient } from '../../ipc/hooks';

const REFRESH_MS = 2000;

export function GatewayAccess() {
  const client = useClient();
  const [info, setInfo] = useState<GatewayInfo | null>(null);
  const [reveal, setReveal] = useState(false);
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    let live = true;
    const load = () =>
      void client.call('gateway.info', {}).then((r) => {
        if (live && r.ok) setInfo(r.value);
      });
    load();
    const timer = setInterval(load, REFRESH_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [client]);

  if (!info) return null;
  if (info.status !== 'running') {
    return (
      <div className="gateway-access muted" data-testid="gateway-access" data-status={info.status}>
        Agents API {info.status}
        {info.error ? `: ${info.error}` : ''}
      </div>
    );
  }
  const copy = () => {
    if (info.token === null) return;
    void navigator.clipboard?.writeText(info.token).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  return (
    <div className="gateway-access" data-testid="gateway-access" data-status={info.status}>
      <span className="muted">Bots connect to</span>
      <code data-testid="gateway-url">{info.url}</code>
      <span className="muted">token</span>
      {reveal ? (
        <code className="token" data-testid="gateway-token">
          {info.token}
        </code>
      ) : (
        <code className="token muted" aria-label="token hidden">
          ••••••••
        </code>
      )}
      <button type="button" className="ghost" onClick={() => setReveal((r) => !r)}>
        {reveal ? 'Hide' : 'Show'}
      </button>
      <button type="button" className="ghost" onClick={copy} title="Copy the token">
        {copied ? 'Copied' : 'Copy'}
      </button>
      {info.tokenFile && (
        <span className="muted" title="The same token, readable only by you (mode 0600)">
          file <code data-testid="gateway-token-file">{info.tokenFile}</code>
        </span>
      )}
      <span className="muted" data-testid="gateway-connections">
        {info.connections} connected{info.trading ? '' : ' · trading unavailable'}
      </span>
    </div>
  );
}
