/**
 * `?`: every action that has a key, and the keys, grouped with the trading groups first;
 * conflicts are flagged.
 */
import { formatChord } from './keymap';
import { IS_MAC, useBindings, useHotkeys } from './HotkeysContext';

export function CheatSheet() {
  const { overlay, setOverlay, registry } = useHotkeys();
  const bindings = useBindings();
  if (overlay !== 'cheatsheet') return null;
  // Only what a key does: unbound actions live in the command palette and the Keymap panel.
  const bound = bindings.filter((b) => b.keys);
  const groups = new Map<string, typeof bindings>();
  for (const b of [...bound].sort((x, y) => groupRank(x.action.group) - groupRank(y.action.group))) {
    groups.set(b.action.group, [...(groups.get(b.action.group) ?? []), b]);
  }
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
        <p className="muted">
          {bindings.length - bound.length} more actions have no key: run them from the command palette, or
          give them one in the Keymap panel (palette → “Open panel: Keymap”).
        </p>
      </div>
    </div>
  );
}

const GROUP_ORDER = ['Trading', 'General', 'Instrument', 'Ladder', 'Order book', 'Chart', 'Trades', 'Panels'];

function groupRank(group: string): number {
  const index = GROUP_ORDER.indexOf(group);
  return index < 0 ? GROUP_ORDER.length - 1 : index;
}
