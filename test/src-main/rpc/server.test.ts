import { describe, expect, it } from 'vitest';
import type { ServerMessage, StreamEvent } from '../../../src-shared/contract';
import { appError, err, ok } from '../../../src-shared/result';
import { ContractConnection } from '../../../src-main/rpc/connection';
import { systemApp } from '../../support/system-app';

const ctx = { transport: 'test', principal: 'user' } as const;

function sink(congested = () => false) {
  const events: StreamEvent[] = [];
  return { events, send: (e: StreamEvent) => events.push(e), congested };
}

describe('ContractServer.call', () => {
  it('answers a valid request with its validated output', async () => {
    const { server } = systemApp();
    const reply = await server.call('system.info', {}, ctx);
    expect(reply).toEqual({
      ok: true,
      value: { app: 'Depthline', version: '9.9.9-test', runtime: 'headless', startedAt: 1_700_000_000_000 },
    });
  });

  it('refuses an unknown request by name', async () => {
    const { server } = systemApp();
    const reply = await server.call('orders.delete_everything', {}, ctx);
    expect(reply).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });

  it('refuses invalid input without calling the handler', async () => {
    let called = false;
    const { server } = systemApp({
      'system.info': () => {
        called = true;
        return ok({ app: 'Depthline', version: '1', runtime: 'headless', startedAt: 0 });
      },
    });
    const reply = await server.call('system.info', { extra: 1 }, ctx);
    expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', retryable: false } });
    expect(called).toBe(false);
  });

  it('passes handler errors through as values', async () => {
    const { server } = systemApp({ 'system.info': () => err(appError('UNAVAILABLE', 'warming up')) });
    expect(await server.call('system.info', {}, ctx)).toEqual({
      ok: false,
      error: { code: 'UNAVAILABLE', message: 'warming up', retryable: true },
    });
  });

  it('turns a throwing handler into INTERNAL instead of crashing', async () => {
    const { server } = systemApp({
      'system.info': () => {
        throw new Error('invariant broke');
      },
    });
    expect(await server.call('system.info', {}, ctx)).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL' },
    });
  });

  it('never sends an output that breaks its own schema', async () => {
    const { server } = systemApp({
      'system.info': () => ok({ app: 'Depthline', version: '1', runtime: 'toaster', startedAt: 0 } as never),
    });
    expect(await server.call('system.info', {}, ctx)).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL' },
    });
  });
});

describe('ContractServer.open', () => {
  it('sends a snapshot, then deltas numbered one apart', () => {
    const { server, tick } = systemApp();
    const out = sink();
    const sub = server.open('system.clock', {}, ctx, out);
    expect(sub).not.toBeNull();
    tick(1000);
    tick(1000);
    expect(out.events.map((e) => e.kind)).toEqual(['snapshot', 'delta', 'delta']);
    expect(out.events.map((e) => ('seq' in e ? e.seq : -1))).toEqual([1, 2, 3]);
    expect(out.events[2]).toMatchObject({ data: { serverTime: 1_700_000_002_000, uptimeMs: 2000 } });
  });

  it('closes with a clear error for bad params or an unknown stream', () => {
    const { server } = systemApp();
    const bad = sink();
    expect(server.open('system.clock', { hz: 100 }, ctx, bad)).toBeNull();
    expect(bad.events).toEqual([
      { kind: 'closed', error: expect.objectContaining({ code: 'INVALID_INPUT' }) },
    ]);
    const unknown = sink();
    expect(server.open('system.nope', {}, ctx, unknown)).toBeNull();
    expect(unknown.events[0]).toMatchObject({ kind: 'closed', error: { code: 'UNKNOWN_STREAM' } });
  });

  it('skips deltas while the peer is congested and catches up with one snapshot', () => {
    const { server, tick } = systemApp();
    let congested = false;
    const out = sink(() => congested);
    const sub = server.open('system.clock', {}, ctx, out)!;
    congested = true;
    tick(5000);
    expect(out.events).toHaveLength(1);
    expect(sub.isStale).toBe(true);
    congested = false;
    sub.pump();
    expect(out.events).toHaveLength(2);
    expect(out.events[1]).toMatchObject({ kind: 'snapshot', seq: 2, data: { uptimeMs: 5000 } });
    tick(1000);
    expect(out.events[2]).toMatchObject({ kind: 'delta', seq: 3 });
  });

  it('releases the source (its timer) on dispose', () => {
    const { server, timers } = systemApp();
    // The simulated venue's own timers (its clock, equity sampling) run regardless.
    const base = timers.size;
    const sub = server.open('system.clock', {}, ctx, sink())!;
    expect(timers.size).toBe(base + 1);
    sub.dispose();
    expect(timers.size).toBe(base);
  });
});

describe('ContractConnection', () => {
  function connection(limits = { maxSubscriptions: 2, congestionBytes: 1000 }) {
    const app = systemApp();
    const sent: ServerMessage[] = [];
    const conn = new ContractConnection(
      app.server,
      { send: (m) => sent.push(m), bufferedBytes: () => 0 },
      ctx,
      limits,
    );
    return { ...app, conn, sent };
  }

  it('replies to a malformed envelope that carries an id, and ignores one without', async () => {
    const { conn, sent } = connection();
    conn.receive({ t: 'call', id: 7, name: 42 });
    conn.receive('garbage');
    await Promise.resolve();
    expect(sent).toEqual([{ t: 'reply', id: 7, result: expect.objectContaining({ ok: false }) }]);
  });

  it('enforces the subscription cap and refuses a reused id', () => {
    const { conn, sent } = connection();
    conn.receive({ t: 'sub', id: 1, name: 'system.clock', params: {} });
    conn.receive({ t: 'sub', id: 1, name: 'system.clock', params: {} });
    conn.receive({ t: 'sub', id: 2, name: 'system.clock', params: {} });
    conn.receive({ t: 'sub', id: 3, name: 'system.clock', params: {} });
    const closed = sent.filter((m) => m.t === 'event' && m.event.kind === 'closed');
    expect(
      closed.map((m) => (m.t === 'event' && m.event.kind === 'closed' ? m.event.error.code : '')),
    ).toEqual(['CONFLICT', 'LIMIT_EXCEEDED']);
    expect(conn.subscriptionCount).toBe(2);
  });

  it('unsubscribes and releases everything on close', () => {
    const { conn, timers } = connection();
    const base = timers.size;
    conn.receive({ t: 'sub', id: 1, name: 'system.clock', params: {} });
    conn.receive({ t: 'sub', id: 2, name: 'system.clock', params: {} });
    conn.receive({ t: 'unsub', id: 1 });
    expect(timers.size).toBe(base + 1);
    conn.close();
    expect(timers.size).toBe(base);
    expect(conn.subscriptionCount).toBe(0);
  });
});
