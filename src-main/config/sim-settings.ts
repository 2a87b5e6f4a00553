/**
 * The `sim` section of settings.json: the simulated venue's instruments, assets, built-in agents,
 * seed and pace. Everything has a default, so the venue is alive on first launch with no network.
 * Amounts and prices are decimal strings; strategy `params` are plain model numbers (rates, basis
 * points, counts), never prices or sizes sent to the engine.
 *
 * Changing instruments or assets after the venue has a journal only takes effect after
 * `--reset-sim` (the journal keeps the instruments it started with); agents added later are
 * registered at the next start.
 */
import { z } from 'zod';
import { DecimalStringSchema, type DecimalString } from '../../src-shared/domain';

const d = (s: string) => s as DecimalString;

const Positive = DecimalStringSchema.refine((s) => !s.startsWith('-') && /[1-9]/.test(s), 'must be > 0');
const Rate = DecimalStringSchema.refine((s) => /^0(\.\d+)?$/.test(s), 'must be a rate in [0, 1)');
const AssetId = z.string().regex(/^[A-Z][A-Z0-9]{0,11}$/, 'asset ids are upper-case, e.g. "BTC"');
const Symbol = z.string().regex(/^[A-Z][A-Z0-9]{0,11}-[A-Z][A-Z0-9]{0,11}$/, 'symbols look like "BTC-USD"');

export const SimAssetSchema = z.object({ id: AssetId, decimals: z.number().int().min(0).max(12) }).strict();

export const SimInstrumentSchema = z
  .object({
    symbol: Symbol,
    base: AssetId,
    quote: AssetId,
    tickSize: Positive,
    lotSize: Positive,
    minSize: Positive,
    makerFee: Rate.default(d('0')),
    takerFee: Rate.default(d('0')),
    /** Fair value at the first start. */
    initialPrice: Positive,
    /** Standard deviation of the fair value's log-return over one hour, e.g. "0.006" (0.6 %). */
    volatility: Rate.default(d('0.006')),
  })
  .strict();
export type SimInstrumentSettings = z.infer<typeof SimInstrumentSchema>;

export const STRATEGIES = ['market-maker', 'noise', 'momentum', 'news'] as const;
export type Strategy = (typeof STRATEGIES)[number];

/** The `params` each strategy accepts (defaults and meaning: src-main/sim/agents/<strategy>.ts). */
export const STRATEGY_PARAMS: Record<Strategy, readonly string[]> = {
  'market-maker': [
    'levels',
    'spreadBps',
    'stepBps',
    'orderNotional',
    'skewBps',
    'refreshSteps',
    'requoteBps',
    'lag',
  ],
  noise: ['ratePerSec', 'marketShare', 'minNotional', 'maxNotional', 'restSec', 'improveTicks'],
  momentum: ['fastSteps', 'slowSteps', 'thresholdBps', 'orderNotional', 'maxNotional', 'checkSteps'],
  news: ['minDelaySteps', 'maxDelaySteps', 'notional'],
};

export const SimAgentSchema = z
  .object({
    name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9 _.-]{0,31}$/, '1-32 letters, digits, space, _ . -'),
    strategy: z.enum(STRATEGIES),
    /** Starting cash in the settlement (quote) asset. */
    capital: Positive,
    /** Base of every traded instrument given at the start, worth this much at its initial price. */
    inventory: DecimalStringSchema.default(d('0')),
    /** Instruments it trades (default: all). */
    symbols: z.array(Symbol).min(1).optional(),
    paused: z.boolean().default(false),
    /** Strategy tuning; unknown keys are refused by the strategy at start-up. */
    params: z.record(z.string(), z.number().finite()).default({}),
  })
  .strict();
export type SimAgentSettings = z.infer<typeof SimAgentSchema>;

export const DEFAULT_SIM_ASSETS: z.output<typeof SimAssetSchema>[] = [
  { id: 'USD', decimals: 6 },
  { id: 'BTC', decimals: 8 },
  { id: 'ETH', decimals: 8 },
  { id: 'SOL', decimals: 6 },
  { id: 'AAPL', decimals: 4 },
  { id: 'NVDA', decimals: 4 },
];

export const DEFAULT_SIM_INSTRUMENTS: SimInstrumentSettings[] = [
  crypto('BTC', '0.01', '0.0001', '0.0001', '65000', '0.006'),
  crypto('ETH', '0.01', '0.001', '0.001', '3500', '0.008'),
  crypto('SOL', '0.001', '0.01', '0.01', '150', '0.012'),
  equity('AAPL', '190', '0.004'),
  equity('NVDA', '120', '0.007'),
];

function crypto(base: string, tick: string, lot: string, min: string, price: string, vol: string) {
  return {
    symbol: `${base}-USD`,
    base,
    quote: 'USD',
    tickSize: d(tick),
    lotSize: d(lot),
    minSize: d(min),
    makerFee: d('0.0002'),
    takerFee: d('0.0005'),
    initialPrice: d(price),
    volatility: d(vol),
  };
}

