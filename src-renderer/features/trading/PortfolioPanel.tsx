/** Your cash, equity, PnL and positions on the trading venue, with the latest equity samples. */
import type { InstrumentSelection } from '../../../src-shared/contract';
import { useStream } from '../../ipc/hooks';
import { PaperBadge } from './PaperBadge';
import { useTradingTarget } from './venue';
import './trading.css';

const sign = (value: string | undefined) => (value?.startsWith('-') ? 'negative' : 'positive');

export function PortfolioPanel() {
  const target = useTradingTarget();
  const venue = target.venue as InstrumentSelection['venue'];
  const stream = useStream('trading.portfolio', { venue });
  const equity = useStream('trading.equity', { venue });
  const p = stream.data;
  const points = equity.data?.points ?? [];
  return (
    <section className="panel-body scroll" aria-label="Portfolio" data-testid="portfolio-panel">
      <div className="trade-head">
        <h3>Portfolio</h3>
        <span className="muted">{venue}</span>
        <PaperBadge show={target.isPaper} />
      </div>
      {p && (
        <dl className="kv">
          <dt>Cash</dt>
          <dd data-testid="portfolio-cash">
            {p.cash} {p.quoteAsset}
          </dd>
          <dt>Locked</dt>
          <dd>{p.lockedCash}</dd>
          <dt>Equity</dt>
          <dd data-testid="portfolio-equity">{p.equity}</dd>
          <dt>PnL</dt>
          <dd className={sign(p.pnl)}>{p.pnl}</dd>
          <dt>Realised (net of fees)</dt>
          <dd className={sign(p.realizedPnl)}>{p.realizedPnl ?? '0'}</dd>
          <dt>Unrealised</dt>
          <dd className={sign(p.unrealizedPnl)}>{p.unrealizedPnl ?? '0'}</dd>
          <dt>Equity samples</dt>
          <dd className="muted">
            {points.length === 0 ? 'none yet' : `${points.length}, last ${points.at(-1)!.equity}`}
          </dd>
        </dl>
      )}
      <table className="grid">
        <thead>
          <tr>
            <th>Symbol</th>
            <th className="num">Quantity</th>
            <th className="num">Avg cost</th>
            <th className="num">Mark</th>
            <th className="num">Unrealised</th>
          </tr>
        </thead>
        <tbody>
          {(p?.positions ?? []).map((x) => (
            <tr key={x.symbol} data-position={x.symbol}>
              <td>{x.symbol}</td>
              <td className="num">{x.quantity}</td>
              <td className="num">{x.averageCost ?? ''}</td>
              <td className="num">{x.markPrice ?? ''}</td>
              <td className={`num ${sign(x.unrealizedPnl)}`}>{x.unrealizedPnl ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
