/**
 * Aggregated L2 views, like Hyperliquid's `to_l2_snapshot` / `build_l2_level`: adjacent levels are
 * merged into price buckets, summing sizes and order counts. Buckets are either a number of
 * significant figures (bucket = mantissa x 10^(digits - nSigFigs), so it widens with the price's
 * magnitude) or a whole multiple of the tick. Bids round down and asks round up, so a grouped bid
 * is never better than the levels inside it. Pure: prices are scaled integers at the tick's
 * decimals, never floats. Invariants: total size is conserved (before truncation); output prices
 * are strictly monotone (bids descending, asks ascending); grouping at full precision is the
 * identity.
 */
import type { DecimalString } from '../../../src-shared/domain';
import { fromScaled, pow10, type Grid } from '../num';
import type { BookSide } from './types';

export type Grouping =
  | { readonly kind: 'sigfigs'; readonly nSigFigs: 2 | 3 | 4 | 5; readonly mantissa?: 1 | 2 | 5 | undefined }
  | { readonly kind: 'ticks'; readonly multiple: number };

export interface LevelInput {
  readonly ticks: number;
  readonly lots: number;
  readonly count: number | undefined;
}

export interface GroupedLevel {
  readonly price: DecimalString;
  readonly size: DecimalString;
  /** Bucket price in units of 10^-(tick decimals). */
  readonly scaled: bigint;
  readonly lots: number;
  readonly count: number | undefined;
}

/**
 * Groups levels given best first. Stops after `maxLevels` complete buckets, reading only as many
 * input levels as that needs (the next level proves the last bucket is complete).
 */
export function groupLevels(
  side: BookSide,
  levels: Iterable<LevelInput>,
  grid: Grid,
  grouping: Grouping,
  maxLevels = Infinity,
): GroupedLevel[] {
  const decimals = grid.price.decimals;
  const tickUnits = grid.price.units;
  const out: GroupedLevel[] = [];
  let bucket: bigint | null = null;
  let lots = 0;
  let count: number | undefined = 0;
  const flush = () => {
    if (bucket === null) return;
    out.push({
      price: fromScaled(bucket, decimals),
      size: grid.lotsToSize(lots),
      scaled: bucket,
      lots,
      count,
    });
  };
  for (const level of levels) {
    const scaled = BigInt(level.ticks) * tickUnits;
    const width = bucketWidth(scaled, decimals, tickUnits, grouping);
    const key = side === 'bid' ? floorTo(scaled, width) : ceilTo(scaled, width);
    if (key !== bucket) {
      flush();
      if (out.length >= maxLevels) return out;
      bucket = key;
      lots = 0;
      count = 0;
    }
    lots += level.lots;
    count = count === undefined || level.count === undefined ? undefined : count + level.count;
  }
  if (out.length < maxLevels) flush();
  return out;
}

/** Bucket width in scaled units for a price (scaled at `decimals`). */
export function bucketWidth(scaled: bigint, decimals: number, tickUnits: bigint, grouping: Grouping): bigint {
  if (grouping.kind === 'ticks') return BigInt(Math.max(1, Math.floor(grouping.multiple))) * tickUnits;
  const integerDigits = scaled.toString().length - decimals;
  const exponent = integerDigits - grouping.nSigFigs + decimals;
  // Finer than the price scale: every price is already a multiple of the bucket.
  if (exponent < 0) return 1n;
  return BigInt(grouping.mantissa ?? 1) * pow10(exponent);
}

function floorTo(value: bigint, width: bigint): bigint {
  return (value / width) * width;
}

function ceilTo(value: bigint, width: bigint): bigint {
  const q = value / width;
  return (value % width === 0n ? q : q + 1n) * width;
}
