/**
 * The paper venue (with its trigger layer, as composed) passes the VenuePort conformance suite
 * every venue runs, on a live book from the fake Binance. Paper agents never trade with each
 * other, so the suite's agent-to-agent crossing check does not apply (no `seller`).
 */
import { afterAll, beforeAll, describe } from 'vitest';
import { nodeTimers, systemClock } from '../../../src-main/app/node-ports';
import { silentLogger } from '../../../src-main/core/ports';
import { createPaperVenues, type PaperVenues } from '../../../src-main/paper/create';
import type { StreamConnector } from '../../../src-main/venues/kit';
import { waitFor } from '../../support/fake-venues/server';
import { paperSettings } from '../../support/paper';
import { ScriptedBinance, SYMBOL } from '../../support/scripted-binance';
import { describeVenuePortConformance } from '../../support/venue-port-conformance';

describe('paper venue', () => {
  let exchange: ScriptedBinance;
  let connector: StreamConnector;
  const fresh: PaperVenues[] = [];

  beforeAll(async () => {
    exchange = await ScriptedBinance.start();
    exchange.setBook([[10_000, 1_000]], [[10_010, 1_500]]);
    connector = exchange.connector();
    // One fresh paper venue per conformance test, all on the same live book.
    for (let i = 0; i < 8; i++) {
      const paper = createPaperVenues({
        settings: paperSettings(),
        connectors: new Map([['binance', connector]]),
        clock: systemClock,
        timers: nodeTimers,
        log: silentLogger,
      });
      await paper.start(null);
      fresh.push(paper);
    }
    await waitFor(() => connector.book(SYMBOL) !== null, 5000, 'a live book');
  });

  afterAll(async () => {
    for (const paper of fresh) paper.stop();
    connector.stop();
    await exchange.stop();
  });

  describeVenuePortConformance('paper:binance', () => {
    const paper = fresh.shift();
    if (!paper) throw new Error('more conformance tests than prepared paper venues');
    return { venue: paper.venues[0]! };
  });
});
