/**
 * L2 book throughput. (1) Diff application: levels/s applied by the book core to a 1000-level
 * book, updates clustered near the top as on real venues, against a naive Map<string,string>
 * book sorted on read (the common hand-rolled client) doing the same work plus one top-20 read
 * per diff. (2) The captured Binance spot stream: frames/s through the real parser, sync rules
 * and book (snapshot, then every captured frame). (3) The captured OKX stream with checksum
 * verification on every books frame. Medians over several runs.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { L2Book, type RawLevel } from '../src-main/core/book';
import { Grid } from '../src-main/core/num';
import { binanceAdapter } from '../src-main/venues/binance/connector';
import { parseRestDepth } from '../src-main/venues/binance/parse';
import { BookSync, binanceSpotRules, okxRules, type DepthMessage } from '../src-main/venues/kit';
import { okxAdapter } from '../src-main/venues/okx/connector';
import { verifyOkxChecksum } from '../src-main/venues/okx/parse';
import type { DecimalString } from '../src-shared/domain';
import { median, opsPerSecond, report } from './lib/report';

const CAPTURED = resolve(import.meta.dirname, '..', 'test', 'fixtures', 'captured');
const frames = (file: string) =>
  readFileSync(resolve(CAPTURED, file), 'utf8')
    .split('\n')
    .slice(1)
    .filter((l) => l.trim() && !l.includes(' <- '))
    .map((l) => l.slice(l.indexOf(': ') + 2));

function diffApplication(): void {
  const grid = new Grid({ tickSize: '0.01' as DecimalString, lotSize: '0.0001' as DecimalString });
  let seed = 42;
  const rnd = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const px = (ticks: number) => (ticks / 100).toFixed(2);
  const level = (ticks: number): RawLevel => ({
    price: px(ticks),
    size: rnd() < 0.2 ? '0' : (Math.floor(rnd() * 100_000) / 10_000).toFixed(4),
  });
  const mid = 6_400_000;
  const snapshotBids = Array.from({ length: 1000 }, (_, i) => ({ price: px(mid - 1 - i), size: '1.0000' }));
  const snapshotAsks = Array.from({ length: 1000 }, (_, i) => ({ price: px(mid + 1 + i), size: '1.0000' }));
  // Real diffs cluster near the top: offsets drawn from a skewed distribution.
  const deltas = Array.from({ length: 20_000 }, () => {
    const n = 1 + Math.floor(rnd() * 4);
    const bids: RawLevel[] = [];
    const asks: RawLevel[] = [];
    for (let i = 0; i < n; i++) {
      const offset = 1 + Math.floor(rnd() ** 3 * 1000);
      if (rnd() < 0.5) bids.push(level(mid - offset));
      else asks.push(level(mid + offset));
    }
    return { bids, asks };
  });
  const levels = deltas.reduce((sum, d) => sum + d.bids.length + d.asks.length, 0);

  const ours = median(
    opsPerSecond(() => {
      const book = new L2Book(grid);
      book.applySnapshot(snapshotBids, snapshotAsks);
      for (const d of deltas) {
        book.applyDelta(d.bids, d.asks);
        book.top(20);
      }
    }, levels),
  );
  const naive = median(
    opsPerSecond(() => {
      const bids = new Map(snapshotBids.map((l) => [l.price, l.size]));
      const asks = new Map(snapshotAsks.map((l) => [l.price, l.size]));
      for (const d of deltas) {
        for (const l of d.bids)
          if (l.size === '0') bids.delete(l.price);
          else bids.set(l.price, l.size);
        for (const l of d.asks)
          if (l.size === '0') asks.delete(l.price);
          else asks.set(l.price, l.size);
        // Number() only to sort for display, as such clients do; never for book state here.
        [...bids.keys()].sort((a, b) => Number(b) - Number(a)).slice(0, 20);
        [...asks.keys()].sort((a, b) => Number(a) - Number(b)).slice(0, 20);
      }
    }, levels),
  );
  report({ name: 'book.l2.diff_apply', value: ours, unit: 'levels/s', runs: 7 });
  report({
    name: 'book.l2.diff_apply_vs_naive_map',
    value: ours,
    unit: 'levels/s',
    peer: 'Map<string,string> + sort on read',
    ratio: ours / naive,
    runs: 7,
  });
}

function binanceCaptured(): void {
  const ws = frames('BINANCE.ws.1.0');
  const http = readFileSync(resolve(CAPTURED, 'BINANCE.http.0.0'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l.slice(l.indexOf(': ', l.indexOf(' -> ')) + 2)) as unknown);
  const snapshots = new Map<string, DepthMessage>();
  for (const [i, symbol] of ['NKNUSDT', 'BLZETH', 'LRCBTC', 'RUNEEUR'].entries()) {
    const parsed = parseRestDepth(http[i]);
    if (parsed.ok) snapshots.set(symbol, parsed.value);
  }
  const grid = new Grid({ tickSize: '0.00000001' as DecimalString, lotSize: '0.00000001' as DecimalString });
  const rounds = 50;
  const run = () => {
    for (let r = 0; r < rounds; r++) {
      const syncs = new Map<string, BookSync>();
      for (const text of ws) {
        const parsed = binanceAdapter.parse(text);
        if (!parsed.ok) throw new Error(parsed.error);
        for (const f of parsed.value) {
          if (f.kind !== 'depth') continue;
          let sync = syncs.get(f.symbol);
          if (!sync) {
            sync = new BookSync(grid, { mode: 'rest-snapshot', rules: binanceSpotRules });
            syncs.set(f.symbol, sync);
          }
          const outcome = sync.onStream(f.message);
          if (outcome.kind === 'buffered' && outcome.requestSnapshot)
            sync.onSnapshot(snapshots.get(f.symbol)!);
          else if (outcome.kind === 'fault') throw new Error('unexpected fault');
        }
      }
    }
  };
  const value = median(opsPerSecond(run, ws.length * rounds));
  report({ name: 'book.binance_captured.parse_apply', value, unit: 'frames/s', runs: 7 });
}

function okxCaptured(): void {
  const ws = frames('OKX.ws.1.0');
  const grid = new Grid({ tickSize: '0.0001' as DecimalString, lotSize: '0.00000001' as DecimalString });
  const rounds = 20;
  const run = () => {
    for (let r = 0; r < rounds; r++) {
      const syncs = new Map<string, BookSync>();
      for (const text of ws) {
        const parsed = okxAdapter.parse(text);
        if (!parsed.ok) throw new Error(parsed.error);
        for (const f of parsed.value) {
          if (f.kind !== 'depth') continue;
          let sync = syncs.get(f.symbol);
          if (!sync) {
            sync = new BookSync(grid, {
              mode: 'stream-snapshot',
              rules: okxRules,
              verify: verifyOkxChecksum,
            });
            syncs.set(f.symbol, sync);
          }
          if (sync.onStream(f.message).kind === 'fault') throw new Error('checksum fault');
        }
      }
    }
  };
  const value = median(opsPerSecond(run, ws.length * rounds));
  report({ name: 'book.okx_captured.parse_apply_checksum', value, unit: 'frames/s', runs: 7 });
}

diffApplication();
binanceCaptured();
okxCaptured();
