/**
 * The ticket's settings, folded away: the fat-finger limits (max distance from the touch in
 * percent, max notional, max size; empty = off) and the size presets. Saved in the UI prefs when a
 * field is left with a valid value; an invalid one is shown red and not saved.
 */
import { useState } from 'react';
import { usePanelSetting } from '../prefs/panel-settings';
import { isPositiveDecimal } from './order-math';
import { formatPresets, parsePresets } from './size-presets';
import { FAT_FINGER, SIZE_PRESETS } from './trading-settings';

type LimitField = 'maxDeviationPct' | 'maxNotional' | 'maxQuantity';
const FIELDS: ReadonlyArray<[LimitField, string]> = [
  ['maxDeviationPct', 'Max distance from touch, %'],
  ['maxNotional', 'Max notional'],
  ['maxQuantity', 'Max size'],
];

export function TicketSettings() {
  const [limits, setLimits] = usePanelSetting(FAT_FINGER);
  const [presets, setPresets] = usePanelSetting(SIZE_PRESETS);
  return (
    <details className="ticket-settings" data-testid="ticket-settings">
      <summary>Limits and presets</summary>
      <div className="trade-form">
        {FIELDS.map(([field, label]) => (
          <Field
            key={field}
            id={`limit-${field}`}
            label={label}
            saved={limits[field] ?? ''}
            parse={(text) =>
              text === ''
                ? { ok: true, value: null }
                : isPositiveDecimal(text)
                  ? { ok: true, value: text }
                  : { ok: false }
            }
            save={(value: string | null) => setLimits((l) => ({ ...l, [field]: value }))}
          />
        ))}
        <Field
          id="size-presets"
          label="Size presets"
          saved={formatPresets(presets)}
          parse={(text) => {
            const parsed = parsePresets(text);
            return parsed ? { ok: true, value: parsed } : { ok: false };
          }}
          save={setPresets}
          hint="notionals (100, 1k) or sizes with a unit (0.5 base), comma-separated"
        />
      </div>
    </details>
  );
}

function Field<T>({
  id,
  label,
  saved,
  parse,
  save,
  hint,
}: {
  id: string;
  label: string;
  saved: string;
  parse: (text: string) => { ok: true; value: T } | { ok: false };
  save: (value: T) => void;
  hint?: string;
}) {
  const [text, setText] = useState<string | null>(null);
  const shown = text ?? saved;
  const valid = parse(shown.trim()).ok;
  const commit = () => {
    const parsed = parse(shown.trim());
    if (parsed.ok) {
      save(parsed.value);
      setText(null);
    }
  };
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        className={valid ? '' : 'invalid'}
        value={shown}
        title={hint}
        placeholder={hint ? '' : 'off'}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            commit();
          }
        }}
      />
    </>
  );
}
