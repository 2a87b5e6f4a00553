/**
 * Vocabulary of the L2 book core. Prices and sizes arrive as the venue's decimal strings and live
 * inside the book as integer ticks and lots on the instrument's grid; the raw strings are kept
 * beside them because checksums (OKX) are defined over the strings exactly as received.
 */
import type { GridError } from '../num';

export type BookSide = 'bid' | 'ask';

/** One level as a venue sent it: absolute size; a zero size deletes the level. */
export interface RawLevel {
  readonly price: string;
  readonly size: string;
  /** Number of orders at the level, when the venue reports it. */
  readonly count?: number;
}

/** One level inside the book. `ticks` and `lots` are the truth; `price`/`size` are as received. */
export interface BookLevel {
  readonly ticks: number;
  readonly lots: number;
  readonly price: string;
  readonly size: string;
  readonly count: number | undefined;
}

/** Typed integrity errors. Any of them means the book no longer mirrors the venue's. */
export type BookError =
  | {
      readonly kind: 'bad-level';
      readonly side: BookSide;
      readonly price: string;
      readonly size: string;
      readonly reason: GridError;
    }
  | { readonly kind: 'crossed'; readonly bestBid: string; readonly bestAsk: string }
  | { readonly kind: 'checksum'; readonly expected: number; readonly actual: number }
  | { readonly kind: 'poisoned' };

export type BookResult = { readonly ok: true } | { readonly ok: false; readonly error: BookError };

export const BOOK_OK: BookResult = Object.freeze({ ok: true });

export function describeBookError(error: BookError): string {
  switch (error.kind) {
    case 'bad-level':
      return `${error.side} level ${error.price} x ${error.size}: ${error.reason}`;
    case 'crossed':
      return `crossed book: best bid ${error.bestBid} >= best ask ${error.bestAsk}`;
    case 'checksum':
      return `checksum mismatch: venue ${error.expected}, local ${error.actual}`;
    case 'poisoned':
      return 'book is invalid until the next snapshot';
  }
}