function equity(base: string, price: string, vol: string) {
  return {
    symbol: `${base}-USD`,
    base,
    quote: 'USD',
    tickSize: d('0.01'),
    lotSize: d('0.01'),
    minSize: d('0.01'),
    makerFee: d('0'),
    takerFee: d('0.0003'),
    initialPrice: d(price),
    volatility: d(vol),
  };
}

export const DEFAULT_SIM_AGENTS: z.input<typeof SimAgentSchema>[] = [
  { name: 'mm-alpha', strategy: 'market-maker', capital: d('2000000'), inventory: d('250000') },
  {
    name: 'mm-beta',
    strategy: 'market-maker',
    capital: d('2000000'),
    inventory: d('250000'),
    params: { spreadBps: 10, levels: 5, stepBps: 7, refreshSteps: 2, requoteBps: 1 },
  },
  { name: 'noise-1', strategy: 'noise', capital: d('250000'), inventory: d('25000') },
  { name: 'noise-2', strategy: 'noise', capital: d('250000'), inventory: d('25000') },
  { name: 'noise-3', strategy: 'noise', capital: d('250000'), inventory: d('25000') },
  { name: 'trend', strategy: 'momentum', capital: d('500000'), inventory: d('50000') },
  { name: 'newsdesk', strategy: 'news', capital: d('500000'), inventory: d('50000') },
];

export const SimSettingsSchema = z
  .object({
    /** All randomness (prices, news, agents) comes from this seed; `--seed <n>` overrides it. */
    seed: z.number().int().min(0).max(0xffff_ffff).default(42),
    /** Simulated time per real time: 2 runs everything twice as fast (benchmarks push ~10). */
    speed: z.number().positive().max(50).default(1),
    /** One simulation step (every agent gets a turn) per this many simulated milliseconds. */
    stepMs: z.number().int().min(10).max(1000).default(100),
    /** sqlite: journaled to the ledger and rebuilt at start; memory: gone when the app stops. */
    persistence: z.enum(['sqlite', 'memory']).default('sqlite'),
    /** Your own account's starting cash (settlement asset). */
    userCapital: Positive.default(d('100000')),
    /** Portfolio snapshots of every account are stored this often (seconds). */
    snapshotSec: z.number().int().min(1).max(3600).default(30),
    news: z
      .object({
        /** Mean seconds (simulated) between news items. */
        meanIntervalSec: z.number().positive().max(86_400).default(20),
        /** Fair-value move of a news item of sentiment ±1, e.g. "0.01" = 1 %. */
        impact: Rate.default(d('0.01')),
      })
      .strict()
      .default({ meanIntervalSec: 20, impact: d('0.01') }),
    assets: z
      .array(SimAssetSchema)
      .min(1)
      .default(() => DEFAULT_SIM_ASSETS.map((a) => ({ ...a }))),
    instruments: z
      .array(SimInstrumentSchema)
      .min(1)
      .default(() => DEFAULT_SIM_INSTRUMENTS.map((i) => ({ ...i }))),
    agents: z.array(SimAgentSchema).default(() => DEFAULT_SIM_AGENTS.map((a) => SimAgentSchema.parse(a))),
  })
  .strict()
  .superRefine((sim, ctx) => {
    const assets = new Set(sim.assets.map((a) => a.id));
    const quotes = new Set(sim.instruments.map((i) => i.quote));
    if (quotes.size !== 1)
      ctx.addIssue({ code: 'custom', message: 'every instrument must share one quote asset' });
    const symbols = new Set<string>();
    for (const i of sim.instruments) {
      if (!assets.has(i.base) || !assets.has(i.quote)) {
        ctx.addIssue({ code: 'custom', message: `${i.symbol}: assets must be listed in sim.assets` });
      }
      if (symbols.has(i.symbol))
        ctx.addIssue({ code: 'custom', message: `duplicate instrument ${i.symbol}` });
      symbols.add(i.symbol);
    }
    const names = new Set<string>(['you']);
    for (const a of sim.agents) {
      if (names.has(a.name))
        ctx.addIssue({ code: 'custom', message: `agent name "${a.name}" is used twice or reserved` });
      names.add(a.name);
      const unknown = Object.keys(a.params).filter((k) => !STRATEGY_PARAMS[a.strategy].includes(k));
      if (unknown.length > 0) {
        ctx.addIssue({
          code: 'custom',
          message: `agent ${a.name}: unknown ${a.strategy} parameter(s) ${unknown.join(', ')}`,
        });
      }
      for (const s of a.symbols ?? []) {
        if (!symbols.has(s))
          ctx.addIssue({ code: 'custom', message: `agent ${a.name}: unknown symbol ${s}` });
      }
    }
  });
export type SimSettings = z.infer<typeof SimSettingsSchema>;
