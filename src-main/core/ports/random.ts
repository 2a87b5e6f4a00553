/**
 * Randomness as an injected port: the core and the simulated venue never call Math.random, so one
 * seed reproduces a whole session and tests control every draw. Implementations must be
 * deterministic for a given seed and expose their state so a restarted session continues the same
 * sequence (see src-main/sim/random.ts).
 */
export interface Random {
  /** Uniform in [0, 1), 53 bits. */
  next(): number;
  /** Uniform integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** The generator's state as plain numbers, to restore with the implementation's `fromState`. */
  state(): readonly number[];
}

/** True with probability `p` (clamped to [0, 1]). */
export function chance(random: Random, p: number): boolean {
  return random.next() < p;
}

/** A standard normal draw (Box-Muller; one draw per call, the twin is discarded for simplicity). */
export function gaussian(random: Random): number {
  // 1 - next() is in (0, 1], so the logarithm is finite.
  const u = 1 - random.next();
  const v = random.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** One element of a non-empty list. */
export function pick<T>(random: Random, items: readonly T[]): T {
  if (items.length === 0) throw new RangeError('pick from an empty list');
  return items[random.int(0, items.length - 1)]!;
}
