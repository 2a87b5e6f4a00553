/**
 * The venues the user can trade on, by venue id: each is a VenuePort (the simulated venue today;
 * paper venues over live prices later) plus the user's own agent on it. The trading service and its
 * streams work against this registry only, so a new venue needs no change to them.
 */
import type { VenuePort, VenueResult } from '../gateway/venue-port';

export interface TradingVenueEntry {
  readonly venueId: string;
  readonly name: string;
  readonly kind: 'simulated' | 'paper';
  readonly port: VenuePort;
  /** The human user's agent on this venue; null while the venue is not ready. */
  userAgentId(): string | null;
  /** Why the venue takes no orders right now, or null. */
  unavailableReason(): string | null;
}

export type TradingRegistry = ReadonlyMap<string, TradingVenueEntry>;

/** Awaits a port answer whether it came synchronously or as a Promise. */
export async function settle<T>(answer: VenueResult<T> | Promise<VenueResult<T>>): Promise<VenueResult<T>> {
  return answer;
}
