/**
 * Event plumbing for consumers: `TeeSink` fans one engine's events out to several sinks (e.g. the
 * ledger writer and the bots' gateway), and `toDecimalEvent` turns a recorded event's integer ticks,
 * lots and units into the decimal strings every edge (wire, contract, SQLite) speaks. Both are off the
 * engine's critical path; the conversion is exact (core/num).
 */
import type { DecimalString } from '../../../src-shared/domain';
import { fromScaled } from '../num';
import type { EngineEvent, EngineSink } from './events';
import type { InstrumentInfo } from './queries';

export class TeeSink implements EngineSink {
  constructor(private readonly sinks: readonly EngineSink[]) {}
  accountRegistered(...a: Parameters<EngineSink['accountRegistered']>): void {
    for (const s of this.sinks) s.accountRegistered(...a);
  }
  funds(...a: Parameters<EngineSink['funds']>): void {
    for (const s of this.sinks) s.funds(...a);
  }
  accepted(...a: Parameters<EngineSink['accepted']>): void {
    for (const s of this.sinks) s.accepted(...a);
  }
  rejected(...a: Parameters<EngineSink['rejected']>): void {
    for (const s of this.sinks) s.rejected(...a);
  }
  trade(...a: Parameters<EngineSink['trade']>): void {
    for (const s of this.sinks) s.trade(...a);
  }
  canceled(...a: Parameters<EngineSink['canceled']>): void {
    for (const s of this.sinks) s.canceled(...a);
  }
  amended(...a: Parameters<EngineSink['amended']>): void {
    for (const s of this.sinks) s.amended(...a);
  }
  expired(...a: Parameters<EngineSink['expired']>): void {
    for (const s of this.sinks) s.expired(...a);
  }
  level(...a: Parameters<EngineSink['level']>): void {
    for (const s of this.sinks) s.level(...a);
  }
}

/** Integer fields that hold prices, sizes or amounts, rewritten as decimal strings. */
type Decimalised<E> = {
  [K in keyof E]: K extends
    | 'price'
    | 'qty'
    | 'canceledQty'
    | 'filledQty'
    | 'leavesQty'
    | 'makerLeaves'
    | 'takerLeaves'
    | 'makerFee'
    | 'takerFee'
    | 'units'
    ? DecimalString
    : E[K];
};
export type DecimalEvent = EngineEvent extends infer E
  ? E extends EngineEvent
    ? Decimalised<E>
    : never
  : never;

export interface DecimalContext {
  instrument(id: string): InstrumentInfo | null;
  assetDecimals(id: string): number | null;
}

/**
 * The event with prices as decimal prices, quantities as base sizes and fees and funds as asset
 * amounts. A market order's accepted price (0) becomes "0". Throws for an instrument or asset the
 * context does not know (a programming error: events only name what the engine has).
 */
export function toDecimalEvent(event: EngineEvent, context: DecimalContext): DecimalEvent {
  switch (event.type) {
    case 'account':
    case 'rejected':
      return event;
    case 'funds': {
      const decimals = context.assetDecimals(event.asset);
      if (decimals === null) throw new Error(`unknown asset ${event.asset}`);
      return { ...event, units: fromScaled(BigInt(event.units), decimals) };
    }
    case 'accepted':
    case 'level': {
      const { grid } = infoOf(context, event.instrument);
      return { ...event, price: grid.ticksToPrice(event.price), qty: grid.lotsToSize(event.qty) };
    }
    case 'trade': {
      const { grid, quoteDecimals } = infoOf(context, event.instrument);
      return {
        ...event,
        price: grid.ticksToPrice(event.price),
        qty: grid.lotsToSize(event.qty),
        makerFee: fromScaled(BigInt(event.makerFee), quoteDecimals),
        takerFee: fromScaled(BigInt(event.takerFee), quoteDecimals),
        makerLeaves: grid.lotsToSize(event.makerLeaves),
        takerLeaves: grid.lotsToSize(event.takerLeaves),
      };
    }
    case 'canceled': {
      const { grid } = infoOf(context, event.instrument);
      return {
        ...event,
        canceledQty: grid.lotsToSize(event.canceledQty),
        filledQty: grid.lotsToSize(event.filledQty),
      };
    }
    case 'amended': {
      const { grid } = infoOf(context, event.instrument);
      return {
        ...event,
        price: grid.ticksToPrice(event.price),
        qty: grid.lotsToSize(event.qty),
        leavesQty: grid.lotsToSize(event.leavesQty),
      };
    }
    case 'expired':
      return { ...event, qty: infoOf(context, event.instrument).grid.lotsToSize(event.qty) };
  }
}

function infoOf(context: DecimalContext, id: string): InstrumentInfo {
  const info = context.instrument(id);
  if (info === null) throw new Error(`unknown instrument ${id}`);
  return info;
}
