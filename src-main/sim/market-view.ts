/**
 * The read-only market the built-in agents see: instruments with their grids, the touch, balances
 * in smallest units, the model's fair values and the news feed. Reads only; trading goes through
 * the venue port.
 */
import type { Engine } from '../core/engine';
import type { AgentInstrument, MarketView } from './agents';
import type { MarketModel, SimNews } from './market-model';

export class EngineMarketView implements MarketView {
  readonly instruments: readonly AgentInstrument[];
  private readonly bySymbol: Map<string, AgentInstrument>;
  private published = 0;
  private readonly recent: SimNews[] = [];

  constructor(
    private readonly engine: Engine,
    private readonly model: MarketModel,
  ) {
    this.instruments = engine.instrumentIds().map((id) => {
      const info = engine.instrument(id)!;
      const quoteUnit = 10 ** -info.quoteDecimals;
      return {
        symbol: id,
        base: info.base,
        quote: info.quote,
        grid: info.grid,
        minLots: info.minQty,
        baseUnitsPerLot: info.baseUnitsPerLot,
        quotePerTickLot: info.unitsPerTickLot * quoteUnit,
        quoteUnit,
      };
    });
    this.bySymbol = new Map(this.instruments.map((i) => [i.symbol, i]));
  }

  instrument(symbol: string): AgentInstrument {
    const found = this.bySymbol.get(symbol);
    if (!found) throw new Error(`no sim instrument ${symbol}`);
    return found;
  }

  fair(symbol: string): number {
    return this.model.fairTicks(symbol);
  }

  bestBid(symbol: string): number | null {
    return this.engine.bestBid(symbol);
  }

  bestAsk(symbol: string): number | null {
    return this.engine.bestAsk(symbol);
  }

  mid(symbol: string): number {
    const bid = this.engine.bestBid(symbol);
    const ask = this.engine.bestAsk(symbol);
    return bid !== null && ask !== null ? (bid + ask) / 2 : this.model.fairTicks(symbol);
  }

  balance(agentId: string, asset: string): { free: number; locked: number } {
    const account = /^a\d+$/.test(agentId) ? Number(agentId.slice(1)) : -1;
    return this.engine.balance(account, asset);
  }

  /** Records a published item (the driver calls this; agents read it on their next turn). */
  record(item: SimNews): void {
    this.published += 1;
    this.recent.push(item);
    if (this.recent.length > 100) this.recent.shift();
  }

  /** Continues the count after a restart (items already read are not offered again). */
  setNewsCount(count: number): void {
    this.published = count;
  }

  get newsCount(): number {
    return this.published;
  }

  newsSince(seen: number): SimNews[] {
    const missing = this.published - seen;
    if (missing <= 0) return [];
    return this.recent.slice(Math.max(0, this.recent.length - missing));
  }
}
