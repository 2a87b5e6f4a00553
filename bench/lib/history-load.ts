/**
 * Market-history write load for bench:store: trade prints through the history recorder (each batch
 * also upserts its candles at every stored time frame) and raw frames of a recording, both through
 * the store writer thread, timed until the last commit.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemClock } from '../../src-main/app/node-ports';
import { silentLogger } from '../../src-main/core/ports';
import { MarketSink } from '../../src-main/history/market-sink';
import { SessionRecorder } from '../../src-main/history/session-recorder';
import { TradeHistory } from '../../src-main/history/trade-history';
import { StoreWriter } from '../../src-main/store/writer/client';
import type { Trade } from '../../src-main/venues/kit';
import type { DecimalString, VenueId } from '../../src-shared/domain';
import { SOURCE_WORKER } from '../../test/support/store-worker';

async function timed(work: (sink: MarketSink) => void | Promise<void>): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'depthline-bench-history-'));
  const writer = await StoreWriter.start({ dataDir: dir, script: SOURCE_WORKER, maxPendingOps: 2_000_000 });
  const sink = new MarketSink(writer, systemClock, silentLogger);
  const start = process.hrtime.bigint();
  await work(sink);
  const done = await writer.flush();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (!done.ok) throw new Error(done.error.message);
  await writer.close();
  rmSync(dir, { recursive: true, force: true });
  return seconds;
}

/** Prints per second stored with their candles (batches of `batch` prints, 1 ms apart). */
export async function printsPerSecond(count: number, batch = 50): Promise<number> {
  const trades: Trade[] = Array.from({ length: count }, (_, i) => ({
    venue: 'binance' as VenueId,
    symbol: 'BTCUSDT',
    id: String(i + 1),
    time: 1_700_000_000_000 + i,
    price: `${65000 + (i % 200)}.${i % 10}` as DecimalString,
    size: `0.00${(i % 9) + 1}` as DecimalString,
    side: i % 2 ? 'buy' : 'sell',
  }));
  const seconds = await timed((sink) => {
    const history = new TradeHistory(sink, {
      lastPrintTime: () => null,
      tradeIdsAt: () => new Set(),
      candleAt: () => null,
    });
    for (let i = 0; i < trades.length; i += batch) history.add(trades.slice(i, i + batch));
  });
  return count / seconds;
}

/** Raw frames per second recorded (a 300-byte depth frame each, one write per frame as the tap does). */
export async function framesPerSecond(count: number): Promise<number> {
  const payload = JSON.stringify({
    stream: 'btcusdt@depth@100ms',
    data: {
      e: 'depthUpdate',
      s: 'BTCUSDT',
      U: 1,
      u: 3,
      b: [['65000.10000000', '0.50000000']],
      a: [['65000.20000000', '1.25000000']],
    },
  }).padEnd(300, ' ');
  const seconds = await timed((sink) => {
    const recorder = new SessionRecorder(systemClock, silentLogger);
    recorder.attach(sink, 0);
    recorder.start('bench');
    for (let i = 0; i < count; i++) recorder.frame('binance', 'ws:0', payload, 1_700_000_000_000 + i);
    recorder.stop();
  });
  return count / seconds;
}
