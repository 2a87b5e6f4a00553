/**
 * The trading settings saved in the UI preferences: the order size per instrument (the ticket's
 * size, which ladder clicks and trading keys use too), the size presets, the fat-finger limits
 * and the active cancel-all scope. Whether one-click trading is armed is deliberately NOT saved:
 * every session starts disarmed.
 */
import { z } from 'zod';
import { defineSetting } from '../prefs/panel-settings';
import { CANCEL_SCOPES, type CancelScope } from './cancel-scope';
import { DEFAULT_LIMITS, type FatFingerLimits } from './fat-finger';
import { DEFAULT_PRESETS, MAX_PRESETS, SizePresetSchema, type SizePreset } from './size-presets';

const Decimal = z.string().regex(/^\d+(\.\d+)?$/);

/** Size by `<trading venue>|<symbol>`, as typed (validated when used). */
export const ORDER_SIZE = defineSetting(
  'trading.size',
  z.record(z.string(), z.string().max(40)),
  {} as Record<string, string>,
);

export const SIZE_PRESETS = defineSetting(
  'trading.sizePresets',
  z.array(SizePresetSchema).min(1).max(MAX_PRESETS),
  DEFAULT_PRESETS as SizePreset[],
);

export const FAT_FINGER = defineSetting(
  'trading.fatFinger',
  z.object({
    maxDeviationPct: Decimal.nullable(),
    maxNotional: Decimal.nullable(),
    maxQuantity: Decimal.nullable(),
  }),
  DEFAULT_LIMITS as FatFingerLimits,
);

export const CANCEL_SCOPE = defineSetting(
  'trading.cancelScope',
  z.enum(CANCEL_SCOPES),
  'instrument' as CancelScope,
);

export function sizeKey(venue: string, symbol: string): string {
  return `${venue}|${symbol}`;
}
