/**
 * Your working orders on the trading venue: price and size edit in place (Enter amends; a smaller
 * size keeps queue priority, a new price re-queues), a cancel button per row, and the linked
 * instrument's orders first. Amends pass the fat-finger check like new orders. Stops and bracket
 * legs show their trigger price and state (legs grouped under their entry, see blotter-rows);
 * paper and trigger orders say why they are not filling and where they stand in the queue.
 */
import type { TradingOrder } from '../../../src-shared/contract';
import type { VenueId } from '../../../src-shared/domain';
import { useFrameStream } from '../market/market-hooks';
import { blotterRows } from './blotter-rows';
import { ORDER_COLUMNS, OrderRow } from './OrderRow';
import { useTrading } from './TradingContext';
import { TradingPanelHead } from './TradingPanelHead';
import './trading.css';
import './blotter.css';

export function OrdersPanel() {
  const trading = useTrading();
  const { target } = trading;
  const venue = target.status === 'ready' ? target.venue : null;
  const stream = useFrameStream('trading.orders', venue ? { venue: venue as VenueId } : null);
  const rows = blotterRows(stream.data?.orders ?? [], target.symbol);
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
        {rows.length > 0 && (
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
            <th className="num">Trigger</th>
            <th title="Why a paper or trigger order is not filling (hover for the full sentence)">Why</th>
            <th className="num" title="Paper orders: estimated size ahead in the queue, and confidence">
              Queue
            </th>
            <th className="num">Price</th>
            <th className="num">Size</th>
            <th className="num">Filled</th>
            <th className="num">Left</th>
            <th>Time</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ order, leg }) => (
            <OrderRow
              key={order.orderId}
              order={order}
              leg={leg}
              linked={order.symbol === target.symbol}
              onCancel={(id) => trading.cancelOrders([id])}
              onAmend={amend}
            />
          ))}
          {rows.length === 0 && (
            <tr>
              <td colSpan={ORDER_COLUMNS} className="muted">
                no open orders
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </section>
  );
}
