/**
 * Rebind any action: click "Change", press the new keys (Escape cancels, Backspace unbinds).
 * Saved in the UI preferences; conflicts are shown, not silently resolved.
 */
import { useState } from 'react';
import { usePrefsStore } from '../prefs/PrefsContext';
import { chordFromEvent, formatChord } from './keymap';
import { IS_MAC, useBindings } from './HotkeysContext';

export function KeymapPanel() {
  const bindings = useBindings();
  const prefs = usePrefsStore();
  const [recording, setRecording] = useState<string | null>(null);

  const setKeys = (id: string, keys: string | null) =>
    prefs.update((p) => {
      const keymap = { ...p.keymap };
      if (keys === null) delete keymap[id];
      else keymap[id] = keys;
      return { ...p, keymap };
    });

  return (
    <div className="panel-body scroll" data-testid="keymap-panel">
      <table className="grid">
        <thead>
          <tr>
            <th>Action</th>
            <th>Keys</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {bindings.map((b) => (
            <tr key={b.action.id} data-action={b.action.id}>
              <td>
                <span className="muted">{b.action.group} · </span>
                {b.action.title}
              </td>
              <td
                className={b.conflicts.length ? 'conflict' : ''}
                title={b.conflicts.length ? `also bound: ${b.conflicts.join(', ')}` : ''}
              >
                {recording === b.action.id ? (
                  <input
                    className="key-recorder"
                    autoFocus
                    readOnly
                    value="Press keys…"
                    aria-label={`New keys for ${b.action.title}`}
                    onBlur={() => setRecording(null)}
                    onKeyDown={(event) => {
                      event.preventDefault();
                      event.stopPropagation();
                      if (event.key === 'Escape') return setRecording(null);
                      if (event.key === 'Backspace') {
                        setKeys(b.action.id, '');
                        return setRecording(null);
                      }
                      const chord = chordFromEvent(event, IS_MAC);
                      if (!chord) return;
                      setKeys(b.action.id, chord);
                      setRecording(null);
                    }}
                  />
                ) : (
                  <kbd>{formatChord(b.keys, IS_MAC)}</kbd>
                )}
              </td>
              <td>
                <button type="button" onClick={() => setRecording(b.action.id)}>
                  Change
                </button>
                {b.custom && (
                  <button type="button" onClick={() => setKeys(b.action.id, null)}>
                    Reset
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
