import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  chordFromEvent,
  effectiveBindings,
  formatChord,
  normalizeChord,
  type ActionInfo,
} from '../../../../src-renderer/features/hotkeys/keymap';
import { ActionRegistry } from '../../../../src-renderer/features/hotkeys/action-registry';

const actions: ActionInfo[] = [
  { id: 'order.buyBid', title: 'Buy at bid', group: 'Orders', defaultKeys: 'Shift+b' },
  { id: 'order.sellAsk', title: 'Sell at ask', group: 'Orders', defaultKeys: 'Shift+s' },
  { id: 'app.palette', title: 'Palette', group: 'General', defaultKeys: '$mod+k' },
];

const key = (
  k: string,
  mods: Partial<Record<'ctrlKey' | 'altKey' | 'shiftKey' | 'metaKey', boolean>> = {},
) => ({
  key: k,
  ctrlKey: false,
  altKey: false,
  shiftKey: false,
  metaKey: false,
  ...mods,
});

describe('keymap', () => {
  it('uses defaults, then the saved overrides (including unbinding)', () => {
    const b = effectiveBindings(actions, { 'order.buyBid': 'Alt+b', 'app.palette': '' }, false);
    expect(b.map((x) => [x.action.id, x.keys, x.custom])).toEqual([
      ['order.buyBid', 'Alt+b', true],
      ['order.sellAsk', 'Shift+s', false],
      ['app.palette', '', true],
    ]);
  });

  it('reports conflicts both ways, across spellings of the same chord', () => {
    const b = effectiveBindings(actions, { 'order.sellAsk': 'Shift+B' }, false);
    expect(b.find((x) => x.action.id === 'order.buyBid')?.conflicts).toEqual(['order.sellAsk']);
    expect(b.find((x) => x.action.id === 'order.sellAsk')?.conflicts).toEqual(['order.buyBid']);
    const mac = effectiveBindings(actions, { 'order.sellAsk': 'Meta+k' }, true);
    expect(mac.find((x) => x.action.id === 'app.palette')?.conflicts).toEqual(['order.sellAsk']);
  });

  it('normalises modifier order and case', () => {
    expect(normalizeChord('Shift+Alt+X', false)).toBe(normalizeChord('Alt+Shift+x', false));
    expect(normalizeChord('$mod+k', false)).toBe('Control+k');
    expect(normalizeChord('[Shift]+?', false)).toBe('?');
  });

  it('records chords from key events', () => {
    expect(chordFromEvent(key('B', { shiftKey: true }), false)).toBe('Shift+b');
    expect(chordFromEvent(key('k', { ctrlKey: true }), false)).toBe('$mod+k');
    expect(chordFromEvent(key('k', { metaKey: true }), true)).toBe('$mod+k');
    expect(chordFromEvent(key('F6'), false)).toBe('F6');
    expect(chordFromEvent(key(' '), false)).toBe('Space');
    expect(chordFromEvent(key('Shift', { shiftKey: true }), false)).toBeNull();
  });

  it('a recorded chord never conflicts with a different recorded chord', () => {
    const event = fc.record({
      key: fc.constantFrom('a', 'b', 'F1', 'ArrowUp', '1', '?'),
      ctrlKey: fc.boolean(),
      altKey: fc.boolean(),
      shiftKey: fc.boolean(),
      metaKey: fc.boolean(),
    });
    fc.assert(
      fc.property(event, event, (a, b) => {
        const ca = chordFromEvent(a, false)!;
        const cb = chordFromEvent(b, false)!;
        const same = JSON.stringify(a) === JSON.stringify(b);
        expect(normalizeChord(ca, false) === normalizeChord(cb, false)).toBe(same);
      }),
    );
  });

  it('formats chords for people', () => {
    expect(formatChord('$mod+k', false)).toBe('Ctrl+K');
    expect(formatChord('$mod+k', true)).toBe('⌘K');
    expect(formatChord('[Shift]+?', false)).toBe('?');
    expect(formatChord('Alt+Digit3', false)).toBe('Alt+3');
    expect(formatChord('', false)).toBe('—');
  });
});

describe('action registry', () => {
  it('runs enabled actions, skips disabled ones, and forgets actions when their owner unmounts', () => {
    const registry = new ActionRegistry();
    let runs = 0;
    const stop = registry.register([
      { id: 'a', title: 'A', group: 'G', defaultKeys: '', run: () => runs++ },
      { id: 'b', title: 'B', group: 'G', defaultKeys: '', run: () => runs++, enabled: () => false },
    ]);
    const first = registry.list();
    expect(registry.list()).toBe(first);
    expect(registry.run('a')).toBe(true);
    expect(registry.run('b')).toBe(false);
    expect(runs).toBe(1);
    stop();
    expect(registry.list()).toEqual([]);
    expect(registry.run('a')).toBe(false);
  });
});
