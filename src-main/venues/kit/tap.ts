/**
 * Recording hooks of a connector: what it received, exactly as received, with the receipt time.
 * A tap sees every socket message (before parsing), every socket opening and closing, every REST
 * answer (status and body text) and every symbol it starts or stops watching (with the instrument,
 * so a replay knows the grid without asking the venue). `active` is checked first, so a connector
 * that is not being recorded does no work for it. The stream names are the raw-frame kinds of the
 * market database (see `FRAME` below); a replay reads them back in the same order.
 */
import type { SocketHandlers } from './socket';
import type { Instrument } from './types';

export interface FrameTap {
  /** False while nothing is recorded: callers skip describing the frame. */
  readonly active: boolean;
  frame(venue: string, stream: string, payload: string, at: number): void;
}

/** Raw-frame stream names. Sockets are numbered: 0 the primary, 1 the secondary (Binance USD-M). */
export const FRAME = {
  message: (socket: number) => `ws:${socket}`,
  open: (socket: number) => `open:${socket}`,
  close: (socket: number) => `close:${socket}`,
  rest: (request: string) => `rest ${request}`,
  watch: 'watch',
  unwatch: 'unwatch',
} as const;

/** A REST answer as recorded: status 0 means the request failed before any answer (timeout, network). */
export interface RecordedAnswer {
  readonly status: number;
  readonly body: string;
  /** Retry-After header of a 429/418. */
  readonly retryAfter?: string;
}

/** A watched instrument as recorded (the grid is rebuilt from the sizes). */
export interface RecordedInstrument {
  readonly symbol: string;
  readonly base: string;
  readonly quote: string;
  readonly tickSize: string;
  readonly lotSize: string;
  /** The grid's steps as the connector built them (they may be written differently from the sizes). */
  readonly gridTick: string;
  readonly gridLot: string;
  readonly ref?: string;
}

export function recordedInstrument(i: Instrument): RecordedInstrument {
  return {
    symbol: i.symbol,
    base: i.base,
    quote: i.quote,
    tickSize: i.tickSize,
    lotSize: i.lotSize,
    gridTick: i.grid.price.step,
    gridLot: i.grid.size.step,
    ...(i.ref === undefined ? {} : { ref: i.ref }),
  };
}

/** Socket handlers that record each event (opening, message, closing) before handling it. */
export function tapHandlers(
  handlers: SocketHandlers,
  index: number,
  record: (stream: string, payload: string, at: number) => void,
  now: () => number,
): SocketHandlers {
  return {
    onOpen: () => {
      record(FRAME.open(index), '', now());
      handlers.onOpen();
    },
    onMessage: (text, at) => {
      record(FRAME.message(index), text, at);
      handlers.onMessage(text, at);
    },
    onClose: (info) => {
      record(FRAME.close(index), JSON.stringify(info), now());
      handlers.onClose(info);
    },
  };
}
