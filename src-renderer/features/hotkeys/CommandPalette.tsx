/**
 * Ctrl/⌘+K: run any registered action by name. Uses cmdk's list inside our own overlay rather than
 * its Radix dialog, whose scroll lock injects inline <style> elements that our CSP forbids.
 */
import { Command } from 'cmdk';
import { formatChord } from './keymap';
import { IS_MAC, useBindings, useHotkeys } from './HotkeysContext';

const HIDDEN = new Set(['app.commandPalette', 'app.closeOverlay']);

export function CommandPalette() {
  const { overlay, setOverlay, registry } = useHotkeys();
  const bindings = useBindings();
  if (overlay !== 'palette') return null;
  return (
    <div className="overlay" onClick={() => setOverlay('none')}>
      <div
        className="overlay-card palette"
        role="dialog"
        aria-label="Command palette"
        onClick={(e) => e.stopPropagation()}
      >
        <Command label="Command palette" loop>
          <Command.Input placeholder="Type a command…" autoFocus data-testid="palette-input" />
          <Command.List>
            <Command.Empty>No matching command.</Command.Empty>
            {bindings
              .filter((b) => !HIDDEN.has(b.action.id))
              .map((b) => (
                <Command.Item
                  key={b.action.id}
                  value={`${b.action.group} ${b.action.title}`}
                  onSelect={() => {
                    setOverlay('none');
                    registry.run(b.action.id);
                  }}
                >
                  <span className="muted">{b.action.group}</span>
                  <span className="palette-title">{b.action.title}</span>
                  <kbd>{formatChord(b.keys, IS_MAC)}</kbd>
                </Command.Item>
              ))}
          </Command.List>
        </Command>
      </div>
    </div>
  );
}
