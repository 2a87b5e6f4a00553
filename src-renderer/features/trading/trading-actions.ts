/**
 * The trading keys, as registered actions (rebindable, saved, listed in the cheat sheet and the
 * palette). Decision: keys that SEND an order (buy at the bid, sell at the ask, market buy/sell,
 * flatten) work only while one-click trading is armed, exactly like ladder clicks; disarmed they
 * do nothing but say so. Keys that only reduce risk or change settings (cancel all, cycling its
 * scope, size presets, arming itself) always work. Orders from keys pass the same fat-finger
 * check as the ticket. Key repeat never sends a second order.
 */
import type { Action } from '../hotkeys/action-registry';
import type { TradingApi } from './TradingContext';

export const ARM_KEY_HINT =
  'Trading keys send orders only while trading is armed (ARM switch in the top bar)';

export function tradingActions(get: () => TradingApi): Action[] {
  const action = (
    id: string,
    title: string,
    defaultKeys: string,
    run: () => void,
    extra: Partial<Action> = {},
  ): Action => ({
    id,
    title,
    group: 'Trading',
    defaultKeys,
    run,
    noRepeat: true,
    ...extra,
  });
  const armedOnly = (run: (api: TradingApi) => void) => () => {
    const api = get();
    if (api.pending) return api.notify('hint', 'Confirm or dismiss the order waiting for confirmation first');
    if (!api.armed) return api.notify('hint', ARM_KEY_HINT);
    run(api);
  };
  const join = (side: 'buy' | 'sell') =>
    armedOnly((api) => {
      const touch = api.readTouch();
      const price = side === 'buy' ? touch.bestBid : touch.bestAsk;
      if (!touch.live) return api.notify('hint', 'The book is not live: no order from a key');
      if (price === null)
        return api.notify('hint', `There is no best ${side === 'buy' ? 'bid' : 'ask'} to join`);
      api.submit({ kind: 'place', side, type: 'limit', price });
    });
  const market = (side: 'buy' | 'sell') =>
    armedOnly((api) => {
      if (!api.readTouch().live) return api.notify('hint', 'The book is not live: no order from a key');
      api.submit({ kind: 'place', side, type: 'market' });
    });
  return [
    action('trading.arm', 'Arm / disarm one-click trading', 'Alt+Shift+KeyA', () => {
      const api = get();
      api.setArmed(!api.armed);
    }),
    action('trading.buyBid', 'Buy at the best bid (limit, joins the bid)', 'Shift+KeyB', join('buy')),
    action('trading.sellAsk', 'Sell at the best ask (limit, joins the ask)', 'Shift+KeyS', join('sell')),
    action('trading.marketBuy', 'Market buy', 'Alt+Shift+KeyB', market('buy')),
    action('trading.marketSell', 'Market sell', 'Alt+Shift+KeyS', market('sell')),
    action('trading.cancelAll', 'Cancel all', 'Shift+KeyC', () => get().cancelAll(), {
      scope: () => get().scopeText,
    }),
    action('trading.cycleScope', 'Cancel all: next scope (instrument, venue, all)', 'Alt+Shift+KeyC', () =>
      get().cycleScope(),
    ),
    action(
      'trading.flatten',
      'Flatten the linked instrument (cancel its orders, sell what is held)',
      'Shift+KeyF',
      armedOnly((api) => api.flatten()),
    ),
    ...[1, 2, 3, 4].map((n) =>
      action(`trading.sizePreset${n}`, `Order size: preset ${n}`, `Alt+Digit${n}`, () =>
        get().applyPreset(n - 1),
      ),
    ),
  ];
}
