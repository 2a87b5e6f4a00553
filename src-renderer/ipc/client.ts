/**
 * The renderer's contract client. Requests return a Result (never throw). Streams keep state:
 * a snapshot replaces it, each delta is folded in with the contract's own `reduce`, and a delta
 * whose seq is not exactly last+1 means something was missed, so the client resubscribes for a
 * fresh snapshot. Every open stream is resubscribed whenever the port (re)opens.
 */
import {
  streams,
  type ClientMessage,
  type RequestInput,
  type RequestName,
  type RequestOutput,
  type ServerMessage,
  type StreamName,
  type StreamParams,
  type StreamSnapshot,
  type StreamDef,
} from '../../src-shared/contract';
import { appError, err, type AppError, type Result } from '../../src-shared/result';
import type { PortStatus, WirePort } from './port';

export type StreamStatus = 'connecting' | 'live' | 'closed';

export interface StreamState<S> {
  readonly data: S | undefined;
  readonly status: StreamStatus;
  readonly error: AppError | undefined;
  /** How many times this stream re-snapshotted after a detected miss. */
  readonly resyncs: number;
}

interface PendingCall {
  readonly message: Extract<ClientMessage, { t: 'call' }>;
  readonly resolve: (result: Result<unknown>) => void;
  sent: boolean;
  readonly timer: ReturnType<typeof setTimeout>;
}

interface OpenStream {
  readonly name: StreamName;
  readonly params: unknown;
  readonly listener: (state: StreamState<unknown>) => void;
  wireId: number;
  lastSeq: number;
  state: StreamState<unknown>;
}

export interface ClientOptions {
  readonly callTimeoutMs?: number;
}

export class ContractClient {
  private nextId = 1;
  private readonly calls = new Map<number, PendingCall>();
  private readonly streams = new Map<number, OpenStream>();
  /** wire id -> stream handle id; wire ids change on every resubscribe. */
  private readonly byWireId = new Map<number, number>();
  private readonly callTimeoutMs: number;

  constructor(
    private readonly port: WirePort,
    options: ClientOptions = {},
  ) {
    this.callTimeoutMs = options.callTimeoutMs ?? 15_000;
    port.onMessage((message) => this.onMessage(message));
    port.onStatus((status) => this.handlePortStatus(status));
  }

  get transport(): WirePort['kind'] {
    return this.port.kind;
  }

  get portStatus(): PortStatus {
    return this.port.status;
  }

  onPortStatus(listener: (status: PortStatus) => void): () => void {
    return this.port.onStatus(listener);
  }

  private handlePortStatus(status: PortStatus): void {
    if (status === 'open') {
      for (const call of this.calls.values()) if (!call.sent) call.sent = this.port.post(call.message);
      for (const handle of this.streams.keys()) this.resubscribe(handle, false);
      return;
    }
    // Calls already sent may or may not have run; report them, never silently retry them.
    for (const [id, call] of this.calls) {
      if (!call.sent) continue;
      this.settle(id, err(appError('UNAVAILABLE', 'connection lost before the reply arrived')));
    }
    for (const stream of this.streams.values()) {
      this.update(stream, { ...stream.state, status: 'connecting' });
    }
  }

  call<N extends RequestName>(name: N, input: RequestInput<N>): Promise<Result<RequestOutput<N>>> {
    const id = this.nextId++;
    const message = { t: 'call', id, name, input } as const;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.settle(id, err(appError('TIMEOUT', `${name} got no reply in ${this.callTimeoutMs} ms`)));
      }, this.callTimeoutMs);
      const pending: PendingCall = {
        message,
        resolve: resolve as (result: Result<unknown>) => void,
        sent: false,
        timer,
      };
      this.calls.set(id, pending);
      pending.sent = this.port.post(message);
    });
  }

  subscribe<N extends StreamName>(
    name: N,
    params: StreamParams<N>,
    listener: (state: StreamState<StreamSnapshot<N>>) => void,
  ): () => void {
    const handle = this.nextId++;
    const stream: OpenStream = {
      name,
      params,
      listener: listener as (state: StreamState<unknown>) => void,
      wireId: handle,
      lastSeq: 0,
      state: { data: undefined, status: 'connecting', error: undefined, resyncs: 0 },
    };
    this.streams.set(handle, stream);
    this.byWireId.set(handle, handle);
    this.port.post({ t: 'sub', id: handle, name, params });
    return () => {
      const open = this.streams.get(handle);
      if (!open) return;
      this.streams.delete(handle);
      this.byWireId.delete(open.wireId);
      this.port.post({ t: 'unsub', id: open.wireId });
    };
  }

  private onMessage(message: ServerMessage): void {
    if (message.t === 'reply') {
      this.settle(message.id, message.result as Result<unknown>);
      return;
    }
    const handle = this.byWireId.get(message.id);
    const stream = handle === undefined ? undefined : this.streams.get(handle);
    if (!stream || handle === undefined) return;
    const event = message.event;
    if (event.kind === 'closed') {
      this.update(stream, { ...stream.state, status: 'closed', error: event.error });
      return;
    }
    if (event.kind === 'snapshot') {
      stream.lastSeq = event.seq;
      this.update(stream, { ...stream.state, data: event.data, status: 'live', error: undefined });
      return;
    }
    if (event.seq !== stream.lastSeq + 1 || stream.state.data === undefined) {
      this.resubscribe(handle, true);
      return;
    }
    stream.lastSeq = event.seq;
    const def = streams[stream.name] as unknown as StreamDef;
    this.update(stream, { ...stream.state, data: def.reduce(stream.state.data, event.data) });
  }

  private resubscribe(handle: number, afterMiss: boolean): void {
    const stream = this.streams.get(handle);
    if (!stream) return;
    this.byWireId.delete(stream.wireId);
    if (afterMiss) this.port.post({ t: 'unsub', id: stream.wireId });
    stream.wireId = this.nextId++;
    stream.lastSeq = 0;
    this.byWireId.set(stream.wireId, handle);
    const resyncs = stream.state.resyncs + (afterMiss ? 1 : 0);
    this.update(stream, { ...stream.state, status: 'connecting', resyncs });
    this.port.post({ t: 'sub', id: stream.wireId, name: stream.name, params: stream.params });
  }

  private update(stream: OpenStream, state: StreamState<unknown>): void {
    stream.state = state;
    stream.listener(state);
  }

  private settle(id: number, result: Result<unknown>): void {
    const pending = this.calls.get(id);
    if (!pending) return;
    this.calls.delete(id);
    clearTimeout(pending.timer);
    pending.resolve(result);
  }
}
