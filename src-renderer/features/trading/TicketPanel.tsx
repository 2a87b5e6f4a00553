/**
 * The order ticket for the linked instrument on its trading venue: side, limit, market, stop
 * market or stop limit, time in force (GTC, IOC, FOK, POST_ONLY; market and stop-market orders IOC
 * or FOK), size (shared with ladder clicks and trading keys, with presets), price (or the touch,
 * one click away), a trigger price for stops and an optional bracket (take-profit / stop-loss) on
 * limit and market entries. Trigger notes (see trigger-checks) show under the form while typing:
 * they warn and never block. Orders go through the
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
import { isStopType, triggerNotes, type TicketOrderType } from './trigger-checks';
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
  const [type, setType] = useState<TicketOrderType>('limit');
  const [tif, setTif] = useState<LimitTif>('GTC');
  const [price, setPrice] = useState('');
  const [trigger, setTrigger] = useState('');
  const [takeProfit, setTakeProfit] = useState('');
  const [stopLoss, setStopLoss] = useState('');
  const [outcome, setOutcome] = useState<OutcomeLine | null>(null);
  const book = useFrameStream(
    'market.book',
    { venue: target.dataVenue as VenueId, symbol: target.symbol, depth: 1 },
    TOUCH_MS,
  ).data;
  const bid = book?.bids[0]?.price ?? null;
  const ask = book?.asks[0]?.price ?? null;
  const stop = isStopType(type);
  const priced = type === 'limit' || type === 'stop_limit';
  const tifs: readonly LimitTif[] = type === 'market' || type === 'stop_market' ? MARKET_TIFS : LIMIT_TIFS;
  const bracket = stop ? undefined : { takeProfit, stopLoss };
  const notes = triggerNotes(
    { side, type, price, triggerPrice: trigger, ...(bracket ?? {}) },
    { ...trading.readTouch(), bestBid: bid, bestAsk: ask },
  );
  const effectiveTif = tifs.includes(tif) ? tif : 'IOC';
  const disabled = !ready || ready.blocked !== null;
  const reason = ready ? ready.blocked : target.status === 'ready' ? null : target.reason;

  const place = () =>
    trading.submit(
      {
        kind: 'place',
        side,
        type,
        tif: effectiveTif,
        ...(priced ? { price } : {}),
        ...(stop ? { triggerPrice: trigger } : {}),
        ...(bracket ? { bracket } : {}),
      },
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
          <select id="ticket-type" value={type} onChange={(e) => setType(e.target.value as TicketOrderType)}>
            <option value="limit">Limit</option>
            <option value="market">Market</option>
            <option value="stop_market">Stop market</option>
            <option value="stop_limit">Stop limit</option>
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
          {stop && (
            <>
              <label htmlFor="ticket-trigger">Trigger</label>
              <input
                id="ticket-trigger"
                inputMode="decimal"
                autoComplete="off"
                value={trigger}
                placeholder="last trade reaches"
                title="A buy stop fires when the last trade rises to this price, a sell stop when it falls to it"
                onChange={(e) => setTrigger(e.target.value)}
              />
            </>
          )}
          <label htmlFor="ticket-price">{stop ? 'Limit' : 'Price'}</label>
          <div className="price-row">
            <input
              id="ticket-price"
              inputMode="decimal"
              autoComplete="off"
              value={priced ? price : ''}
              disabled={!priced}
              placeholder={priced ? '' : 'market'}
              onChange={(e) => setPrice(e.target.value)}
            />
            <button
              type="button"
              className="touch bid"
              disabled={!priced || bid === null}
              onClick={() => bid && setPrice(bid)}
              title="Use the best bid"
              data-testid="ticket-bid"
            >
              {bid ?? '—'}
            </button>
            <button
              type="button"
              className="touch ask"
              disabled={!priced || ask === null}
              onClick={() => ask && setPrice(ask)}
              title="Use the best ask"
              data-testid="ticket-ask"
            >
              {ask ?? '—'}
            </button>
          </div>
          {bracket && (
            <>
              <label
                htmlFor="ticket-take-profit"
                title="Optional bracket: exit legs, one-cancels-other, sized to what the entry fills"
              >
                Take-profit
              </label>
              <input
                id="ticket-take-profit"
                inputMode="decimal"
                autoComplete="off"
                placeholder="optional"
                value={takeProfit}
                onChange={(e) => setTakeProfit(e.target.value)}
              />
              <label htmlFor="ticket-stop-loss">Stop-loss</label>
              <input
                id="ticket-stop-loss"
                inputMode="decimal"
                autoComplete="off"
                placeholder="optional"
                value={stopLoss}
                onChange={(e) => setStopLoss(e.target.value)}
              />
            </>
          )}
          {notes.length > 0 && (
            <ul className="ticket-notes" data-testid="ticket-notes" role="status">
              {notes.map((n) => (
                <li key={n.kind} data-note={n.kind}>
                  {n.text}
                </li>
              ))}
            </ul>
          )}
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
