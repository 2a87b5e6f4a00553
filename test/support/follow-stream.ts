/**
 * Follows a contract stream on a ContractServer the way the renderer's client does: the snapshot
 * replaces the state, each delta is folded in with the contract's own `reduce`, and a missed
 * sequence number is an error (the server never skips one without a snapshot).
 */
import {
  streams,
  type StreamDef,
  type StreamEvent,
  type StreamName,
  type StreamParams,
  type StreamSnapshot,
} from '../../src-shared/contract';
import type { ContractServer } from '../../src-main/rpc/server';

const ctx = { transport: 'test', principal: 'user' } as const;

export interface Followed<S> {
  readonly state: S | undefined;
  readonly events: readonly StreamEvent[];
  /** Deltas received so far. */
  readonly deltas: number;
  dispose(): void;
}

export function follow<N extends StreamName>(
  server: ContractServer,
  name: N,
  params: StreamParams<N>,
): Followed<StreamSnapshot<N>> {
  const def = streams[name] as unknown as StreamDef;
  const events: StreamEvent[] = [];
  let state: unknown;
  let seq = 0;
  let deltas = 0;
  const sub = server.open(name, params, ctx, {
    congested: () => false,
    send: (event) => {
      events.push(event);
      if (event.kind === 'snapshot') {
        state = event.data;
        seq = event.seq;
      } else if (event.kind === 'delta') {
        if (event.seq !== seq + 1) throw new Error(`${name}: delta ${event.seq} after ${seq}`);
        seq = event.seq;
        deltas += 1;
        state = def.reduce(state, event.data);
      }
    },
  });
  if (!sub) throw new Error(`${name} refused: ${JSON.stringify(events)}`);
  return {
    get state() {
      return state as StreamSnapshot<N> | undefined;
    },
    events,
    get deltas() {
      return deltas;
    },
    dispose: () => sub.dispose(),
  };
}
