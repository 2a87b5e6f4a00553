/**
 * One row of the open-orders blotter. Resting orders edit price and size in place; a trigger
 * order that has not fired shows its trigger price and state and is not editable (the venue
 * refuses amends of pending triggers: cancel and place again). Paper and trigger orders say why
 * they are not filling (a short label, the sentence in the tooltip); a bracket leg whose entry has
 * not filled has no size yet ("on fill"); resting paper orders show
 * the size ahead of them in the queue with the model's confidence (letter and opacity).
 */
import type { TradingOrder } from '../../../src-shared/contract';
import { formatUtcTime } from '../../ui/format';
import { isUnfired, orderTypeText, triggerStateText } from './blotter-rows';
import { InlineEdit } from './InlineEdit';
import { confidenceWords, noFillWords, queueText } from './no-fill';

export interface OrderRowProps {
  readonly order: TradingOrder;
  readonly leg: boolean;
  readonly linked: boolean;
  onCancel(orderId: string): void;
  onAmend(order: TradingOrder, change: { price?: string; quantity?: string }): void;
}

export const ORDER_COLUMNS = 13;

/** Trigger ids are long: the last digits tell them apart in a blotter; the tooltip has all. */
function shortId(id: string): string {
  return id.length > 8 ? `…${id.slice(-5)}` : id;
}

const UNSIZED = 'a bracket leg is sized to what its entry fills; nothing yet';
const FIXED = 'a pending trigger cannot be amended: cancel it and place a new one';

export function OrderRow({ order: o, leg, linked, onCancel, onAmend }: OrderRowProps) {
  const unfired = isUnfired(o);
  const unsized = o.trigger?.state === 'waiting_entry' && /^0(\.0*)?$/.test(o.quantity);
  const why = o.noFillReason === undefined ? null : noFillWords(o.noFillReason);
  const confidence = o.queue ? confidenceWords(o.queue.confidence) : null;
  const classes = [linked ? 'linked' : '', leg ? 'leg' : '', unfired ? 'unfired' : ''].filter(Boolean);
  return (
    <tr
      data-order-id={o.orderId}
      data-trigger-state={o.trigger?.state}
      data-parent-id={o.trigger?.parentOrderId}
      className={classes.join(' ')}
    >
      <td>
        <button
          type="button"
          className="ghost cancel-x"
          data-testid="order-cancel"
          aria-label={`Cancel order ${o.orderId}`}
          title={o.trigger?.siblingOrderId ? 'Cancel this leg (the other leg stays)' : 'Cancel this order'}
          onClick={() => onCancel(o.orderId)}
        >
          ×
        </button>
      </td>
      <td className="muted num">
        {leg && <span className="leg-mark">└ </span>}
        <span title={o.orderId}>{shortId(o.orderId)}</span>
      </td>
      <td>{o.symbol}</td>
      <td className={o.side}>{o.side}</td>
      <td data-field="type">
        {orderTypeText(o)} {o.timeInForce}
      </td>
      <td className="num">
        {o.trigger && (
          <>
            <span data-field="trigger">{o.trigger.triggerPrice}</span>{' '}
            <span className={`trig-state ${o.trigger.state}`} data-field="trigger-state">
              {triggerStateText(o.trigger.state)}
            </span>
          </>
        )}
      </td>
      <td>
        {why && (
          <span className="why" data-field="why" data-reason={o.noFillReason} title={why.sentence}>
            {why.label}
          </span>
        )}
      </td>
      <td className="num">
        {o.queue && confidence && (
          <span
            className={`queue q-${o.queue.confidence}`}
            data-field="queue"
            data-confidence={o.queue.confidence}
            title={`Estimated size ahead of your order at its price; ${confidence.sentence}`}
          >
            {queueText(o.queue.ahead)} <b>{confidence.letter}</b>
          </span>
        )}
      </td>
      <td className="num">
        {o.price === undefined ? (
          <span data-field="price">market</span>
        ) : unfired ? (
          <span data-field="price" title={FIXED}>
            {o.price}
          </span>
        ) : (
          <InlineEdit
            value={o.price}
            label="Price"
            field="price"
            onCommit={(price) => onAmend(o, { price })}
          />
        )}
      </td>
      <td className="num">
        {unfired ? (
          <span data-field="quantity" title={unsized ? UNSIZED : FIXED}>
            {unsized ? 'on fill' : o.quantity}
          </span>
        ) : (
          <InlineEdit
            value={o.quantity}
            label="Size"
            field="quantity"
            onCommit={(quantity) => onAmend(o, { quantity })}
          />
        )}
      </td>
      <td className="num">{o.filledQuantity}</td>
      <td className="num">{o.remainingQuantity}</td>
      <td className="muted num">{formatUtcTime(o.time)}</td>
    </tr>
  );
}
