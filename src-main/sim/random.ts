/**
 * The seeded generator behind the Random port: pure-rand's xoroshiro128+ (fast, 128-bit state,
 * well tested), driven through its uniform distributions so draws are unbiased. Same seed, same
 * sequence, on every platform; `state()` / `fromState` let a restarted simulation continue where
 * its last checkpoint left off.
 */
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus, xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import type { Random } from '../core/ports';

export class SeededRandom implements Random {
  private constructor(private rng: RandomGenerator) {}

  /** `seed` is any safe integer; only its low 32 bits matter to the generator. */
  static fromSeed(seed: number): SeededRandom {
    return new SeededRandom(xoroshiro128plus(seed | 0));
  }

  static fromState(state: readonly number[]): SeededRandom {
    return new SeededRandom(xoroshiro128plusFromState(state));
  }

  next(): number {
    return uniformFloat64(this.rng);
  }

  int(min: number, max: number): number {
    return uniformInt(this.rng, min, max);
  }

  /** Continues from a saved state (a restarted session). */
  restore(state: readonly number[]): void {
    this.rng = xoroshiro128plusFromState(state);
  }

  state(): readonly number[] {
    return [...this.rng.getState()];
  }
}
