/** The strategies by name, and the parameter names each accepts (settings are checked against them). */
import type { SimAgentSettings, Strategy } from '../../config/sim-settings';
import type { BuiltinAgent } from './agent';
import { MarketMaker, MARKET_MAKER_DEFAULTS } from './market-maker';
import { Momentum, MOMENTUM_DEFAULTS } from './momentum';
import { NewsTrader, NEWS_DEFAULTS } from './news-trader';
import { NoiseTaker, NOISE_DEFAULTS } from './noise-taker';

export { BuiltinAgent, type AgentContext, type AgentInstrument, type MarketView } from './agent';

export const STRATEGY_DEFAULTS: Record<Strategy, Record<string, number>> = {
  'market-maker': MARKET_MAKER_DEFAULTS,
  noise: NOISE_DEFAULTS,
  momentum: MOMENTUM_DEFAULTS,
  news: NEWS_DEFAULTS,
};

/** Builds an agent; throws (a settings error) on an unknown parameter name. */
export function createAgent(settings: SimAgentSettings, symbols: readonly string[]): BuiltinAgent {
  const defaults = STRATEGY_DEFAULTS[settings.strategy];
  const unknown = Object.keys(settings.params).filter((k) => !(k in defaults));
  if (unknown.length > 0) {
    throw new Error(
      `sim agent ${settings.name}: unknown ${settings.strategy} parameter(s) ${unknown.join(', ')}`,
    );
  }
  switch (settings.strategy) {
    case 'market-maker':
      return new MarketMaker(settings, symbols, MARKET_MAKER_DEFAULTS);
    case 'noise':
      return new NoiseTaker(settings, symbols, NOISE_DEFAULTS);
    case 'momentum':
      return new Momentum(settings, symbols, MOMENTUM_DEFAULTS);
    case 'news':
      return new NewsTrader(settings, symbols, NEWS_DEFAULTS);
  }
}
