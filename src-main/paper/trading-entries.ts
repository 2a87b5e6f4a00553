/**
 * Paper venues as entries of the trading registry: the user trades on `paper:<venue>` as the
 * account "you", opened with the configured starting capital the first time the venue is ready
 * (registration is idempotent: a restart finds the same account in the ledger). A venue that is
 * still waiting for its live venue simply has no user yet, and says why.
 */
import type { DecimalString } from '../../src-shared/domain';
import type { Logger } from '../core/ports';
import type { TradingVenueEntry } from '../services/trading-registry';
import type { ComposedPaper } from './compose-paper';

export const PAPER_USER_NAME = 'you';

export interface PaperEntriesDeps {
  readonly paper: ComposedPaper;
  /** Display name of a live venue id, e.g. "Binance". */
  readonly liveName: (liveVenueId: string) => string;
  readonly startingCapital: DecimalString;
  readonly log: Logger;
}

export function paperTradingEntries(deps: PaperEntriesDeps): TradingVenueEntry[] {
  return deps.paper.venues.map((port) => {
    let userAgentId: string | null = null;
    let registering = false;
    const register = () => {
      registering = true;
      void Promise.resolve(
        port.registerAgent({ name: PAPER_USER_NAME, startingCapital: deps.startingCapital }),
      ).then(
        (result) => {
          registering = false;
          if (result.ok) userAgentId = result.value.agentId;
          else deps.log.warn('paper: no user account', { venue: port.venueId, error: result.error.message });
        },
        (cause: unknown) => {
          registering = false;
          deps.log.error('paper: user registration failed', { venue: port.venueId, error: String(cause) });
        },
      );
    };
    return {
      venueId: port.venueId,
      name: `Paper · ${deps.liveName(port.venueId.slice('paper:'.length))}`,
      kind: 'paper',
      port,
      userAgentId: () => {
        // Asked for on every trading request and stream tick: the first ask after the venue became
        // ready opens the account.
        if (userAgentId === null && !registering && port.available) register();
        return userAgentId;
      },
      unavailableReason: () => deps.paper.unavailableReason(port.venueId),
    };
  });
}
