/** Your recent fills on the trading venue, newest first. */
import type { VenueId } from '../../../src-shared/domain';
import { formatUtcTime } from '../../ui/format';
import { useFrameStream } from '../market/market-hooks';
import { useTrading } from './TradingContext';
import { TradingPanelHead } from './TradingPanelHead';
import './trading.css';

export function FillsPanel() {
  const { target } = useTrading();
  const venue = target.status === 'ready' ? target.venue : null;
  const stream = useFrameStream('trading.fills', venue ? { venue: venue as VenueId } : null);
  const fills = [...(stream.data?.fills ?? [])].reverse();
  return (
    <section className="panel-body scroll" aria-label="Fills" data-testid="fills-panel">
      <TradingPanelHead title="Fills" target={target} />
      <table className="grid compact">
        <thead>
          <tr>
            <th>Time</th>
            <th>Order</th>
            <th>Symbol</th>
            <th>Side</th>
            <th className="num">Price</th>
            <th className="num">Size</th>
            <th>Liquidity</th>
            <th className="num">Fee</th>
          </tr>
        </thead>
        <tbody>
          {fills.map((f) => (
            <tr key={`${f.tradeId}:${f.orderId}`} data-fill-order={f.orderId}>
              <td className="muted num">{formatUtcTime(f.time)}</td>
              <td className="muted num">{f.orderId}</td>
              <td>{f.symbol}</td>
              <td className={f.side}>{f.side}</td>
              <td className="num">{f.price}</td>
              <td className="num">{f.quantity}</td>
              <td>{f.liquidity}</td>
              <td className="num">
                {f.fee} {f.feeAsset}
              </td>
            </tr>
          ))}
          {fills.length === 0 && (
            <tr>
              <td colSpan={8} className="muted">
                no fills yet
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </section>
  );
}
