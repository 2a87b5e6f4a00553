/** The size presets as buttons (Alt+1..Alt+4 pick the first four): a click sets the ticket's size. */
import { formatChord } from '../hotkeys/keymap';
import { IS_MAC } from '../hotkeys/HotkeysContext';
import { usePanelSetting } from '../prefs/panel-settings';
import { presetLabel } from './size-presets';
import { useTrading } from './TradingContext';
import { SIZE_PRESETS } from './trading-settings';

export function SizePresetButtons() {
  const { applyPreset } = useTrading();
  const [presets] = usePanelSetting(SIZE_PRESETS);
  return (
    <div className="presets" role="group" aria-label="Size presets" data-testid="size-presets">
      {presets.map((p, i) => (
        <button
          key={i}
          type="button"
          data-preset={i + 1}
          title={i < 4 ? `Preset ${i + 1} (${formatChord(`Alt+Digit${i + 1}`, IS_MAC)})` : `Preset ${i + 1}`}
          onClick={() => applyPreset(i)}
        >
          {presetLabel(p, 'base')}
        </button>
      ))}
    </div>
  );
}
