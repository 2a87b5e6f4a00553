/**
 * A venue's REST client: JSON over fetch with a timeout, and rate-limit discipline. A 429 (or
 * Binance's 418 ban) with Retry-After blocks every further request to that venue until the time
 * has passed; while blocked, calls fail at once with RATE_LIMITED and nothing is sent, so we never
 * keep hammering a venue that asked us to stop.
 */
import { appError, err, ok, type Result } from '../../../src-shared/result';
import type { Clock, Logger } from '../../core/ports';
import type { RecordedAnswer } from './tap';

export interface RestResponse {
  readonly body: unknown;
  readonly latencyMs: number;
}

export interface RestOptions {
  readonly baseUrl: () => string;
  readonly clock: Clock;
  readonly log: Logger;
  readonly timeoutMs?: number;
  /** Used when a 429 carries no Retry-After. */
  readonly defaultRetryAfterMs?: number;
  readonly fetch?: typeof fetch;
  /** Hears every answer (recording): the request as `METHOD /path?query`, status and body text. */
  readonly onAnswer?: (request: string, answer: RecordedAnswer, at: number) => void;
}

export class RestClient {
  private blockedUntil = 0;
  private requestCount = 0;

  constructor(private readonly options: RestOptions) {}

  /** Milliseconds until requests are allowed again (0 when not blocked). */
  blockedForMs(): number {
    return Math.max(0, this.blockedUntil - this.options.clock.now());
  }

  /** Requests actually sent (blocked calls are not counted). */
  get sent(): number {
    return this.requestCount;
  }

  get(path: string, query: Record<string, string | number> = {}): Promise<Result<RestResponse>> {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) params.set(k, String(v));
    const qs = params.toString();
    return this.request('GET', qs ? `${path}?${qs}` : path, undefined);
  }

  post(path: string, body: unknown): Promise<Result<RestResponse>> {
    return this.request('POST', path, JSON.stringify(body));
  }

  private async request(
    method: string,
    path: string,
    body: string | undefined,
  ): Promise<Result<RestResponse>> {
    const wait = this.blockedForMs();
    if (wait > 0) return err(appError('RATE_LIMITED', `venue asked us to wait ${wait} ms more`));
    const url = this.options.baseUrl().replace(/\/+$/, '') + path;
    const started = this.options.clock.monotonic();
    this.requestCount += 1;
    let response: Response;
    try {
      const init: RequestInit = {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
      };
      if (body !== undefined) init.body = body;
      response = await (this.options.fetch ?? fetch)(url, init);
    } catch (cause) {
      const name = cause instanceof Error ? cause.name : '';
      const timedOut = name === 'TimeoutError' || name === 'AbortError';
      this.heard(method, path, { status: 0, body: timedOut ? 'timeout' : String(cause) });
      if (timedOut) return err(appError('TIMEOUT', `${method} ${path} timed out`));
      return err(appError('UNAVAILABLE', `${method} ${path} failed: ${String(cause)}`));
    }
    const latencyMs = Math.round(this.options.clock.monotonic() - started);
    if (response.status === 429 || response.status === 418) {
      const header = response.headers.get('retry-after');
      this.heard(method, path, {
        status: response.status,
        body: '',
        ...(header ? { retryAfter: header } : {}),
      });
      const retryMs = retryAfterMs(header, this.options.clock.now());
      const waitMs = retryMs ?? this.options.defaultRetryAfterMs ?? 60_000;
      this.blockedUntil = Math.max(this.blockedUntil, this.options.clock.now() + waitMs);
      await response.body?.cancel();
      this.options.log.warn('venue rate limit hit', { status: response.status, path, waitMs });
      return err(appError('RATE_LIMITED', `HTTP ${response.status} on ${path}; retry after ${waitMs} ms`));
    }
    let text: string;
    try {
      text = await response.text();
    } catch (cause) {
      this.heard(method, path, { status: 0, body: `body unreadable: ${String(cause)}` });
      return err(appError('UNAVAILABLE', `${method} ${path}: body unreadable: ${String(cause)}`));
    }
    this.heard(method, path, { status: response.status, body: text });
    if (!response.ok) {
      return err(appError('UNAVAILABLE', `HTTP ${response.status} on ${path}: ${text.slice(0, 200)}`));
    }
    try {
      return ok({ body: JSON.parse(text) as unknown, latencyMs });
    } catch {
      return err(appError('UNAVAILABLE', `${path} returned invalid JSON`));
    }
  }

  private heard(method: string, path: string, answer: RecordedAnswer): void {
    this.options.onAnswer?.(`${method} ${path}`, answer, this.options.clock.now());
  }
}

/** Retry-After is either delta-seconds or an HTTP date. */
export function retryAfterMs(header: string | null, nowMs: number): number | null {
  if (!header) return null;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, date - nowMs);
}
