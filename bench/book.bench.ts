/**
 * L2 book benchmarks. (1) Apply throughput of depth updates at 1,000 and 5,000 levels per side,
 * our book against ccxt's WS order book in the same run on the same stream (bench/lib/book-apply.ts
 * says what input each gets and which figure each target is read on). (2) The captured
 * Binance spot stream: frames/s through the real parser, sync rules and book (snapshot, then every
 * captured frame). (3) The captured OKX stream with checksum verification on every books frame.
 * (4) Recovery after an injected gap against the fake Binance and OKX, as a ratio of one round
 * trip plus one stream message (bench/lib/book-recovery.ts). Medians over several runs.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Grid } from '../src-main/core/num';
import { binanceAdapter } from '../src-main/venues/binance/connector';
import { parseRestDepth } from '../src-main/venues/binance/parse';
import { BookSync, binanceSpotRules, okxRules, type DepthMessage } from '../src-main/venues/kit';
import { okxAdapter } from '../src-main/venues/okx/connector';
import { verifyOkxChecksum } from '../src-main/venues/okx/parse';
import type { DecimalString } from '../src-shared/domain';
import { applyThroughput } from './lib/book-apply';
import { recoveryAfterGap } from './lib/book-recovery';
import { median, opsPerSecond, report } from './lib/report';

const CAPTURED = resolve(import.meta.dirname, '..', 'test', 'fixtures', 'captured');
const frames = (file: string) =>
  readFileSync(resolve(CAPTURED, file), 'utf8')
    .split('\n')
    .slice(1)
    .filter((l) => l.trim() && !l.includes(' <- '))
    .map((l) => l.slice(l.indexOf(': ') + 2));

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

const ccxtVersion = (
  JSON.parse(
    readFileSync(resolve(import.meta.dirname, '..', 'node_modules', 'ccxt', 'package.json'), 'utf8'),
  ) as {
    version: string;
  }
).version;
for (const levelsPerSide of [1000, 5000]) {
  applyThroughput({ levelsPerSide, streamUpdates: 20_000, passes: 10, runs: 9, ccxtVersion });
}
binanceCaptured();
okxCaptured();
await recoveryAfterGap({ trials: 15, intervalMs: 10, roundTripMs: 30 });
