/**
 * A short fingerprint of what a book shows: its status and every level (ticks and lots, both sides,
 * best first). Two books with the same fingerprint show the same thing; used to prove a replay
 * rebuilds exactly the books the live venue had.
 */
import { createHash } from 'node:crypto';
import type { BookState } from '../venues/kit';

export function bookHash(state: BookState | null): string {
  const hash = createHash('sha256');
  if (state === null) return 'none';
  hash.update(state.status);
  const reader = state.reader;
  if (reader) {
    for (const side of [reader.bids, reader.asks]) {
      hash.update('|');
      for (const level of side.bestFirst()) hash.update(`${level.ticks}:${level.lots},`);
    }
  }
  return hash.digest('hex').slice(0, 16);
}
