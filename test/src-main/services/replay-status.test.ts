/** The replay status stream follows recording start and stop at once (not only on its heartbeat). */
import { afterEach, describe, expect, it } from 'vitest';
import { follow } from '../../support/follow-stream';
import { systemApp } from '../../support/system-app';

const ctx = { transport: 'test', principal: 'user' } as const;
const stops: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});

describe('replay.status stream', () => {
  it('shows a recording starting and stopping without waiting for the heartbeat', async () => {
    const sys = systemApp({}, { persist: true });
    stops.push(() => sys.app.stop());
    await sys.app.ready;
    await sys.app.history.ready;
    const status = follow(sys.server, 'replay.status', {});
    expect(status.state?.recording.recording).toBe(false);
    expect((await sys.server.call('recording.start', { label: 'a' }, ctx)).ok).toBe(true);
    sys.tick(300);
    expect(status.state?.recording).toMatchObject({ recording: true, label: 'a', venues: ['sim'] });
    expect((await sys.server.call('recording.start', {}, ctx)).ok).toBe(false);
    expect((await sys.server.call('recording.stop', {}, ctx)).ok).toBe(true);
    sys.tick(300);
    expect(status.state?.recording.recording).toBe(false);
    expect(status.state?.replay.status).toBe('idle');
    const stopAgain = await sys.server.call('recording.stop', {}, ctx);
    expect(stopAgain.ok ? null : stopAgain.error.code).toBe('CONFLICT');
    status.dispose();
  });
});
