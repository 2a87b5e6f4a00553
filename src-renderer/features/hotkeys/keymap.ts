/**
 * Pure keymap logic: effective bindings (defaults overridden by the user's saved keymap), conflict
 * detection, recording a chord from a key event, and display formatting. Chords use tinykeys syntax
 * ("Shift+B", "$mod+k", "[Shift]+?"); "" means unbound.
 */

export interface ActionInfo {
  readonly id: string;
  readonly title: string;
  readonly group: string;
  readonly defaultKeys: string;
}

export interface Binding {
  readonly action: ActionInfo;
  readonly keys: string;
  readonly custom: boolean;
  /** Other actions bound to the same chord; the first registered wins when keys are pressed. */
  readonly conflicts: readonly string[];
}

const MODIFIERS = ['Control', 'Alt', 'Shift', 'Meta'] as const;

/** Canonical form for comparing chords: "$mod" resolved, optional modifiers dropped, sorted, lower-case key. */
export function normalizeChord(keys: string, isMac: boolean): string {
  return keys
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((press) => {
      const parts = press.split(/(?<=\w|\])\+/);
      const key = (parts.pop() ?? '').toLowerCase();
      const mods = parts
        .filter((p) => !p.startsWith('['))
        .map((p) => (p === '$mod' ? (isMac ? 'Meta' : 'Control') : p))
        .sort();
      return [...mods, key].join('+');
    })
    .join(' ');
}

export function effectiveBindings(
  actions: readonly ActionInfo[],
  overrides: Readonly<Record<string, string>>,
  isMac: boolean,
): Binding[] {
  const chosen = actions.map((action) => {
    const custom = Object.hasOwn(overrides, action.id);
    return { action, keys: custom ? (overrides[action.id] ?? '') : action.defaultKeys, custom };
  });
  const byChord = new Map<string, string[]>();
  for (const b of chosen) {
    if (!b.keys) continue;
    const chord = normalizeChord(b.keys, isMac);
    byChord.set(chord, [...(byChord.get(chord) ?? []), b.action.id]);
  }
  return chosen.map((b) => ({
    ...b,
    conflicts: b.keys
      ? (byChord.get(normalizeChord(b.keys, isMac)) ?? []).filter((id) => id !== b.action.id)
      : [],
  }));
}

export interface KeyLike {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly altKey: boolean;
  readonly shiftKey: boolean;
  readonly metaKey: boolean;
}

/** The chord a key event spells, or null while only modifiers are held. */
export function chordFromEvent(event: KeyLike, isMac: boolean): string | null {
  if ((MODIFIERS as readonly string[]).includes(event.key)) return null;
  const mods: string[] = [];
  const primary = isMac ? event.metaKey : event.ctrlKey;
  if (primary) mods.push('$mod');
  if (isMac ? event.ctrlKey : event.metaKey) mods.push(isMac ? 'Control' : 'Meta');
  if (event.altKey) mods.push('Alt');
  if (event.shiftKey) mods.push('Shift');
  const key = event.key === ' ' ? 'Space' : event.key.length === 1 ? event.key.toLowerCase() : event.key;
  return [...mods, key].join('+');
}

/** Short names for keys spelled by their code ("BracketRight" is what tinykeys matches layout-free). */
const KEY_NAMES: Readonly<Record<string, string>> = {
  BracketRight: ']',
  BracketLeft: '[',
  Slash: '/',
  Backslash: '\\',
  Minus: '-',
  Equal: '=',
  Comma: ',',
  Period: '.',
  Semicolon: ';',
  Quote: "'",
  Backquote: '`',
  PageUp: 'PgUp',
  PageDown: 'PgDn',
  ArrowUp: '↑',
  ArrowDown: '↓',
  ArrowLeft: '←',
  ArrowRight: '→',
  Escape: 'Esc',
};

/** Human-readable chord: "Ctrl+K" / "⌘K", "Shift+B", "Alt+]". */
export function formatChord(keys: string, isMac: boolean): string {
  if (!keys) return '—';
  return keys
    .split(/\s+/)
    .map((press) =>
      press
        .split(/(?<=\w|\])\+/)
        .map((part) => {
          const bare = part.replace(/^\[(.*)\]$/, '$1');
          if (bare !== part) return '';
          if (part === '$mod') return isMac ? '⌘' : 'Ctrl';
          if (part === 'Control') return isMac ? '⌃' : 'Ctrl';
          if (part === 'Meta') return isMac ? '⌘' : 'Win';
          if (part === 'Alt') return isMac ? '⌥' : 'Alt';
          if (part === 'Shift') return isMac ? '⇧' : 'Shift';
          const key = part.replace(/^(Digit|Key)(?=.$)/, '');
          return key.length === 1 ? key.toUpperCase() : (KEY_NAMES[key] ?? key);
        })
        .filter(Boolean)
        .join(isMac ? '' : '+'),
    )
    .join(' then ');
}
