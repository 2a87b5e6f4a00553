/**
 * The fat-finger confirmation: the order as it will be sent, why it was stopped, and two buttons.
 * "Don't send" has the focus, so Enter or a stray key never sends a flagged order; Escape
 * dismisses it.
 */
import { describeWarning } from './fat-finger';
import { useTrading } from './TradingContext';
import './strip.css';

export function OrderConfirm() {
  const { pending, confirmPending, dismissPending } = useTrading();
  if (!pending) return null;
  return (
    <div className="overlay" onClick={dismissPending}>
      <div
        className="overlay-card order-confirm"
        role="alertdialog"
        aria-label="Confirm order"
        data-testid="order-confirm"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          if (e.key === 'Escape') dismissPending();
        }}
      >
        <h2>Check this order</h2>
        <p className="confirm-title num" data-testid="order-confirm-title">
          {pending.checked.title}
        </p>
        <ul className="confirm-warnings">
          {pending.checked.warnings.map((w) => (
            <li key={JSON.stringify(w)} data-warning={w.kind}>
              {describeWarning(w)}
            </li>
          ))}
        </ul>
        <div className="actions">
          <button type="button" autoFocus onClick={dismissPending} data-testid="order-confirm-dismiss">
            Don’t send
          </button>
          <button type="button" className="danger" onClick={confirmPending} data-testid="order-confirm-send">
            Send anyway
          </button>
        </div>
      </div>
    </div>
  );
}
