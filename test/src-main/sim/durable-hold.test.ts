/**
 * What the durable port holds and when it lets go (sim/durable-port.ts), against any interleaving
 * of events and partial commits: events are delivered once each, in order, never before their
 * command is durable; notices are coalesced, yet every occurrence of a notice is followed by a
 * delivery of it once that occurrence is durable, and no delivery of a notice comes without a new
 * durable occurrence to cover.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ok, type Result } from '../../../src-shared/result';
import type { VenueEvent } from '../../../src-main/gateway/venue-port';
import { DurableVenuePort } from '../../../src-main/sim/durable-port';
import type { Journal } from '../../../src-main/sim/journal';
import type { SimVenue } from '../../../src-main/sim/venue';

/** A journal whose commits the test makes, ticket by ticket. */
class StepJournal {
  readonly synchronous = false;
  committedTicket = 0;
  private waiters: Array<{ ticket: number; resolve: (r: Result<void>) => void }> = [];
  whenCommitted(ticket: number): Promise<Result<void>> {
    if (ticket <= this.committedTicket) return Promise.resolve(ok(undefined));
    return new Promise((resolve) => this.waiters.push({ ticket, resolve }));
  }
  commit(upTo: number): void {
    this.committedTicket = Math.max(this.committedTicket, upTo);
    const ready = this.waiters.filter((w) => w.ticket <= this.committedTicket);
    this.waiters = this.waiters.filter((w) => w.ticket > this.committedTicket);
    for (const w of ready) w.resolve(ok(undefined));
  }
}

const NOTICES: readonly VenueEvent[] = [
  Object.freeze({ kind: 'book', symbol: 'BTC-USD' }),
  Object.freeze({ kind: 'book', symbol: 'ETH-USD' }),
  Object.freeze({ kind: 'portfolio', agentId: 'a1' }),
  Object.freeze({ kind: 'agents' }),
];

type Step =
  | { do: 'command' }
  | { do: 'event'; notice: number | null }
  | { do: 'commit'; share: number }
  | { do: 'settle' };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: fc.constant({ do: 'command' as const }) },
  {
    weight: 5,
    arbitrary: fc
      .option(fc.nat(NOTICES.length - 1), { freq: 3 })
      .map((notice) => ({ do: 'event' as const, notice })),
  },
  {
    weight: 2,
    arbitrary: fc.double({ min: 0, max: 1, noNaN: true }).map((share) => ({ do: 'commit' as const, share })),
  },
  { weight: 3, arbitrary: fc.constant({ do: 'settle' as const }) },
);

interface Occurrence {
  readonly ticket: number;
  covered: boolean;
}

describe('the durable port holds events until durable', () => {
  it('delivers events once, in order, after their commit; notices coalesced but never lost', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 10, maxLength: 60 }), async (steps) => {
        let emit: (event: VenueEvent, ticket: number) => void = () => {};
        const venue = { onEvent: (l: typeof emit) => ((emit = l), () => {}) } as unknown as SimVenue;
        const journal = new StepJournal();
        const deferred: Array<() => void> = [];
        const port = new DurableVenuePort(venue, journal as unknown as Journal, (fn) => deferred.push(fn));

        const fresh: Array<{ event: VenueEvent; ticket: number }> = [];
        const occurrences = new Map<VenueEvent, Occurrence[]>();
        const deliveredFresh: VenueEvent[] = [];
        port.onEvent((event) => {
          const seen = occurrences.get(event);
          if (!seen) {
            const sent = fresh.find((f) => f.event === event)!;
            expect(sent.ticket).toBeLessThanOrEqual(journal.committedTicket);
            deliveredFresh.push(event);
            return;
          }
          // A notice's delivery covers its durable occurrences so far, and must cover a new one.
          const durable = seen.filter((o) => !o.covered && o.ticket <= journal.committedTicket);
          expect(durable.length).toBeGreaterThan(0);
          for (const o of durable) o.covered = true;
        });

        const settle = async () => {
          for (let round = 0; round < 4; round++) {
            await new Promise((r) => setImmediate(r));
            for (const fn of deferred.splice(0)) fn();
          }
        };
        let ticket = 1;
        for (const step of steps) {
          if (step.do === 'command') ticket += 1;
          else if (step.do === 'commit') journal.commit(Math.floor(step.share * ticket));
          else if (step.do === 'settle') await settle();
          else if (step.notice === null) {
            const event: VenueEvent = { kind: 'news', item: { id: String(fresh.length) } as never };
            fresh.push({ event, ticket });
            emit(event, ticket);
          } else {
            const event = NOTICES[step.notice]!;
            const list = occurrences.get(event) ?? [];
            occurrences.set(event, list);
            list.push({ ticket, covered: false });
            emit(event, ticket);
          }
        }
        journal.commit(ticket);
        await settle();

        expect(deliveredFresh).toEqual(fresh.map((f) => f.event));
        for (const list of occurrences.values()) expect(list.every((o) => o.covered)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});
