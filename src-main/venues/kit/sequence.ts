/**
 * Sequence rules: how a venue's ids say whether a depth delta continues the book, repeats what it
 * already has, or proves something was missed. Each rule set is pure and stateless; BookSync
 * holds the last applied message. See protocols.md for the venue rules quoted below.
 */
import type { DepthMessage } from './types';

/** `stale`: already reflected (duplicate or older), drop it. `gap`: something was missed. */
export type Continuity = 'apply' | 'stale' | 'gap';

export interface SequenceRules {
  readonly name: string;
  /** Classify a delta following the last applied message (snapshot or delta). */
  next(last: DepthMessage, delta: DepthMessage): Continuity;
  /**
   * REST-snapshot venues: classify a delta while the book waits for the first one after a
   * snapshot whose id is `snapshotId`. 'gap' here means the snapshot is older than the stream
   * (refetch the snapshot), not that the stream lost data.
   */
  first?(snapshotId: number, delta: DepthMessage): Continuity;
  /** A delta that is really a fresh start (Bybit `u == 1`): load it as a snapshot. */
  isReset?(delta: DepthMessage): boolean;
  /**
   * Snapshot-only feeds: snapshots are ordered by `next` too, so an older push arriving late is
   * dropped instead of replacing a newer book.
   */
  readonly orderedSnapshots?: boolean;
}

const num = (v: number | undefined): number => v ?? Number.NaN;

/**
 * Binance spot: drop u <= id; U > id + 1 is a gap; the first event after the snapshot satisfies
 * U <= lastUpdateId + 1 <= u. In normal operation next.U == prev.u + 1.
 */
export const binanceSpotRules: SequenceRules = {
  name: 'binance-spot U/u',
  next(last, d) {
    const id = num(last.last);
    if (num(d.last) <= id) return 'stale';
    return num(d.first) > id + 1 ? 'gap' : 'apply';
  },
  first(snapshotId, d) {
    if (num(d.last) <= snapshotId) return 'stale';
    return num(d.first) <= snapshotId + 1 ? 'apply' : 'gap';
  },
};

/**
 * Binance USD-M (and Aster): drop u < lastUpdateId; the first event has U <= id <= u (or its pu
 * equals the snapshot id); afterwards each pu must equal the previous u. Ids are not contiguous,
 * so U is never compared with prev.u + 1.
 */
export const binanceFuturesRules: SequenceRules = {
  name: 'binance-futures pu',
  next(last, d) {
    if (num(d.last) <= num(last.last)) return 'stale';
    return d.prev === last.last ? 'apply' : 'gap';
  },
  first(snapshotId, d) {
    if (num(d.last) < snapshotId) return 'stale';
    if (num(d.first) <= snapshotId && snapshotId <= num(d.last)) return 'apply';
    return d.prev === snapshotId ? 'apply' : 'gap';
  },
};

/**
 * OKX v5 books: prevSeqId must equal the previous seqId. Never require seqId > prevSeqId: after
 * maintenance the sequence resets (seqId < prevSeqId) while the link still holds, and idle
 * keepalives carry seqId == prevSeqId. Frames without seqId (pre-2022 captures) rely on the
 * checksum alone.
 */
export const okxRules: SequenceRules = {
  name: 'okx seqId/prevSeqId',
  next(last, d) {
    if (d.prev === undefined || last.last === undefined) return 'apply';
    if (d.prev === last.last) return 'apply';
    if (d.last === last.last) return 'stale';
    return 'gap';
  },
};

/**
 * Bybit v5: any snapshot, or a delta with u == 1 (service restart), replaces the book. The docs
 * give no explicit continuity rule; treating a jump in u as a gap and resubscribing is our
 * (conservative) client policy.
 */
export const bybitRules: SequenceRules = {
  name: 'bybit u',
  next(last, d) {
    const id = num(last.last);
    if (num(d.last) <= id) return 'stale';
    return num(d.last) === id + 1 ? 'apply' : 'gap';
  },
  isReset: (d) => d.last === 1,
};

/** Lighter: begin_nonce must equal the previous nonce; offsets are not contiguous and ignored. */
export const lighterRules: SequenceRules = {
  name: 'lighter nonce',
  next(last, d) {
    if (d.prev === last.last) return 'apply';
    if (num(d.last) <= num(last.last)) return 'stale';
    return 'gap';
  },
};

/** Snapshot-only feeds (Hyperliquid l2Book): nothing to chain; an older push is dropped. */
export const snapshotOnlyRules: SequenceRules = {
  name: 'snapshots by time',
  orderedSnapshots: true,
  next(last, d) {
    return (d.venueTime ?? 0) < (last.venueTime ?? 0) ? 'stale' : 'apply';
  },
};

/**
 * Venues whose continuity is a per-connection counter rather than per book (Coinbase): the
 * connector checks the counter for every frame, so within a book every delta simply follows.
 */
export const connectionSequencedRules: SequenceRules = {
  name: 'connection sequence_num',
  next: () => 'apply',
};
