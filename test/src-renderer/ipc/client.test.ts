import { describe, expect, it } from 'vitest';
import type { StreamState } from '../../../src-renderer/ipc/client';
import { ContractClient } from '../../../src-renderer/ipc/client';
import type { StreamSnapshot } from '../../../src-shared/contract';
import { loopbackPort } from '../../support/loopback-port';
import { systemApp } from '../../support/system-app';

type ClockState = StreamState<StreamSnapshot<'system.clock'>>;

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('ContractClient', () => {
  it('calls a request and gets a typed Result back', async () => {
    const { server } = systemApp();
    const client = new ContractClient(loopbackPort(server).port);
    const info = await client.call('system.info', {});
    expect(info.ok && info.value.version).toBe('9.9.9-test');
    const bad = await client.call('system.info', { nope: true } as never);
    expect(bad.ok).toBe(false);
  });

  it('keeps stream state from a snapshot and folded deltas', () => {
    const { server, tick } = systemApp();
    const client = new ContractClient(loopbackPort(server).port);
    const states: ClockState[] = [];
    client.subscribe('system.clock', {}, (s) => states.push(s));
    tick(3000);
    const last = states.at(-1)!;
    expect(last.status).toBe('live');
    expect(last.data).toEqual({ serverTime: 1_700_000_003_000, uptimeMs: 3000 });
    expect(last.resyncs).toBe(0);
  });

  it('re-snapshots when a delta goes missing instead of drifting', () => {
    const { server, tick } = systemApp();
    const { port, control } = loopbackPort(server);
    const client = new ContractClient(port);
    const states: ClockState[] = [];
    client.subscribe('system.clock', {}, (s) => states.push(s));
    let dropped = 0;
    control.drop = (m) => m.t === 'event' && m.event.kind === 'delta' && m.event.seq === 3 && ++dropped === 1;
    tick(4000); // deltas 2, 3 (lost), 4 (gap detected -> resubscribe), then a new snapshot
    const last = states.at(-1)!;
    expect(last.resyncs).toBe(1);
    expect(last.data).toEqual({ serverTime: 1_700_000_004_000, uptimeMs: 4000 });
    // the old subscription was released on the server: exactly one timer remains
    tick(1000);
    expect(states.at(-1)!.data?.uptimeMs).toBe(5000);
    const subs = control.received.filter((m) => m.t === 'sub').length;
    const unsubs = control.received.filter((m) => m.t === 'unsub').length;
    expect(subs - unsubs).toBe(1);
  });

  it('resubscribes every stream after the transport comes back', () => {
    const { server, tick, timers } = systemApp();
    // The simulated venue's own timers (its clock, equity sampling) run regardless.
    const base = timers.size;
    const { port, control } = loopbackPort(server);
    const client = new ContractClient(port);
    const states: ClockState[] = [];
    client.subscribe('system.clock', {}, (s) => states.push(s));
    control.disconnect();
    expect(states.at(-1)!.status).toBe('connecting');
    expect(timers.size).toBe(base);
    control.reconnect();
    tick(1000);
    expect(states.at(-1)).toMatchObject({ status: 'live', data: { uptimeMs: 1000 } });
    expect(timers.size).toBe(base + 1);
  });

  it('reports calls in flight when the connection drops, and sends queued ones on reconnect', async () => {
    const { server } = systemApp({
      'system.info': () => new Promise(() => {}), // never answers
    });
    const { port, control } = loopbackPort(server);
    const client = new ContractClient(port);
    const inFlight = client.call('system.info', {});
    control.disconnect();
    expect(await inFlight).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    const queued = client.call('venues.list', {});
    control.reconnect();
    const venues = await queued;
    expect(venues.ok && venues.value.map((v) => v.id)).toContain('sim');
  });

  it('stops the stream on the server when the listener unsubscribes', async () => {
    const { server, timers } = systemApp();
    const base = timers.size;
    const client = new ContractClient(loopbackPort(server).port);
    const stop = client.subscribe('system.clock', {}, () => {});
    expect(timers.size).toBe(base + 1);
    stop();
    await flush();
    expect(timers.size).toBe(base);
  });
});
