/**
 * stateHash: a 128-bit digest (32 hex digits) of the engine's complete state, for determinism checks,
 * differential tests and crash-recovery verification (the engine rebuilt from a command log must hash
 * the same). Not cryptographic; collisions only need to be unlikely, not hard to construct.
 *
 * Canonical order (any independent implementation that writes the same sequence gets the same hash):
 *   "depthline.engine.v1", default STP mode, trackPositions, nextOrderId, nextTradeId;
 *   assets: count, then per asset id, decimals, supply;
 *   instruments: count, then per instrument id, base, quote, tick size, lot size, min qty (lots),
 *     min notional (units), maker fee, taker fee;
 *   accounts (fee account 0 first): count, then per account id, label, stp, then per asset free and
 *     locked, then per instrument with a position: index, qty, basis, realised, fees, volume; then -1;
 *   books: per instrument, bids then asks: level count, then best to worst per level price, total,
 *     order count, then per order in queue order: id, account, side, type, tif, price, qty, filled,
 *     leaves, locked, ts, client order id ("" when none, preceded by a 0/1 presence flag).
 *
 * StateHasher is a MurmurHash3 x86_128-style mixer over 32-bit words; numbers are fed as their
 * little-endian IEEE-754 bytes (so every safe integer and any ts is exact), strings as length plus
 * UTF-16 code units, bigints as their decimal text.
 */
import type { Level } from './model';
import type { PriceLadder } from './price-ladder';
import type { EngineState } from './state';

const C1 = 0x239b961b;
const C2 = 0xab0e9789;
const C3 = 0x38b34ae5;
const C4 = 0xa1e38b93;

function rotl(x: number, r: number): number {
  return (x << r) | (x >>> (32 - r));
}
function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

export class StateHasher {
  private h1 = 0x6a09e667 | 0;
  private h2 = 0xbb67ae85 | 0;
  private h3 = 0x3c6ef372 | 0;
  private h4 = 0xa54ff53a | 0;
  private readonly block = new Int32Array(4);
  private filled = 0;
  private words = 0;
  private readonly view = new DataView(new ArrayBuffer(8));

  word(x: number): this {
    this.block[this.filled++] = x;
    this.words += 1;
    if (this.filled === 4) this.mix();
    return this;
  }

  num(x: number): this {
    this.view.setFloat64(0, x, true);
    return this.word(this.view.getInt32(0, true)).word(this.view.getInt32(4, true));
  }

  str(s: string): this {
    this.word(s.length);
    for (let i = 0; i < s.length; i += 2) this.word(s.charCodeAt(i) | (s.charCodeAt(i + 1) << 16));
    return this;
  }

  big(x: bigint): this {
    return this.str(x.toString());
  }

  bool(b: boolean): this {
    return this.word(b ? 1 : 0);
  }

  digest(): string {
    while (this.filled !== 0) this.word(0);
    let { h1, h2, h3, h4 } = this;
    h1 ^= this.words;
    h2 ^= this.words;
    h3 ^= this.words;
    h4 ^= this.words;
    h1 = (h1 + h2 + h3 + h4) | 0;
    h2 = (h2 + h1) | 0;
    h3 = (h3 + h1) | 0;
    h4 = (h4 + h1) | 0;
    h1 = fmix(h1);
    h2 = fmix(h2);
    h3 = fmix(h3);
    h4 = fmix(h4);
    h1 = (h1 + h2 + h3 + h4) | 0;
    h2 = (h2 + h1) | 0;
    h3 = (h3 + h1) | 0;
    h4 = (h4 + h1) | 0;
    return [h1, h2, h3, h4].map((h) => (h >>> 0).toString(16).padStart(8, '0')).join('');
  }

  private mix(): void {
    const b = this.block;
    let { h1, h2, h3, h4 } = this;
    h1 ^= Math.imul(rotl(Math.imul(b[0]!, C1), 15), C2);
    h1 = (Math.imul(rotl(h1, 19) + h2, 5) + 0x561ccd1b) | 0;
    h2 ^= Math.imul(rotl(Math.imul(b[1]!, C2), 16), C3);
    h2 = (Math.imul(rotl(h2, 17) + h3, 5) + 0x0bcaa747) | 0;
    h3 ^= Math.imul(rotl(Math.imul(b[2]!, C3), 17), C4);
    h3 = (Math.imul(rotl(h3, 15) + h4, 5) + 0x96cd1c35) | 0;
    h4 ^= Math.imul(rotl(Math.imul(b[3]!, C4), 18), C1);
    h4 = (Math.imul(rotl(h4, 13) + h1, 5) + 0x32ac3b17) | 0;
    this.h1 = h1;
    this.h2 = h2;
    this.h3 = h3;
    this.h4 = h4;
    this.filled = 0;
  }
}

export function hashEngineState(st: EngineState): string {
  const h = new StateHasher();
  h.str('depthline.engine.v1').str(st.defaultStp).bool(st.trackPositions);
  h.num(st.nextOrderId).num(st.nextTradeId);
  const assets = st.ledger.assets;
  h.num(assets.length);
  for (const a of assets) h.str(a.id).num(a.decimals).num(a.supply);
  h.num(st.instruments.length);
  for (const i of st.instruments) {
    h.str(i.id).num(i.base.index).num(i.quote.index).str(i.spec.tickSize).str(i.spec.lotSize);
    h.num(i.minQty).num(i.minNotional).str(i.makerFee.text).str(i.takerFee.text);
  }
  h.num(st.accounts.length);
  for (const account of st.accounts) {
    h.num(account.id).str(account.label).str(account.stp);
    const ledger = account.ledger;
    for (let a = 0; a < assets.length; a++) h.num(ledger.free[a]!).num(ledger.locked[a]!);
    ledger.positions.forEach((p, index) => {
      if (p === undefined) return;
      h.num(index).num(p.qty).big(p.basis).big(p.realized).num(p.fees).big(p.volume);
    });
    h.num(-1);
  }
  for (const instrument of st.instruments) {
    hashSide(h, instrument.bids);
    hashSide(h, instrument.asks);
  }
  return h.digest();
}

function hashSide(h: StateHasher, ladder: PriceLadder): void {
  h.num(ladder.size);
  for (let level: Level | null = ladder.best; level !== null; level = ladder.after(level.price)) {
    h.num(level.price).num(level.total).num(level.count);
    for (let o = level.head; o !== null; o = o.next) {
      h.num(o.id).num(o.account!.id).str(o.side).str(o.type).str(o.tif);
      h.num(o.price).num(o.qty).num(o.filled).num(o.leaves).num(o.locked).num(o.ts);
      h.bool(o.clientOrderId !== null).str(o.clientOrderId ?? '');
    }
  }
}
