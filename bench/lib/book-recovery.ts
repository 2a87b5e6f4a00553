/**
 * Recovery after an injected gap, against the fake venues on 127.0.0.1 with the real connectors
 * at their production timings: Binance spot (REST-snapshot mode) and OKX (stream-snapshot mode).
 * The venue moves its book every `intervalMs` and answers a book request (the REST depth
 * snapshot on Binance, the resubscription's snapshot frame on OKX) after `roundTripMs`, standing
 * for a real venue's round trip. At one tick the venue's change is lost on the way (the gap).
 * Per trial: `recovery` = from that instant until the connector offers a valid book again;
 * `target` = one stream message (from the lost change to the next one, which reveals the gap)
 * plus one round trip as the client saw it (the REST request's send-to-answer time; on OKX, the
 * resubscribe's send to the snapshot applied). The figure is the median recovery, with the
 * median of recovery / target as its ratio: 1.0 means nothing but the next message and the round
 * trip was waited for.
 *
 * Production timings throughout, except that the connector forgets its recovery streak after
 * 200 ms of stable book instead of 30 s: in production gaps are rare and each recovery is a first
 * one (immediate); here the trials follow each other within seconds. Trials are 1 s apart so the
 * venue's send budget (OKX: 3 messages/s, a resubscribe takes 2) is not what is measured.
 */
import { nodeTimers, systemClock } from '../../src-main/app/node-ports';
import { silentLogger } from '../../src-main/core/ports';
import { DEFAULT_RECOVERY } from '../../src-main/venues/kit/book-keeper';
import { createBinanceConnector } from '../../src-main/venues/binance/connector';
import type { StreamConnector } from '../../src-main/venues/kit';
import { createOkxConnector } from '../../src-main/venues/okx/connector';
import { binanceControl, FakeBinance } from '../../test/support/fake-venues/binance';
import type { FakeVenueControl } from '../../test/support/fake-venues/driver';
import { startOkxFake } from '../../test/support/fake-venues/okx';
import { FakeServer, sleep, waitFor } from '../../test/support/fake-venues/server';
import { median, report } from './report';

export interface RecoveryOptions {
  readonly trials: number;
  readonly intervalMs: number;
  readonly roundTripMs: number;
}

interface Setup {
  readonly venue: string;
  readonly fake: FakeVenueControl;
  readonly connector: StreamConnector;
  readonly target: string;
  /** When the last recovery request (REST depth, or book subscribe) left the client. */
  readonly requestSentAt: () => number;
  stop(): Promise<void>;
}

export async function recoveryAfterGap(options: RecoveryOptions): Promise<void> {
  for (const setup of [await binanceSetup(options), await okxSetup(options)]) {
    try {
      await measure(setup, options);
    } finally {
      await setup.stop();
    }
  }
}

async function binanceSetup(options: RecoveryOptions): Promise<Setup> {
  const server = await FakeServer.start();
  const fake = binanceControl(new FakeBinance(server));
  const connector = createBinanceConnector(env(server.wsUrl('/stream'), server.httpUrl));
  await watch(connector, fake);
  server.restDelayMs = options.roundTripMs;
  let sentAt = 0;
  const get = connector.rest.get.bind(connector.rest);
  connector.rest.get = (path, query) => {
    if (path.endsWith('/depth')) sentAt = performance.now();
    return get(path, query);
  };
  return {
    venue: 'binance',
    fake,
    connector,
    target: 'one REST round trip + one stream message',
    requestSentAt: () => sentAt,
    stop: async () => {
      connector.stop();
      await server.stop();
    },
  };
}

async function okxSetup(options: RecoveryOptions): Promise<Setup> {
  const okx = await startOkxFake({ checksum: 'zero' });
  const server = okx.fake.server;
  const connector = createOkxConnector(env(server.wsUrl('/ws/v5/public'), server.httpUrl));
  await watch(connector, okx.control);
  okx.fake.subscribeDelayMs = options.roundTripMs;
  let sentAt = 0;
  const send = connector.socket.send.bind(connector.socket);
  connector.socket.send = (text) => {
    if (text.includes('"op":"subscribe"') && text.includes('"books"')) sentAt = performance.now();
    return send(text);
  };
  return {
    venue: 'okx',
    fake: okx.control,
    connector,
    target: 'one resubscribe round trip + one stream message',
    requestSentAt: () => sentAt,
    stop: async () => {
      connector.stop();
      await server.stop();
    },
  };
}

function env(wsUrl: string, restUrl: string) {
  return {
    wsUrl,
    restUrl,
    clock: systemClock,
    timers: nodeTimers,
    log: silentLogger,
    recovery: { ...DEFAULT_RECOVERY, backoff: { ...DEFAULT_RECOVERY.backoff, stableMs: 200 } },
    // No REST audits to disturb the measurement.
    auditEveryMs: 0,
  };
}

async function watch(connector: StreamConnector, fake: FakeVenueControl): Promise<void> {
  const watched = await connector.watch(fake.symbol);
  if (!watched.ok) throw new Error(watched.error.message);
  await waitFor(() => fake.server.open().length > 0, 5000, 'socket');
  for (let i = 0; i < 200 && !connector.book(fake.symbol); i++) {
    fake.emit(1);
    await sleep(10);
  }
  await waitFor(() => connector.book(fake.symbol), 5000, 'first sync');
}

async function measure(setup: Setup, options: RecoveryOptions): Promise<void> {
  const { fake, connector } = setup;
  const recoveries: number[] = [];
  const ratios: number[] = [];
  const roundTrips: number[] = [];
  const settleTicks = Math.ceil(1000 / options.intervalMs);
  for (let trial = 0; trial < options.trials; trial++) {
    // The book runs live for a second, then one change is lost at a tick.
    let lostAt = 0;
    let revealedAt = 0;
    let ticks = 0;
    let validAt = 0;
    const off = connector.onBookChange(() => {
      if (lostAt > 0 && validAt === 0 && connector.book(fake.symbol)) validAt = performance.now();
    });
    await new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        ticks += 1;
        if (ticks === settleTicks) {
          fake.dropOne();
          lostAt = performance.now();
        } else {
          if (lostAt > 0 && revealedAt === 0) revealedAt = performance.now();
          fake.emit(1);
        }
        if (validAt > 0 && ticks > settleTicks) {
          clearInterval(timer);
          resolve();
        } else if (ticks > settleTicks + 5000 / options.intervalMs) {
          clearInterval(timer);
          reject(new Error(`${setup.venue}: no valid book 5 s after the gap`));
        }
      }, options.intervalMs);
    });
    off();
    const health = connector.health().books[0]!;
    if (health.resyncs.gap !== trial + 1)
      throw new Error(`${setup.venue}: expected one gap resync per trial`);
    const roundTrip = validAt - setup.requestSentAt();
    if (setup.requestSentAt() < lostAt) throw new Error(`${setup.venue}: recovered without a request`);
    recoveries.push(validAt - lostAt);
    roundTrips.push(roundTrip);
    ratios.push((validAt - lostAt) / (revealedAt - lostAt + roundTrip));
  }
  report({
    name: `book.recovery.${setup.venue}.gap_to_valid_ms`,
    value: median(recoveries),
    unit: 'ms',
    peer: `${setup.target} (venue answers after ${options.roundTripMs} ms, a message every ${options.intervalMs} ms)`,
    ratio: median(ratios),
    runs: options.trials,
  });
  report({
    name: `book.recovery.${setup.venue}.round_trip_ms`,
    value: median(roundTrips),
    unit: 'ms',
    runs: options.trials,
  });
}
