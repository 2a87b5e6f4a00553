/** Your recent fills on the trading venue, newest first. */
import type { InstrumentSelection } from '../../../src-shared/contract';
import { useStream } from '../../ipc/hooks';
import { formatUtcTime } from '../../ui/format';
import { PaperBadge } from './PaperBadge';
import { useTradingTarget } from './venue';
import './trading.css';

export function FillsPanel() {
  const target = useTradingTarget();
  const venue = target.venue as InstrumentSelection['venue'];
  const stream = useStream('trading.fills', { venue });
  const fills = [...(stream.data?.fills ?? [])].reverse();
  return (
    <section className="panel-body scroll" aria-label="Fills" data-testid="fills-panel">
      <div className="trade-head">
        <h3>Fills</h3>
        <span className="muted">{venue}</span>
        <PaperBadge show={target.isPaper} />
      </div>
      <table className="grid">
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
              <td className="muted">{formatUtcTime(f.time)}</td>
              <td className="muted">{f.orderId}</td>
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
