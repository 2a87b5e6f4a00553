/**
 * A hash map from integer ticks to values, for the book's update path: open addressing with
 * linear probing over a Float64Array of keys, removal by backward shift (no tombstones, so probe
 * chains never degrade however many levels come and go). Cheaper than a Map for this one job: no
 * entry objects, no ordered chain, a multiplicative hash of the tick's two 32-bit halves.
 *
 * Invariants: `values[i] === undefined` marks an empty slot; every stored key is reachable from its
 * home slot without crossing an empty one; the table is a power of two, at most half full.
 * Keys are safe integers (ticks); values are never undefined.
 */
const INITIAL_SLOTS = 64;

export class TickMap<V> {
  private keys = new Float64Array(INITIAL_SLOTS);
  private values: Array<V | undefined> = new Array<V | undefined>(INITIAL_SLOTS).fill(undefined);
  private mask = INITIAL_SLOTS - 1;
  private count = 0;

  get size(): number {
    return this.count;
  }

  get(key: number): V | undefined {
    const keys = this.keys;
    const values = this.values;
    for (let i = this.home(key); ; i = (i + 1) & this.mask) {
      const value = values[i];
      if (value === undefined || keys[i] === key) return value;
    }
  }

  /** Sets `key` to `value`; true when the key is new. */
  set(key: number, value: V): boolean {
    const keys = this.keys;
    const values = this.values;
    let i = this.home(key);
    for (; values[i] !== undefined; i = (i + 1) & this.mask) {
      if (keys[i] === key) {
        values[i] = value;
        return false;
      }
    }
    keys[i] = key;
    values[i] = value;
    this.count += 1;
    if (this.count * 2 > this.values.length) this.grow();
    return true;
  }

  /** Removes `key`; false when it was not there. */
  delete(key: number): boolean {
    const keys = this.keys;
    const values = this.values;
    const mask = this.mask;
    let i = this.home(key);
    for (;;) {
      if (values[i] === undefined) return false;
      if (keys[i] === key) break;
      i = (i + 1) & mask;
    }
    // Backward shift: pull later entries of the chain into the hole unless their home lies
    // cyclically after the hole (then they are already reachable).
    for (let j = (i + 1) & mask; values[j] !== undefined; j = (j + 1) & mask) {
      const home = this.home(keys[j]!);
      const stays = i <= j ? i < home && home <= j : i < home || home <= j;
      if (stays) continue;
      keys[i] = keys[j]!;
      values[i] = values[j];
      i = j;
    }
    values[i] = undefined;
    this.count -= 1;
    return true;
  }

  clear(): void {
    this.values.fill(undefined);
    this.count = 0;
  }

  /** Every key, in table order. */
  *keysInTable(): IterableIterator<number> {
    for (let i = 0; i < this.values.length; i++) if (this.values[i] !== undefined) yield this.keys[i]!;
  }

  private home(key: number): number {
    // The low and high 32 bits of a safe integer, mixed (Fibonacci hashing), folded to the table.
    const mixed = Math.imul((key | 0) ^ Math.imul((key / 4_294_967_296) | 0, 0x85eb_ca6b), 0x9e37_79b1);
    return (mixed ^ (mixed >>> 15)) & this.mask;
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldValues = this.values;
    const slots = oldValues.length * 2;
    this.keys = new Float64Array(slots);
    this.values = new Array<V | undefined>(slots).fill(undefined);
    this.mask = slots - 1;
    this.count = 0;
    for (let i = 0; i < oldValues.length; i++) {
      const value = oldValues[i];
      if (value !== undefined) this.set(oldKeys[i]!, value);
    }
  }
}
