/**
 * The gateway's protocol core (sessions, hub, registry, instrument index) without sockets: a
 * FakePeer records what a session sends, hand-driven timers make it deterministic, and every
 * outgoing message is checked against SERVER_SCHEMAS. For fast protocol tests and fuzzing.
 */
import { ManualClock, ManualTimers, silentLogger } from '../../src-main/core/ports';
import { AgentRegistry } from '../../src-main/gateway/agents';
import { Hub, type HubMember } from '../../src-main/gateway/hub';
import { InstrumentIndex } from '../../src-main/gateway/instrument-index';
import { DEFAULT_GATEWAY_LIMITS, type GatewayLimits } from '../../src-main/gateway/limits';
import { SERVER_SCHEMAS, type ServerMessageType } from '../../src-main/gateway/protocol/server-messages';
import { GatewaySession, type SessionPeer } from '../../src-main/gateway/session';
import type { VenuePort } from '../../src-main/gateway/venue-port';
import { FakeMarketData } from './gateway-fake-market-data';
import { FakeVenue } from './gateway-fake-venue';

export type Msg = { type: string; [key: string]: unknown };

export const TEST_TOKEN = 'in-process-test-token-0123456789abcdef';

export class FakePeer implements SessionPeer {
  readonly sent: Msg[] = [];
  readonly schemaErrors: string[] = [];
  buffered = 0;
  closedWith: { code: number; reason: string } | null = null;
  terminated = false;

  send(text: string): void {
    const msg = JSON.parse(text) as Msg;
    const schema = SERVER_SCHEMAS[msg.type as ServerMessageType];
    const checked = schema?.safeParse(msg);
    if (!checked?.success) this.schemaErrors.push(`${msg.type}: ${checked?.error.message ?? 'unknown type'}`);
    this.sent.push(msg);
  }
  bufferedBytes(): number {
    return this.buffered;
  }
  close(code: number, reason: string): void {
    this.closedWith ??= { code, reason };
  }
  terminate(): void {
    this.terminated = true;
  }
  /** Everything sent since the last call. */
  take(): Msg[] {
    return this.sent.splice(0, this.sent.length);
  }
  last(): Msg | undefined {
    return this.sent[this.sent.length - 1];
  }
}

export function inProcessGateway(options: { limits?: Partial<GatewayLimits>; venue?: VenuePort } = {}) {
  const clock = new ManualClock(1_700_000_000_000, 0);
  const timers = new ManualTimers();
  const fake = new FakeVenue({ now: () => clock.now() });
  const venue = options.venue ?? fake;
  const marketData = new FakeMarketData();
  const limits: GatewayLimits = { ...DEFAULT_GATEWAY_LIMITS, ...options.limits };
  const instruments = new InstrumentIndex(venue, () => clock.monotonic(), silentLogger);
  const agents = new AgentRegistry<HubMember>(() => clock.now());
  const hub = new Hub(venue, instruments, agents, timers, limits, silentLogger);
  const deps = {
    venue,
    marketData,
    instruments,
    agents,
    hub,
    token: TEST_TOKEN,
    limits,
    clock,
    log: silentLogger,
  };

  /** A session that authenticated by header, with its connect snapshots already taken. */
  function open(): { session: GatewaySession; peer: FakePeer; send: (m: object | string) => Msg[] } {
    const peer = new FakePeer();
    const session = new GatewaySession(deps, peer);
    session.authenticated();
    peer.take();
    const send = (m: object | string): Msg[] => {
      session.receive(typeof m === 'string' ? m : JSON.stringify(m));
      return peer.take();
    };
    return { session, peer, send };
  }

  /** An open session registered as `name`. */
  function agent(name: string, capital = '100000') {
    const s = open();
    const [reply] = s.send({ type: 'agent_register', name, starting_capital: capital });
    if (reply?.type !== 'agent_registered') throw new Error(`register failed: ${JSON.stringify(reply)}`);
    s.peer.take();
    return { ...s, agentId: reply.agent_id as string };
  }

  const tick = (ms: number) => {
    clock.advance(ms);
    timers.advance(ms);
  };

  return {
    clock,
    timers,
    fake,
    venue,
    marketData,
    limits,
    instruments,
    agents,
    hub,
    deps,
    open,
    agent,
    tick,
  };
}
