/**
 * The naive reference engine (in the style of exchange-core's OrderBookNaiveImpl): all resting orders
 * of all instruments in one array; the best maker is found by scanning the whole array (best price,
 * then earliest priority sequence) before every single fill; level aggregates are recomputed by
 * scanning; money is bigint. Written from the documented behaviour in src-main/core/engine headers, so
 * that a difference in fills, events or state hash points at a bug in one of the two.
 */
import type { EngineEvent } from '../../../../../src-main/core/engine/events';
import type { EngineCommand, EngineConfig } from '../../../../../src-main/core/engine/types';
import type { NaiveResult } from './naive-book';
import { NaiveOrders } from './naive-orders';
import { naiveStateHash } from './naive-hash';

export class NaiveEngine extends NaiveOrders {
  execute(cmd: EngineCommand): NaiveResult {
    switch (cmd.kind) {
      case 'register_account':
        return this.register(cmd);
      case 'deposit':
      case 'withdraw':
        return this.funds(cmd, cmd.kind);
      case 'place':
        return this.place(cmd);
      case 'amend':
        return this.amend(cmd);
      case 'cancel':
        return this.cancel(cmd);
      case 'cancel_all':
        return this.cancelAll(cmd);
    }
  }

  take(): EngineEvent[] {
    const events = this.events;
    this.events = [];
    return events;
  }

  stateHash(): string {
    return naiveStateHash(this);
  }

  constructor(config: EngineConfig) {
    super(config);
  }
}
