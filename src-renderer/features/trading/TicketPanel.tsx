/**
 * The order ticket for the linked instrument on its trading venue: side, limit or market, time in
 * force (GTC, IOC, FOK, POST_ONLY; market orders IOC or FOK), size (shared with ladder clicks and
 * trading keys, with presets) and price (or the touch, one click away). Orders go through the
 * shared order entry, so a price far from the touch or a size over the limits asks for a
 * confirmation first. Without a trading venue for the instrument the ticket says why and is
 * disabled. Decimal strings are sent as typed.
 */
import { useState } from 'react';
import type { VenueId } from '../../../src-shared/domain';
import { useFrameStream } from '../market/market-hooks';
import { ModifyOrder } from './ModifyOrder';
import type { LimitTif } from './order-entry';
import type { OutcomeLine } from './outcome';
import { PaperBadge } from './PaperBadge';
import { SizePresetButtons } from './SizePresetButtons';
import { TicketSettings } from './TicketSettings';
import { useTrading } from './TradingContext';
import './trading.css';

const LIMIT_TIFS = ['GTC', 'IOC', 'FOK', 'POST_ONLY'] as const;
const MARKET_TIFS = ['IOC', 'FOK'] as const;
/** How often the touch shown in the ticket refreshes. */
const TOUCH_MS = 250;

export function TicketPanel() {
  const trading = useTrading();
  const { target } = trading;
  const ready = target.status === 'ready' ? target : null;
  const [side, setSide] = useState<'buy' | 'sell'>('buy');
  const [type, setType] = useState<'limit' | 'market'>('limit');
  const [tif, setTif] = useState<LimitTif>('GTC');
  const [price, setPrice] = useState('');
  const [outcome, setOutcome] = useState<OutcomeLine | null>(null);
  const book = useFrameStream(
    'market.book',
    { venue: target.dataVenue as VenueId, symbol: target.symbol, depth: 1 },
    TOUCH_MS,
  ).data;
  const bid = book?.bids[0]?.price ?? null;
  const ask = book?.asks[0]?.price ?? null;
  const tifs: readonly LimitTif[] = type === 'market' ? MARKET_TIFS : LIMIT_TIFS;
  const effectiveTif = tifs.includes(tif) ? tif : 'IOC';
  const disabled = !ready || ready.blocked !== null;
  const reason = ready ? ready.blocked : target.status === 'ready' ? null : target.reason;

  const place = () =>
    trading.submit(
      { kind: 'place', side, type, tif: effectiveTif, ...(type === 'limit' ? { price } : {}) },
      setOutcome,
    );

  return (
    <section className="panel-body scroll" aria-label="Order ticket" data-testid="ticket">
      <div className="trade-head">
        <h3>Ticket</h3>
        <strong data-testid="ticket-target">
          {ready ? `${ready.venue} ${ready.symbol}` : target.symbol}
        </strong>
        {ready && <PaperBadge />}
        {ready?.twin && <span className="muted">paper twin of {ready.dataVenue}</span>}
      </div>
      {reason && (
        <div className="pad warn-line" data-testid="ticket-unavailable" role="status">
          {reason}
        </div>
      )}
      <form
        className="trade-form"
        onSubmit={(e) => {
          e.preventDefault();
          place();
        }}
      >
        <fieldset disabled={disabled} className="contents">
          <span>Side</span>
          <div className="side-toggle" role="group" aria-label="Side">
            {(['buy', 'sell'] as const).map((s) => (
              <button
                key={s}
                type="button"
                className={s}
                aria-pressed={side === s}
                onClick={() => setSide(s)}
              >
                {s === 'buy' ? 'Buy' : 'Sell'}
              </button>
            ))}
          </div>
          <label htmlFor="ticket-type">Type</label>
          <select
            id="ticket-type"
            value={type}
            onChange={(e) => setType(e.target.value as 'limit' | 'market')}
          >
            <option value="limit">Limit</option>
            <option value="market">Market</option>
          </select>
          <label htmlFor="ticket-tif">Time in force</label>
          <select id="ticket-tif" value={effectiveTif} onChange={(e) => setTif(e.target.value as LimitTif)}>
            {tifs.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
          <label htmlFor="ticket-quantity">Size</label>
          <input
            id="ticket-quantity"
            inputMode="decimal"
            autoComplete="off"
            value={trading.size}
            onChange={(e) => trading.setSize(e.target.value)}
          />
          <span className="muted">Presets</span>
          <SizePresetButtons />
          <label htmlFor="ticket-price">Price</label>
          <div className="price-row">
            <input
              id="ticket-price"
              inputMode="decimal"
              autoComplete="off"
              value={type === 'market' ? '' : price}
              disabled={type === 'market'}
              placeholder={type === 'market' ? 'market' : ''}
              onChange={(e) => setPrice(e.target.value)}
            />
            <button
              type="button"
              className="touch bid"
              disabled={type === 'market' || bid === null}
              onClick={() => bid && setPrice(bid)}
              title="Use the best bid"
              data-testid="ticket-bid"
            >
              {bid ?? '—'}
            </button>
            <button
              type="button"
              className="touch ask"
              disabled={type === 'market' || ask === null}
              onClick={() => ask && setPrice(ask)}
              title="Use the best ask"
              data-testid="ticket-ask"
            >
              {ask ?? '—'}
            </button>
          </div>
          <div className="actions">
            <button type="submit" className={`primary ${side}`} data-testid="ticket-submit">
              {side === 'buy' ? 'Buy' : 'Sell'}
            </button>
            <button type="button" data-testid="ticket-flatten" onClick={() => trading.flatten(setOutcome)}>
              Flatten
            </button>
            <button
              type="button"
              data-testid="ticket-cancel-all"
              title={`Cancel all: ${trading.scopeText}`}
              onClick={() => trading.cancelAll(setOutcome)}
            >
              Cancel all
            </button>
          </div>
        </fieldset>
      </form>
      {outcome && (
        <div className={`pad outcome ${outcome.kind}`} data-testid="ticket-outcome" role="status">
          {outcome.text}
        </div>
      )}
      {ready && <ModifyOrder venue={ready.venue} onOutcome={setOutcome} />}
      <TicketSettings />
    </section>
  );
}
