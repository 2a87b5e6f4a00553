/**
 * Size presets, pure: a preset is a base size ("0.01") or a notional in the quote asset ("1000"),
 * turned into a size for the instrument at hand (a notional at the reference price, floored to
 * the lot grid). Saved in prefs; Alt+1..Alt+4 pick the first four. Invariants: a resolved size is
 * on the lot grid when the lot is known and never worth more than a notional preset asked for.
 */
import { z } from 'zod';
import { decimalsOf, fromUnits, toUnits } from '../../ui/decimal';
import { isPositiveDecimal, sizeForNotional, trimZeros } from './order-math';

export const SizePresetSchema = z.object({
  kind: z.enum(['size', 'notional']),
  value: z.string().regex(/^\d+(\.\d+)?$/),
});
export type SizePreset = z.infer<typeof SizePresetSchema>;

export const DEFAULT_PRESETS: readonly SizePreset[] = [
  { kind: 'notional', value: '100' },
  { kind: 'notional', value: '1000' },
  { kind: 'notional', value: '5000' },
  { kind: 'notional', value: '10000' },
];

export const MAX_PRESETS = 6;

/** "1k", "250", "0.01 BTC"-style short label for a button. */
export function presetLabel(preset: SizePreset, base?: string): string {
  if (preset.kind === 'size') return base ? `${preset.value} ${base}` : preset.value;
  const v = preset.value;
  const short = /^\d+000$/.test(v) ? `${v.slice(0, -3)}k` : v;
  return `$${short}`;
}

export type ResolvedSize = { ok: true; size: string } | { ok: false; reason: string };

export function resolvePreset(
  preset: SizePreset,
  market: { readonly reference: string | null; readonly lotSize: string | null },
): ResolvedSize {
  if (preset.kind === 'size') return { ok: true, size: preset.value };
  if (market.reference === null) return { ok: false, reason: 'no price to turn a notional into a size' };
  const lot = market.lotSize ?? '0.00000001';
  const size = sizeForNotional(preset.value, market.reference, lot);
  if (size === null || !isPositiveDecimal(size)) {
    return { ok: false, reason: `${preset.value} buys less than one lot (${lot}) at ${market.reference}` };
  }
  return { ok: true, size };
}

/**
 * Parses the preset editor's text: notionals as "100", "$100" or "1k"; sizes with a unit word,
 * "0.5 base" or "0.5 BTC". Null when anything is not understood or there are too many.
 */
export function parsePresets(text: string): SizePreset[] | null {
  const parts = text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0 || parts.length > MAX_PRESETS) return null;
  const out: SizePreset[] = [];
  for (const part of parts) {
    const m = /^(\$)?(\d+(?:\.\d+)?)(k)?(?:\s+([A-Za-z][\w-]*))?$/i.exec(part);
    if (!m || (m[4] && (m[1] || m[3]))) return null;
    const number = m[2]!;
    const value = m[3]
      ? trimZeros(fromUnits(toUnits(number, decimalsOf(number))! * 1000n, decimalsOf(number)))
      : number;
    if (!isPositiveDecimal(value)) return null;
    out.push({ kind: m[4] ? 'size' : 'notional', value });
  }
  return out;
}

export function formatPresets(presets: readonly SizePreset[]): string {
  return presets.map((p) => (p.kind === 'size' ? `${p.value} base` : p.value)).join(', ');
}
