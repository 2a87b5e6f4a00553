/** Amend (new price and/or total size) or cancel one of your open orders from the ticket. */
import { useState } from 'react';
import type { VenueId } from '../../../src-shared/domain';
import { useFrameStream } from '../market/market-hooks';
import type { OutcomeLine } from './outcome';
import { useTrading } from './TradingContext';

export function ModifyOrder({ venue, onOutcome }: { venue: string; onOutcome: (line: OutcomeLine) => void }) {
  const trading = useTrading();
  const orders = useFrameStream('trading.orders', { venue: venue as VenueId });
  const open = orders.data?.orders ?? [];
  const [chosen, setChosen] = useState('');
  const [price, setPrice] = useState('');
  const [quantity, setQuantity] = useState('');
  const order = open.find((o) => o.orderId === chosen) ?? open[0];
  return (
    <form
      className="trade-form"
      aria-label="Modify an open order"
      onSubmit={(e) => {
        e.preventDefault();
        if (!order) return;
        trading.submit(
          {
            kind: 'amend',
            orders: [
              {
                orderId: order.orderId,
                side: order.side,
                remaining: order.remainingQuantity,
                ...(order.price === undefined ? {} : { price: order.price }),
              },
            ],
            ...(price.trim() ? { price: price.trim() } : {}),
            ...(quantity.trim() ? { quantity: quantity.trim() } : {}),
          },
          onOutcome,
        );
      }}
    >
      <label htmlFor="modify-order">Open order</label>
      <select
        id="modify-order"
        value={order?.orderId ?? ''}
        onChange={(e) => setChosen(e.target.value)}
        disabled={open.length === 0}
      >
        {open.length === 0 && <option value="">none</option>}
        {open.map((o) => (
          <option key={o.orderId} value={o.orderId}>
            #{o.orderId} {o.side} {o.remainingQuantity} {o.symbol} @ {o.price ?? 'market'}
          </option>
        ))}
      </select>
      <label htmlFor="modify-price">New price</label>
      <input id="modify-price" inputMode="decimal" value={price} onChange={(e) => setPrice(e.target.value)} />
      <label htmlFor="modify-quantity">New total size</label>
      <input
        id="modify-quantity"
        inputMode="decimal"
        value={quantity}
        onChange={(e) => setQuantity(e.target.value)}
      />
      <div className="actions">
        <button type="submit" disabled={!order} data-testid="ticket-amend">
          Amend
        </button>
        <button
          type="button"
          disabled={!order}
          data-testid="ticket-cancel"
          onClick={() => order && trading.cancelOrders([order.orderId], onOutcome)}
        >
          Cancel order
        </button>
      </div>
    </form>
  );
}
