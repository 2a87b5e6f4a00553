/**
 * Your cash, equity and PnL on the trading venue, and your positions: quantity, average cost, the
 * mark (the live book's mid, else the last trade, else the venue's mark), unrealised PnL at that
 * mark (recomputed here as the book moves) and realised PnL (the venue's, from every fill).
 */
import type { TradingPortfolio } from '../../../src-shared/contract';
import type { VenueId } from '../../../src-shared/domain';
import { useFrameStream, useTradeFeed } from '../market/market-hooks';
import { roundForDisplay } from './order-math';
import { markOf, unrealizedPnl } from './pnl';
import { useTrading } from './TradingContext';
import { TradingPanelHead } from './TradingPanelHead';
import './trading.css';

/** Marks refresh at most this often per position. */
const MARK_MS = 250;

const sign = (value: string | null | undefined) => (value?.startsWith('-') ? 'negative' : 'positive');
const money = (value: string | null | undefined) => (value ? roundForDisplay(value, 2) : '');

export function PortfolioPanel() {
  const { target } = useTrading();
  const venue = target.status === 'ready' ? target.venue : null;
  const stream = useFrameStream('trading.portfolio', venue ? { venue: venue as VenueId } : null);
  const equity = useFrameStream('trading.equity', venue ? { venue: venue as VenueId } : null);
  const p = stream.data;
  const points = equity.data?.points ?? [];
  return (
    <section className="panel-body scroll" aria-label="Portfolio" data-testid="portfolio-panel">
      <TradingPanelHead title="Portfolio" target={target} />
      {p && (
        <dl className="kv">
          <dt>Cash</dt>
          <dd data-testid="portfolio-cash">
            {money(p.cash)} {p.quoteAsset}
          </dd>
          <dt>Locked</dt>
          <dd>{money(p.lockedCash)}</dd>
          <dt>Equity</dt>
          <dd data-testid="portfolio-equity">{money(p.equity)}</dd>
          <dt>PnL</dt>
          <dd className={sign(p.pnl)}>{money(p.pnl)}</dd>
          <dt>Realised (net of fees)</dt>
          <dd className={sign(p.realizedPnl)} data-testid="portfolio-realized">
            {money(p.realizedPnl ?? '0')}
          </dd>
          <dt>Unrealised (venue marks)</dt>
          <dd className={sign(p.unrealizedPnl)}>{money(p.unrealizedPnl ?? '0')}</dd>
          <dt>Equity samples</dt>
          <dd className="muted">
            {points.length === 0 ? 'none yet' : `${points.length}, last ${money(points.at(-1)!.equity)}`}
          </dd>
        </dl>
      )}
      <table className="grid compact">
        <thead>
          <tr>
            <th>Symbol</th>
            <th className="num">Qty</th>
            <th className="num" title="Average cost">
              Avg
            </th>
            <th className="num" title="The live book's mid, else the last trade, else the venue's mark">
              Mark
            </th>
            <th className="num" title="Unrealised PnL at the mark">
              uPnL
            </th>
            <th className="num" title="Realised PnL (the venue's, net of fees)">
              rPnL
            </th>
          </tr>
        </thead>
        <tbody>
          {target.status === 'ready' &&
            (p?.positions ?? []).map((x) => (
              <PositionRow key={x.symbol} position={x} dataVenue={target.dataVenue} />
            ))}
          {(p?.positions.length ?? 0) === 0 && (
            <tr>
              <td colSpan={6} className="muted">
                no positions
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </section>
  );
}

function PositionRow({
  position: x,
  dataVenue,
}: {
  position: TradingPortfolio['positions'][number];
  dataVenue: string;
}) {
  const book = useFrameStream(
    'market.book',
    { venue: dataVenue as VenueId, symbol: x.symbol, depth: 1 },
    MARK_MS,
  ).data;
  const last = useTradeFeed(dataVenue as VenueId, x.symbol, MARK_MS).trades[0]?.price ?? null;
  const mark = markOf({
    bestBid: book?.bids[0]?.price ?? null,
    bestAsk: book?.asks[0]?.price ?? null,
    last,
    venueMark: x.markPrice ?? null,
  });
  const unrealized = unrealizedPnl(x.quantity, x.averageCost ?? null, mark?.price ?? null);
  return (
    <tr data-position={x.symbol}>
      <td>{x.symbol}</td>
      <td className="num" data-field="quantity">
        {x.quantity}
      </td>
      <td className="num">{x.averageCost ?? ''}</td>
      <td
        className="num"
        data-field="mark"
        data-source={mark?.source}
        title={mark ? `marked at the ${mark.source === 'venue' ? "venue's mark" : mark.source}` : ''}
      >
        {mark?.price ?? ''}
      </td>
      <td className={`num ${sign(unrealized)}`} data-field="unrealized">
        {money(unrealized)}
      </td>
      <td className={`num ${sign(x.realizedPnl)}`} data-field="realized">
        {money(x.realizedPnl)}
      </td>
    </tr>
  );
}
