/**
 * The scope of "cancel all", pure: the linked instrument on its trading venue, every instrument
 * on that venue, or every venue the user trades on. The active scope is saved in prefs, shown in
 * the trading strip and cycled by a hotkey. Invariants: `cancelRequests` never names a venue that
 * is not in the given tradable list, and the instrument scope always carries the symbol (a
 * request without one would cancel the whole venue).
 */

export const CANCEL_SCOPES = ['instrument', 'venue', 'all'] as const;
export type CancelScope = (typeof CANCEL_SCOPES)[number];

export function nextScope(scope: CancelScope): CancelScope {
  return CANCEL_SCOPES[(CANCEL_SCOPES.indexOf(scope) + 1) % CANCEL_SCOPES.length]!;
}

export interface ScopeTarget {
  readonly venue: string;
  readonly symbol: string;
}

export interface CancelAllRequest {
  readonly venue: string;
  readonly symbol?: string;
}

/** What a cancel-all in this scope reaches, in words ("BTC-USD on sim", "everything on sim", ...). */
export function scopeLabel(scope: CancelScope, target: ScopeTarget | null): string {
  if (scope === 'all') return 'all venues';
  if (!target) return scope === 'instrument' ? 'the instrument (no trading venue)' : 'the venue (none)';
  return scope === 'instrument' ? `${target.symbol} on ${target.venue}` : `everything on ${target.venue}`;
}

/**
 * The `trading.cancelAll` requests a cancel-all sends: one for the instrument or the venue of the
 * target (nothing when there is no target on a tradable venue), or one per tradable venue.
 */
export function cancelRequests(
  scope: CancelScope,
  target: ScopeTarget | null,
  tradable: readonly string[],
): CancelAllRequest[] {
  if (scope === 'all') return [...new Set(tradable)].map((venue) => ({ venue }));
  if (!target || !tradable.includes(target.venue)) return [];
  return scope === 'instrument'
    ? [{ venue: target.venue, symbol: target.symbol }]
    : [{ venue: target.venue }];
}
