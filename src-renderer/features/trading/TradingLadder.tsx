/**
 * The ladder panel with trading: the user's working orders on the target venue for the linked
 * instrument (and only that instrument) on their rows (paper orders with their queue position),
 * pending stops and bracket legs on their trigger price's row, and the ladder's clicks and drags turned
 * into orders, cancels and amends through the shared order entry (arm switch, fat-finger check).
 */
import { useMemo } from 'react';
import type { VenueId } from '../../../src-shared/domain';
import type { LadderIntent } from '../ladder/ladder-intent';
import type { OwnOrderInput, StopInput } from '../ladder/ladder-math';
import { LadderPanel } from '../ladder/LadderPanel';
import type { LadderTrading } from '../ladder/Ladder';
import { useFrameStream } from '../market/market-hooks';
import { isUnfired, orderTypeText } from './blotter-rows';
import { useTrading } from './TradingContext';

export function TradingLadderPanel() {
  const trading = useTrading();
  const { target } = trading;
  const venue = target.status === 'ready' ? target.venue : null;
  const orders = useFrameStream('trading.orders', venue ? { venue: venue as VenueId } : null);
  const list = orders.data?.orders;
  const mine = useMemo(
    () => (list ?? []).filter((o) => o.symbol === target.symbol && o.status === 'open'),
    [list, target.symbol],
  );
  // A trigger that has not fired rests nowhere: its limit price is not a working order's row.
  const own = useMemo<OwnOrderInput[]>(
    () =>
      mine
        .filter((o) => o.price !== undefined && !isUnfired(o))
        .map((o) => ({
          id: o.orderId,
          side: o.side,
          price: o.price!,
          remaining: o.remainingQuantity,
          ...(o.queue ? { queue: o.queue } : {}),
        })),
    [mine],
  );
  const stops = useMemo<StopInput[]>(
    () =>
      mine.filter(isUnfired).map((o) => ({
        id: o.orderId,
        side: o.side,
        triggerPrice: o.trigger!.triggerPrice,
        remaining: o.remainingQuantity,
        label: `${orderTypeText(o)}${o.trigger!.state === 'waiting_entry' ? ' (awaits its entry)' : ''}`,
      })),
    [mine],
  );
  const { armed, setArmed, notice, size, submit, cancelOrders, notify } = trading;
  const props = useMemo<LadderTrading>(() => {
    const onIntent = (intent: LadderIntent) => {
      switch (intent.kind) {
        case 'hint':
          return notify('hint', intent.text);
        case 'place':
          return submit({
            kind: 'place',
            side: intent.side,
            type: intent.type,
            ...(intent.type === 'limit' ? { price: intent.price } : {}),
          });
        case 'cancel':
          return cancelOrders(intent.ids);
        case 'amend': {
          const refs = own
            .filter((o) => intent.ids.includes(o.id))
            .map((o) => ({ orderId: o.id, side: o.side, price: o.price, remaining: o.remaining }));
          return submit({ kind: 'amend', orders: refs, price: intent.price });
        }
      }
    };
    const available = target.status === 'ready' && !target.blocked;
    return {
      available,
      unavailableReason: target.status === 'ready' ? (target.blocked ?? '') : target.reason,
      armed,
      onArm: setArmed,
      onIntent,
      size,
      notice,
    };
  }, [target, armed, setArmed, size, notice, own, submit, cancelOrders, notify]);
  return <LadderPanel trading={props} ownOrders={own} stops={stops} />;
}
