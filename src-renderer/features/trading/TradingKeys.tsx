/** Registers the trading keys once; they read the newest trading state when they run. */
import { useLayoutEffect, useState } from 'react';
import { useActions } from '../hotkeys/HotkeysContext';
import type { Action } from '../hotkeys/action-registry';
import { tradingActions } from './trading-actions';
import { useTrading, type TradingApi } from './TradingContext';

/** The newest trading state, for actions created once and run later. */
class Latest {
  readonly actions: Action[];
  private api: TradingApi;

  constructor(api: TradingApi) {
    this.api = api;
    this.actions = tradingActions(() => this.api);
  }

  update(api: TradingApi): void {
    this.api = api;
  }
}

export function TradingKeys() {
  const api = useTrading();
  const [latest] = useState(() => new Latest(api));
  useLayoutEffect(() => latest.update(api), [latest, api]);
  useActions(latest.actions);
  return null;
}
