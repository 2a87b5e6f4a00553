/**
 * A plain order ticket on the linked instrument (the simulated venue by default): side, limit or
 * market, time in force (GTC, IOC, FOK, POST_ONLY; market orders IOC or FOK), size and price, plus
 * modifying one of your open orders (new price and/or total quantity, or cancel), flatten and cancel
 * all. Prices and sizes are sent as typed, as decimal strings; the venue answers with an outcome
 * shown under the form.
 */
import { useState } from 'react';
import type { InstrumentSelection } from '../../../src-shared/contract';
import { useClient, useRequest, useStream } from '../../ipc/hooks';
import { useSelect } from '../instrument/selection';
import { describeOutcome, type OutcomeLine } from './outcome';
import { PaperBadge } from './PaperBadge';
import { useTradingTarget } from './venue';
import './trading.css';

const LIMIT_TIFS = ['GTC', 'IOC', 'FOK', 'POST_ONLY'] as const;
const MARKET_TIFS = ['IOC', 'FOK'] as const;
type Tif = (typeof LIMIT_TIFS)[number];

export function TicketPanel() {
  const client = useClient();
  const target = useTradingTarget();
  const select = useSelect();
  const instruments = useRequest('market.instruments', {
    venue: target.venue as InstrumentSelection['venue'],
  });
  const [side, setSide] = useState<'buy' | 'sell'>('buy');
  const [type, setType] = useState<'limit' | 'market'>('limit');
  const [tif, setTif] = useState<Tif>('GTC');
  const [price, setPrice] = useState('');
  const [quantity, setQuantity] = useState('');
  const [outcome, setOutcome] = useState<OutcomeLine | null>(null);
  const venue = target.venue as InstrumentSelection['venue'];
  const tifs: readonly Tif[] = type === 'market' ? MARKET_TIFS : LIMIT_TIFS;
  const effectiveTif = tifs.includes(tif) ? tif : 'IOC';

  const place = async () => {
    const result = await client.call('trading.place', {
      venue,
      symbol: target.symbol,
      side,
      type,
      tif: effectiveTif,
      quantity: quantity.trim(),
      ...(type === 'limit' ? { price: price.trim() } : {}),
    });
    setOutcome(describeOutcome(side === 'buy' ? 'Buy' : 'Sell', result));
  };

  return (
    <section className="panel-body scroll" aria-label="Order ticket" data-testid="ticket">
      <div className="trade-head">
        <h3>Ticket</h3>
        <strong>
          {target.venue} {target.symbol}
        </strong>
        <PaperBadge show={target.isPaper} />
      </div>
      <form
        className="trade-form"
        onSubmit={(e) => {
          e.preventDefault();
          void place();
        }}
      >
        <label htmlFor="ticket-symbol">Instrument</label>
        <select
          id="ticket-symbol"
          value={target.symbol}
          onChange={(e) => select({ venue, symbol: e.target.value } as InstrumentSelection)}
        >
          {(instruments?.ok ? instruments.value : [{ symbol: target.symbol }]).map((i) => (
            <option key={i.symbol} value={i.symbol}>
              {i.symbol}
            </option>
          ))}
        </select>
        <span>Side</span>
        <div className="side-toggle" role="group" aria-label="Side">
          {(['buy', 'sell'] as const).map((s) => (
            <button key={s} type="button" className={s} aria-pressed={side === s} onClick={() => setSide(s)}>
              {s === 'buy' ? 'Buy' : 'Sell'}
            </button>
          ))}
        </div>
        <label htmlFor="ticket-type">Type</label>
        <select id="ticket-type" value={type} onChange={(e) => setType(e.target.value as 'limit' | 'market')}>
          <option value="limit">Limit</option>
          <option value="market">Market</option>
        </select>
        <label htmlFor="ticket-tif">Time in force</label>
        <select id="ticket-tif" value={effectiveTif} onChange={(e) => setTif(e.target.value as Tif)}>
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
          value={quantity}
          onChange={(e) => setQuantity(e.target.value)}
        />
        <label htmlFor="ticket-price">Price</label>
        <input
          id="ticket-price"
          inputMode="decimal"
          value={type === 'market' ? '' : price}
          disabled={type === 'market'}
          placeholder={type === 'market' ? 'market' : ''}
          onChange={(e) => setPrice(e.target.value)}
        />
        <div className="actions">
          <button type="submit" className={side} data-testid="ticket-submit">
            {side === 'buy' ? 'Buy' : 'Sell'} {target.symbol}
          </button>
          <button
            type="button"
            onClick={() =>
              void client
                .call('trading.flatten', { venue, symbol: target.symbol })
                .then((r) => setOutcome(describeOutcome('Flatten', r)))
            }
          >
            Flatten
          </button>
          <button
            type="button"
            onClick={() =>
              void client
                .call('trading.cancelAll', { venue })
                .then((r) => setOutcome(describeOutcome('Cancel all', r)))
            }
          >
            Cancel all
          </button>
        </div>
      </form>
      <ModifyOrder venue={venue} onOutcome={setOutcome} />
      {outcome && (
        <div className={`pad outcome ${outcome.kind}`} data-testid="ticket-outcome" role="status">
          {outcome.text}
        </div>
      )}
    </section>
  );
}

/** Amend or cancel one of your open orders. */
function ModifyOrder({
  venue,
  onOutcome,
}: {
  venue: InstrumentSelection['venue'];
  onOutcome: (line: OutcomeLine) => void;
}) {
  const client = useClient();
  const orders = useStream('trading.orders', { venue });
  const open = orders.data?.orders ?? [];
  const [chosen, setChosen] = useState('');
  const [price, setPrice] = useState('');
  const [quantity, setQuantity] = useState('');
  const orderId = open.some((o) => o.orderId === chosen) ? chosen : (open[0]?.orderId ?? '');
  return (
    <form
      className="trade-form"
      aria-label="Modify an open order"
      onSubmit={(e) => {
        e.preventDefault();
        void client
          .call('trading.amend', {
            venue,
            orderId,
            ...(price.trim() ? { price: price.trim() } : {}),
            ...(quantity.trim() ? { quantity: quantity.trim() } : {}),
          })
          .then((r) => onOutcome(describeOutcome('Amend', r)));
      }}
    >
      <label htmlFor="modify-order">Open order</label>
      <select
        id="modify-order"
        value={orderId}
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
        <button type="submit" disabled={!orderId} data-testid="ticket-amend">
          Amend
        </button>
        <button
          type="button"
          disabled={!orderId}
          data-testid="ticket-cancel"
          onClick={() =>
            void client
              .call('trading.cancel', { venue, orderId })
              .then((r) => onOutcome(describeOutcome('Cancel', r)))
          }
        >
          Cancel order
        </button>
      </div>
    </form>
  );
}
