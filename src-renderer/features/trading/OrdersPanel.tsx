/**
 * Your working orders on the trading venue: price and size edit in place (Enter amends; a smaller
 * size keeps queue priority, a new price re-queues), a cancel button per row, and the linked
 * instrument's orders first. Amends pass the fat-finger check like new orders.
 */
import type { TradingOrder } from '../../../src-shared/contract';
import type { VenueId } from '../../../src-shared/domain';
import { formatUtcTime } from '../../ui/format';
import { useFrameStream } from '../market/market-hooks';
import { InlineEdit } from './InlineEdit';
import { useTrading } from './TradingContext';
import { TradingPanelHead } from './TradingPanelHead';
import './trading.css';

export function OrdersPanel() {
  const trading = useTrading();
  const { target } = trading;
  const venue = target.status === 'ready' ? target.venue : null;
  const stream = useFrameStream('trading.orders', venue ? { venue: venue as VenueId } : null);
  const orders = [...(stream.data?.orders ?? [])].sort(
    (a, b) => Number(b.symbol === target.symbol) - Number(a.symbol === target.symbol) || b.time - a.time,
  );
  const amend = (o: TradingOrder, change: { price?: string; quantity?: string }) =>
    trading.submit({
      kind: 'amend',
      orders: [
        {
          orderId: o.orderId,
          side: o.side,
          remaining: o.remainingQuantity,
          ...(o.price ? { price: o.price } : {}),
        },
      ],
      ...change,
    });
  return (
    <section className="panel-body scroll" aria-label="Open orders" data-testid="orders-panel">
      <TradingPanelHead title="Open orders" target={target}>
        <span className="spacer" />
        {orders.length > 0 && (
          <button
            type="button"
            className="ghost"
            onClick={() => trading.cancelAll()}
            title={`Cancel all: ${trading.scopeText}`}
          >
            Cancel all ({trading.scope})
          </button>
        )}
      </TradingPanelHead>
      {stream.error && <div className="error">{stream.error.message}</div>}
      <table className="grid compact">
        <thead>
          <tr>
            <th aria-label="Cancel" />
            <th>Id</th>
            <th>Symbol</th>
            <th>Side</th>
            <th>Type</th>
            <th className="num">Price</th>
            <th className="num">Size</th>
            <th className="num">Filled</th>
            <th className="num">Left</th>
            <th>Time</th>
          </tr>
        </thead>
        <tbody>
          {orders.map((o) => (
            <tr
              key={o.orderId}
              data-order-id={o.orderId}
              className={o.symbol === target.symbol ? 'linked' : ''}
            >
              <td>
                <button
                  type="button"
                  className="ghost cancel-x"
                  data-testid="order-cancel"
                  aria-label={`Cancel order ${o.orderId}`}
                  title="Cancel this order"
                  onClick={() => trading.cancelOrders([o.orderId])}
                >
                  ×
                </button>
              </td>
              <td className="muted num">{o.orderId}</td>
              <td>{o.symbol}</td>
              <td className={o.side}>{o.side}</td>
              <td>
                {o.orderType} {o.timeInForce}
              </td>
              <td className="num">
                {o.price === undefined ? (
                  <span data-field="price">market</span>
                ) : (
                  <InlineEdit
                    value={o.price}
                    label="Price"
                    field="price"
                    onCommit={(price) => amend(o, { price })}
                  />
                )}
              </td>
              <td className="num">
                <InlineEdit
                  value={o.quantity}
                  label="Size"
                  field="quantity"
                  onCommit={(quantity) => amend(o, { quantity })}
                />
              </td>
              <td className="num">{o.filledQuantity}</td>
              <td className="num">{o.remainingQuantity}</td>
              <td className="muted num">{formatUtcTime(o.time)}</td>
            </tr>
          ))}
          {orders.length === 0 && (
            <tr>
              <td colSpan={10} className="muted">
                no open orders
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </section>
  );
}
