/**
 * The venue's own accounts: "you" (the human user) and one per built-in agent, registered and
 * funded through the command pipeline the first time they are missing (so they are journaled like
 * everything else). A built-in agent gets its cash plus, for every instrument it trades, base worth
 * `inventory` at that instrument's initial price (rounded down to the asset's decimals).
 */
import type { SimSettings } from '../config/sim-settings';
import { Dec, toDecimalString } from '../core/num';
import type { BuiltinAgent } from './agents';
import type { SimVenue } from './venue';

export function bootstrapAccounts(
  venue: SimVenue,
  settings: SimSettings,
  agents: readonly BuiltinAgent[],
  assetDecimals: (asset: string) => number,
): { userAgentId: string } {
  const quote = settings.instruments[0]!.quote;
  const user = venue.ensureAccount('user', 'you', [[quote, settings.userCapital]]);
  if (!user.ok) throw new Error(`cannot open your sim account: ${user.error.message}`);
  for (const agent of agents) {
    const deposits: Array<[string, string]> = [[quote, agent.settings.capital]];
    const inventory = new Dec(agent.settings.inventory);
    if (inventory.gt(0)) {
      for (const symbol of agent.symbols) {
        const instrument = settings.instruments.find((i) => i.symbol === symbol)!;
        const amount = inventory
          .div(instrument.initialPrice)
          .toDecimalPlaces(assetDecimals(instrument.base), Dec.ROUND_DOWN);
        deposits.push([instrument.base, toDecimalString(amount)]);
      }
    }
    const opened = venue.ensureAccount('builtin', agent.name, deposits);
    if (!opened.ok) throw new Error(`cannot open sim agent ${agent.name}: ${opened.error.message}`);
    agent.agentId = opened.value.agentId;
  }
  return { userAgentId: user.value.agentId };
}
