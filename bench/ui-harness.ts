/**
 * The UI bench's world: a fake Binance on 127.0.0.1 moving its BTCUSDT book at a set rate of diff
 * events per second (each one a separate WebSocket frame with consecutive U/u, so main detects any
 * lost one as a gap) and printing trades, plus the headless host (`out/main/host.js`) with Binance
 * enabled through a temporary settings file and its endpoints pointed at the fake. Also used to
 * take screenshots while working on the look. Nothing here reaches the internet.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { FakeBinance, px, qty } from '../test/support/fake-venues/binance';
import { FakeServer } from '../test/support/fake-venues/server';

export const REPO_ROOT = resolve(import.meta.dirname, '..');
export const SYMBOL = 'BTCUSDT';

export interface UiScenarioOptions {
  /** Book diff events per second sent by the fake venue. */
  readonly updatesPerSecond: number;
  /** Trade prints per second (0 = none). */
  readonly tradesPerSecond?: number;
  /** Extra environment for the host. */
  readonly env?: NodeJS.ProcessEnv;
}

export interface UiScenario {
  readonly url: string;
  readonly venue: FakeServer;
  readonly fake: FakeBinance;
  readonly dataDir: string;
  /** Diff events sent since start (or since the last reset). */
  sent(): number;
  resetCount(): void;
  /** Bytes the venue has written but the host has not yet read (summed over its sockets). */
  backlog(): number;
  setRate(updatesPerSecond: number): void;
  /** Sends one print now (size as a decimal string, side as the aggressor). */
  print(size: string, side: 'buy' | 'sell'): void;
  stop(): Promise<void>;
}

export async function startUiScenario(options: UiScenarioOptions): Promise<UiScenario> {
  const venue = await FakeServer.start();
  const fake = new FakeBinance(venue, { symbols: [SYMBOL] });
  const dataDir = mkdtempSync(join(tmpdir(), 'depthline-ui-bench-'));
  writeFileSync(
    join(dataDir, 'settings.json'),
    JSON.stringify({ venues: { binance: { enabled: true, symbols: [SYMBOL] } } }),
  );
  const host = await startHost(dataDir, {
    DEPTHLINE_BINANCE_WS_URL: venue.wsUrl('/stream'),
    DEPTHLINE_BINANCE_REST_URL: venue.httpUrl,
    DEPTHLINE_LOG_LEVEL: 'warn',
    ...options.env,
  });

  let rate = options.updatesPerSecond;
  let sent = 0;
  let origin = performance.now();
  let due = 0;
  // Paced by elapsed time so a late timer catches up instead of lowering the rate.
  const pump = setInterval(() => {
    const target = Math.floor(((performance.now() - origin) * rate) / 1000);
    const n = Math.min(target - due, rate); // never burst more than a second's worth
    due = target;
    if (n > 0) {
      fake.emit(n, SYMBOL);
      sent += n;
    }
  }, 4);

  let tradeId = 1;
  let seed = 12345;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const print = (size: string, side: 'buy' | 'sell') => {
    const top = fake.state(SYMBOL).truth.top(1);
    const ticks = side === 'buy' ? (top.asks[0]?.[0] ?? 10_001) : (top.bids[0]?.[0] ?? 9_999);
    const data = {
      e: 'aggTrade',
      E: Date.now(),
      s: SYMBOL,
      a: tradeId++,
      p: px(ticks),
      q: size,
      f: 1,
      l: 1,
      T: Date.now(),
      m: side === 'sell',
    };
    venue.broadcast(JSON.stringify({ stream: `${SYMBOL.toLowerCase()}@aggTrade`, data }));
  };
  const tradesPerSecond = options.tradesPerSecond ?? 0;
  const trades =
    tradesPerSecond > 0
      ? setInterval(() => {
          // Mostly small prints, now and then a big one, as on a real tape.
          const r = random();
          const lots = r < 0.9 ? 1 + Math.floor(random() * 400) : 2000 + Math.floor(random() * 8000);
          print(qty(lots), random() < 0.5 ? 'buy' : 'sell');
        }, 1000 / tradesPerSecond)
      : null;

  return {
    url: host.url,
    venue,
    fake,
    dataDir,
    sent: () => sent,
    resetCount: () => {
      sent = 0;
    },
    backlog: () => venue.open().reduce((sum, c) => sum + c.ws.bufferedAmount, 0),
    setRate: (next) => {
      rate = next;
      origin = performance.now();
      due = 0;
    },
    print,
    async stop() {
      clearInterval(pump);
      if (trades) clearInterval(trades);
      await host.stop();
      await venue.stop();
    },
  };
}

interface Host {
  readonly url: string;
  readonly child: ChildProcess;
  stop(): Promise<void>;
}

/** The built headless host, directly (no npm wrapper): one process, killed by its own pid. */
async function startHost(dataDir: string, env: NodeJS.ProcessEnv): Promise<Host> {
  const child = spawn(
    process.execPath,
    ['out/main/host.js', '--port', '0', '--gateway-port', '0', '--data-dir', dataDir],
    { cwd: REPO_ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  let log = '';
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start:\n${out}\n${log}`)), 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /DEPTHLINE_URL (\S+)/.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`host exited with ${code}:\n${out}\n${log}`));
    });
  });
  return {
    url,
    child,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}
