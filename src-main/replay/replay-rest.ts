/**
 * REST answers from a recording. A request made during the replay waits for the next recorded
 * answer to the same request (`METHOD /path?query`) that comes after the moment it was made, and
 * gets it when the replay reaches that answer, so it lands between the same frames as it did live.
 * A recorded answer nobody asked for (a request made before the recording started) is skipped;
 * a request never answered in the recording fails when the replay is closed.
 *
 * The answer is a minimal Response (status, Retry-After header, body text) whose body resolves in
 * a microtask, so the connector's continuation runs before the replay moves on.
 */
import type { RecordedAnswer } from '../venues/kit';

interface Waiter {
  readonly request: string;
  readonly resolve: (response: Response) => void;
  readonly reject: (error: Error) => void;
}

export const REPLAY_REST_BASE = 'http://replay.invalid';

export class ReplayRest {
  private waiters: Waiter[] = [];
  private closed = false;

  /** The `fetch` a replayed connector is built with. */
  readonly fetch = ((input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const path = url.startsWith(REPLAY_REST_BASE) ? url.slice(REPLAY_REST_BASE.length) : url;
    const request = `${init?.method ?? 'GET'} ${path}`;
    if (this.closed) return Promise.reject(new Error('the replay is closed'));
    return new Promise<Response>((resolve, reject) => this.waiters.push({ request, resolve, reject }));
  }) as typeof fetch;

  /** Requests waiting for an answer. */
  get waiting(): number {
    return this.waiters.length;
  }

  /** The recorded answer to `request` arrived; true when a replayed request was waiting for it. */
  answer(request: string, payload: string): boolean {
    const at = this.waiters.findIndex((w) => w.request === request);
    if (at < 0) return false;
    const [waiter] = this.waiters.splice(at, 1);
    const answer = parseAnswer(payload);
    if (answer.status === 0) {
      const error = new Error(answer.body);
      error.name = answer.body === 'timeout' ? 'TimeoutError' : 'Error';
      waiter!.reject(error);
    } else waiter!.resolve(responseOf(answer));
    return true;
  }

  close(): void {
    this.closed = true;
    for (const waiter of this.waiters.splice(0)) waiter.reject(new Error('the replay is closed'));
  }
}

function parseAnswer(payload: string): RecordedAnswer {
  try {
    const value = JSON.parse(payload) as Partial<RecordedAnswer>;
    return {
      status: typeof value.status === 'number' ? value.status : 0,
      body: typeof value.body === 'string' ? value.body : '',
      ...(typeof value.retryAfter === 'string' ? { retryAfter: value.retryAfter } : {}),
    };
  } catch {
    return { status: 0, body: 'unreadable recorded answer' };
  }
}

function responseOf(answer: RecordedAnswer): Response {
  const headers = new Map<string, string>();
  if (answer.retryAfter !== undefined) headers.set('retry-after', answer.retryAfter);
  const response = {
    status: answer.status,
    ok: answer.status >= 200 && answer.status < 300,
    headers: { get: (name: string) => headers.get(name.toLowerCase()) ?? null },
    body: null,
    text: () => Promise.resolve(answer.body),
  };
  return response as unknown as Response;
}
