/**
 * Venue book checksums, computed from the level strings exactly as the venue sent them.
 * OKX (legacy; the live field is 0 since 2026-06-23): top 25 bids and asks interleaved as
 * `bid:size:ask:size:...`, the longer side's remainder appended alone, CRC-32 as signed int32.
 */
import { crc32Signed } from './crc32';
import type { L2Book } from './l2-book';

export const OKX_CHECKSUM_DEPTH = 25;

export function okxChecksumString(book: L2Book, depth = OKX_CHECKSUM_DEPTH): string {
  const bids = book.bids.top(depth);
  const asks = book.asks.top(depth);
  const parts: string[] = [];
  for (let i = 0; i < Math.max(bids.length, asks.length); i++) {
    const bid = bids[i];
    const ask = asks[i];
    if (bid) parts.push(bid.price, bid.size);
    if (ask) parts.push(ask.price, ask.size);
  }
  return parts.join(':');
}

export function okxChecksum(book: L2Book, depth = OKX_CHECKSUM_DEPTH): number {
  return crc32Signed(okxChecksumString(book, depth));
}
