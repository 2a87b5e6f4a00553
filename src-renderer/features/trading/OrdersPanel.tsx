/** Your open orders on the trading venue, each with a cancel button. */
import type { InstrumentSelection } from '../../../src-shared/contract';
import { useClient, useStream } from '../../ipc/hooks';
import { formatUtcTime } from '../../ui/format';
import { PaperBadge } from './PaperBadge';
import { useTradingTarget } from './venue';
import './trading.css';

export function OrdersPanel() {
  const client = useClient();
  const target = useTradingTarget();
  const venue = target.venue as InstrumentSelection['venue'];
  const stream = useStream('trading.orders', { venue });
  const orders = stream.data?.orders ?? [];
  return (
    <section className="panel-body scroll" aria-label="Open orders" data-testid="orders-panel">
      <div className="trade-head">
        <h3>Open orders</h3>
        <span className="muted">{venue}</span>
        <PaperBadge show={target.isPaper} />
      </div>
      {stream.error && <div className="error">{stream.error.message}</div>}
      <table className="grid">
        <thead>
          <tr>
            <th>Id</th>
            <th>Time</th>
            <th>Symbol</th>
            <th>Side</th>
            <th>Type</th>
            <th className="num">Price</th>
            <th className="num">Size</th>
            <th className="num">Filled</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {orders.map((o) => (
            <tr key={o.orderId} data-order-id={o.orderId}>
              <td className="muted">{o.orderId}</td>
              <td className="muted">{formatUtcTime(o.time)}</td>
              <td>{o.symbol}</td>
              <td className={o.side}>{o.side}</td>
              <td>
                {o.orderType} {o.timeInForce}
              </td>
              <td className="num" data-field="price">
                {o.price ?? ''}
              </td>
              <td className="num" data-field="quantity">
                {o.quantity}
              </td>
              <td className="num">{o.filledQuantity}</td>
              <td>
                <button
                  type="button"
                  className="ghost"
                  onClick={() => void client.call('trading.cancel', { venue, orderId: o.orderId })}
                >
                  Cancel
                </button>
              </td>
            </tr>
          ))}
          {orders.length === 0 && (
            <tr>
              <td colSpan={9} className="muted">
                no open orders
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </section>
  );
}
