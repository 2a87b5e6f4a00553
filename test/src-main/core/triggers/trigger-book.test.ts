/** The trigger state machine: stops, brackets (OCO, re-sizing, entry cancel), order and sources. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TriggerBook, type TriggerAction } from '../../../../src-main/core/triggers';

const kinds = (actions: TriggerAction[]) =>
  actions.map((a) => (a.kind === 'cancel_entry' ? `cancel_entry:${a.entryId}` : `${a.kind}:${a.trigger.id}`));

function stops() {
  const book = new TriggerBook();
  book.addStop({
    id: 's-buy',
    owner: 'a',
    symbol: 'X',
    kind: 'stop_market',
    side: 'buy',
    triggerTicks: 105,
    qty: 3,
    at: 1,
  });
  book.addStop({
    id: 's-sell',
    owner: 'a',
    symbol: 'X',
    kind: 'stop_limit',
    side: 'sell',
    triggerTicks: 95,
    limitTicks: 94,
    qty: 2,
    at: 2,
  });
  return book;
}

describe('stop orders', () => {
  it('a buy stop fires when the price rises to it, a sell stop when it falls to it', () => {
    const book = stops();
    expect(book.onPrice('X', 100)).toEqual([]);
    expect(book.onPrice('Y', 200)).toEqual([]);
    expect(kinds(book.onPrice('X', 105))).toEqual(['release:s-buy']);
    const [sell] = book.onPrice('X', 94);
    expect(sell).toMatchObject({
      kind: 'release',
      trigger: { id: 's-sell', limitTicks: 94, qty: 2, state: 'triggered' },
    });
    expect(book.size).toBe(0);
  });

  it('fires in creation order when one price reaches several', () => {
    const book = new TriggerBook();
    for (const id of ['c', 'a', 'b'])
      book.addStop({
        id,
        owner: 'o',
        symbol: 'X',
        kind: 'stop_market',
        side: 'sell',
        triggerTicks: 100,
        qty: 1,
        at: 0,
      });
    expect(kinds(book.onPrice('X', 99))).toEqual(['release:c', 'release:a', 'release:b']);
  });

  it('knows when a new stop would fire at once, and cancels once', () => {
    const book = stops();
    book.onPrice('X', 100);
    expect(book.wouldFire('X', 'stop_market', 'buy', 100)).toBe(true);
    expect(book.wouldFire('X', 'stop_market', 'buy', 101)).toBe(false);
    expect(book.wouldFire('X', 'stop_market', 'sell', 100)).toBe(true);
    expect(book.wouldFire('Z', 'stop_market', 'sell', 100)).toBe(false);
    expect(book.cancel('s-buy')).toMatchObject({ kind: 'canceled', reason: 'requested' });
    expect(book.cancel('s-buy')).toBeNull();
  });

  it('mark-price triggers ignore prints and the other way round', () => {
    const book = new TriggerBook();
    book.addStop({
      id: 'm',
      owner: 'o',
      symbol: 'X',
      kind: 'stop_market',
      side: 'buy',
      triggerTicks: 10,
      qty: 1,
      source: 'mark',
      at: 0,
    });
    expect(book.onPrice('X', 11)).toEqual([]);
    expect(kinds(book.onPrice('X', 11, 'mark'))).toEqual(['release:m']);
  });
});

describe('brackets', () => {
  function bracket(entrySide: 'buy' | 'sell' = 'buy') {
    const book = new TriggerBook();
    const legs = book.addBracket({
      entryId: 'e',
      owner: 'o',
      symbol: 'X',
      entrySide,
      takeProfit: { id: 'tp', ticks: entrySide === 'buy' ? 120 : 80 },
      stopLoss: { id: 'sl', ticks: entrySide === 'buy' ? 90 : 110 },
      at: 0,
    });
    return { book, legs };
  }

  it('legs wait for the entry, then follow its filled quantity', () => {
    const { book, legs } = bracket();
    expect(legs.map((l) => [l.kind, l.side, l.direction, l.state, l.qty])).toEqual([
      ['take_profit', 'sell', 'rise', 'waiting_entry', 0],
      ['stop_loss', 'sell', 'fall', 'waiting_entry', 0],
    ]);
    expect(book.onPrice('X', 130)).toEqual([]); // not armed yet
    expect(
      book.onEntryFilled('e', 4).map((a) => a.kind === 'resized' && [a.trigger.qty, a.trigger.state]),
    ).toEqual([
      [4, 'armed'],
      [4, 'armed'],
    ]);
    book.onEntryFilled('e', 7);
    expect(book.get('sl')?.qty).toBe(7);
  });

  it('one leg firing cancels the other (OCO) and the entry remainder', () => {
    const { book } = bracket();
    book.onEntryFilled('e', 5);
    const actions = book.onPrice('X', 89);
    expect(kinds(actions)).toEqual(['release:sl', 'canceled:tp', 'cancel_entry:e']);
    expect(actions[0]).toMatchObject({ trigger: { qty: 5, side: 'sell' } });
    expect(actions[1]).toMatchObject({ reason: 'oco' });
    expect(book.size).toBe(0);
  });

  it('after a fully filled entry, the take-profit fires alone', () => {
    const { book } = bracket();
    book.onEntryClosed('e', 10);
    expect(kinds(book.onPrice('X', 125))).toEqual(['release:tp', 'canceled:sl']);
  });

  it('short entries mirror the legs', () => {
    const { book, legs } = bracket('sell');
    expect(legs.map((l) => [l.side, l.direction])).toEqual([
      ['buy', 'fall'],
      ['buy', 'rise'],
    ]);
    book.onEntryClosed('e', 2);
    expect(kinds(book.onPrice('X', 80))).toEqual(['release:tp', 'canceled:sl']);
  });

  it('an entry canceled unfilled cancels its legs; canceled after a partial fill keeps them', () => {
    const unfilled = bracket();
    expect(unfilled.book.onEntryClosed('e', 0).map((a) => a.kind === 'canceled' && a.reason)).toEqual([
      'entry_canceled',
      'entry_canceled',
    ]);
    const partial = bracket();
    partial.book.onEntryFilled('e', 3);
    expect(partial.book.onEntryClosed('e', 3)).toEqual([]);
    expect(partial.book.all().map((l) => [l.id, l.qty, l.state])).toEqual([
      ['tp', 3, 'armed'],
      ['sl', 3, 'armed'],
    ]);
    // No entry remains to cancel when a leg fires.
    expect(kinds(partial.book.onPrice('X', 90))).toEqual(['release:sl', 'canceled:tp']);
  });

  it('canceling one leg leaves the other armed', () => {
    const { book } = bracket();
    book.onEntryClosed('e', 1);
    book.cancel('tp');
    expect(kinds(book.onPrice('X', 200))).toEqual([]);
    expect(kinds(book.onPrice('X', 50))).toEqual(['release:sl']);
  });

  it('property: per bracket at most one leg releases, sized to the entry fills at that moment', () => {
    type Step = { t: 'fill'; lots: number } | { t: 'close' } | { t: 'price'; ticks: number };
    const step: fc.Arbitrary<Step> = fc.oneof(
      fc.record({ t: fc.constant('fill' as const), lots: fc.integer({ min: 1, max: 5 }) }),
      fc.record({ t: fc.constant('close' as const) }),
      fc.record({ t: fc.constant('price' as const), ticks: fc.integer({ min: 80, max: 130 }) }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        const { book } = bracket();
        let filled = 0;
        let open = true;
        const released: number[] = [];
        for (const s of steps) {
          let actions: TriggerAction[] = [];
          if (s.t === 'fill' && open) actions = book.onEntryFilled('e', (filled += s.lots));
          else if (s.t === 'close' && open) {
            open = false;
            actions = book.onEntryClosed('e', filled);
          } else if (s.t === 'price') actions = book.onPrice('X', s.ticks);
          for (const a of actions) {
            if (a.kind === 'release') {
              released.push(a.trigger.qty);
              expect(a.trigger.qty).toBe(filled);
            }
            if (a.kind === 'cancel_entry') open = false;
          }
        }
        expect(released.length).toBeLessThanOrEqual(1);
      }),
      { numRuns: 500 },
    );
  });
});
