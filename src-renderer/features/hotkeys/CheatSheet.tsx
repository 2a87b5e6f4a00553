/** `?`: every active action and the keys that run it, grouped; conflicts are flagged. */
import { formatChord } from './keymap';
import { IS_MAC, useBindings, useHotkeys } from './HotkeysContext';

export function CheatSheet() {
  const { overlay, setOverlay, registry } = useHotkeys();
  const bindings = useBindings();
  if (overlay !== 'cheatsheet') return null;
  const groups = new Map<string, typeof bindings>();
  for (const b of bindings) groups.set(b.action.group, [...(groups.get(b.action.group) ?? []), b]);
  return (
    <div className="overlay" role="dialog" aria-label="Keyboard shortcuts" onClick={() => setOverlay('none')}>
      <div className="overlay-card cheatsheet" onClick={(e) => e.stopPropagation()} data-testid="cheatsheet">
        <h2>Keyboard shortcuts</h2>
        <div className="cheatsheet-groups">
          {[...groups].map(([group, list]) => (
            <section key={group}>
              <h3>{group}</h3>
              <table>
                <tbody>
                  {list.map((b) => {
                    const scope = registry.get(b.action.id)?.scope?.();
                    return (
                      <tr key={b.action.id} data-action={b.action.id}>
                        <td>
                          {b.action.title}
                          {scope && <span className="muted"> · {scope}</span>}
                        </td>
                        <td className={`keys ${b.conflicts.length ? 'conflict' : ''}`}>
                          <kbd>{formatChord(b.keys, IS_MAC)}</kbd>
                          {b.custom && <span className="muted"> (custom)</span>}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </section>
          ))}
        </div>
        <p className="muted">Change keys in the Keymap panel (command palette → “Open panel: Keymap”).</p>
      </div>
    </div>
  );
}
