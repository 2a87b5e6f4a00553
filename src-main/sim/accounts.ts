/**
 * Who owns each engine account of the simulated venue, derived only from engine events (so a
 * journal replay rebuilds it exactly): the label says the kind ("user:you", "agent:<name>" for the
 * venue's own agents, "bot:<name>" for agents registered through the gateway), and deposits give
 * the starting capital in quote units (base deposits valued at the instrument's initial price, the
 * venue's genesis fact). Agent ids are "a<account id>", stable across restarts.
 */
import { Dec } from '../core/num';

export type AccountKind = 'user' | 'builtin' | 'external';

export interface SimAccount {
  readonly account: number;
  readonly agentId: string;
  readonly name: string;
  readonly kind: AccountKind;
  /** Quote units deposited (base deposits at initial prices). */
  startingUnits: bigint;
}

const PREFIX: Record<AccountKind, string> = { user: 'user:', builtin: 'agent:', external: 'bot:' };

export function accountLabel(kind: AccountKind, name: string): string {
  return `${PREFIX[kind]}${name}`;
}

export function agentIdOf(account: number): string {
  return `a${account}`;
}

/** The account id in an agent id, or null when it is not one. */
export function accountOf(agentId: string): number | null {
  const m = /^a([1-9][0-9]{0,9})$/.exec(agentId);
  return m ? Number(m[1]) : null;
}

/** Value of one base asset's smallest units in quote units, from genesis prices. */
export interface DepositValuation {
  readonly quote: string;
  readonly quoteDecimals: number;
  /** asset -> [initial price as a decimal string, asset decimals] */
  readonly basePrices: ReadonlyMap<string, readonly [string, number]>;
}

export class AccountBook {
  private readonly byAccount = new Map<number, SimAccount>();
  private readonly byLabel = new Map<string, SimAccount>();

  constructor(private readonly valuation: DepositValuation) {}

  registered(account: number, label: string): SimAccount {
    const colon = label.indexOf(':');
    const prefix = label.slice(0, colon + 1);
    const kind = (Object.keys(PREFIX) as AccountKind[]).find((k) => PREFIX[k] === prefix) ?? 'external';
    const entry: SimAccount = {
      account,
      agentId: agentIdOf(account),
      name: label.slice(colon + 1),
      kind,
      startingUnits: 0n,
    };
    this.byAccount.set(account, entry);
    this.byLabel.set(label, entry);
    return entry;
  }

  funded(account: number, asset: string, units: number, withdrawal: boolean): void {
    const entry = this.byAccount.get(account);
    if (!entry) return;
    const value = this.quoteValue(asset, units);
    entry.startingUnits += withdrawal ? -value : value;
  }

  get(account: number): SimAccount | undefined {
    return this.byAccount.get(account);
  }

  byAgentId(agentId: string): SimAccount | undefined {
    const account = accountOf(agentId);
    return account === null ? undefined : this.byAccount.get(account);
  }

  /** The account of that kind and name (names are unique per kind, not across kinds). */
  named(kind: AccountKind, name: string): SimAccount | undefined {
    return this.byLabel.get(accountLabel(kind, name));
  }

  all(): SimAccount[] {
    return [...this.byAccount.values()];
  }

  private quoteValue(asset: string, units: number): bigint {
    const v = this.valuation;
    if (asset === v.quote) return BigInt(units);
    const priced = v.basePrices.get(asset);
    if (!priced) return 0n;
    const [price, decimals] = priced;
    const value = new Dec(units).mul(price).mul(new Dec(10).pow(v.quoteDecimals - decimals));
    return BigInt(value.floor().toFixed());
  }
}
