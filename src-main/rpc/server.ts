/**
 * Transport-neutral dispatcher for the contract. Both the Electron IPC binding and the headless
 * WebSocket host hand it raw, untrusted input; it validates by the contract's schemas, calls the
 * implementation, checks what the implementation returns against the output schemas (a mismatch
 * is our bug: it is logged and reported as INTERNAL, never sent), and never throws.
 */
import {
  isRequestName,
  isStreamName,
  parseWith,
  requests,
  streams,
  type StreamEvent,
  type WireResult,
} from '../../src-shared/contract';
import { appError, type AppError } from '../../src-shared/result';
import type { Logger } from '../core/ports';
import type {
  CallContext,
  ContractImplementation,
  RequestHandler,
  StreamOpener,
  StreamSource,
} from './handlers';
import { Subscription, type EventSink } from './subscription';

export interface ContractServerOptions {
  /** Check stream deltas against their schema too (snapshots and replies are always checked). */
  readonly validateDeltas: boolean;
}

export class ContractServer {
  constructor(
    private readonly impl: ContractImplementation,
    private readonly log: Logger,
    private readonly options: ContractServerOptions = { validateDeltas: true },
  ) {}

  async call(name: string, rawInput: unknown, ctx: CallContext): Promise<WireResult> {
    if (!isRequestName(name)) {
      return { ok: false, error: appError('UNKNOWN_METHOD', `no request named "${name}"`) };
    }
    const def = requests[name];
    const input = parseWith(def.input, rawInput, `${name} input`);
    if (!input.ok) return input;
    try {
      const handler = this.impl.requests[name] as RequestHandler<typeof name>;
      const result = await handler(input.value as never, ctx);
      if (!result.ok) return result;
      const checked = def.output.safeParse(result.value);
      if (!checked.success) {
        this.log.error('contract output mismatch', { name, issues: checked.error.issues.slice(0, 3) });
        return { ok: false, error: appError('INTERNAL', `${name} produced an invalid reply`) };
      }
      return { ok: true, value: result.value };
    } catch (cause) {
      this.log.error('request handler threw', { name, cause: String(cause) });
      return { ok: false, error: appError('INTERNAL', `${name} failed`) };
    }
  }

  /** Opens a stream; on failure the sink gets one `closed` event and null is returned. */
  open(
    name: string,
    rawParams: unknown,
    ctx: CallContext,
    sink: EventSink,
    onClosed: () => void = () => {},
  ): Subscription | null {
    const fail = (error: AppError): null => {
      sink.send({ kind: 'closed', error });
      return null;
    };
    if (!isStreamName(name)) return fail(appError('UNKNOWN_STREAM', `no stream named "${name}"`));
    const def = streams[name];
    const params = parseWith(def.params, rawParams, `${name} params`);
    if (!params.ok) return fail(params.error);

    const subscription = new Subscription(sink, (kind, data) => this.checkEvent(name, kind, data), onClosed);
    let source: StreamSource<unknown>;
    try {
      const opener = this.impl.streams[name] as StreamOpener<typeof name>;
      const opened = opener(params.value as never, (delta) => subscription.delta(delta), ctx);
      if (!opened.ok) return fail(opened.error);
      source = opened.value;
    } catch (cause) {
      this.log.error('stream opener threw', { name, cause: String(cause) });
      return fail(appError('INTERNAL', `${name} could not be opened`));
    }
    subscription.start(source);
    return subscription;
  }

  private checkEvent(name: keyof typeof streams, kind: 'snapshot' | 'delta', data: unknown): boolean {
    if (kind === 'delta' && !this.options.validateDeltas) return true;
    const schema = kind === 'snapshot' ? streams[name].snapshot : streams[name].delta;
    const checked = schema.safeParse(data);
    if (checked.success) return true;
    this.log.error('contract stream mismatch', { name, kind, issues: checked.error.issues.slice(0, 3) });
    return false;
  }
}

export type { StreamEvent };
