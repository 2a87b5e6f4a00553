/**
 * The top bar's trading line: what orders go to (venue and symbol, PAPER, or why there is no
 * target), the arm switch, the cancel-all scope (click or Alt+Shift+C cycles it) and the last
 * notice (a hint or an order's outcome), so key and ladder actions always answer somewhere.
 */
import { ArmSwitch } from './ArmSwitch';
import { PaperBadge } from './PaperBadge';
import { useTrading } from './TradingContext';
import './strip.css';

export function TradingStrip() {
  const { target, scopeText, cycleScope, notice, size } = useTrading();
  const ready = target.status === 'ready' ? target : null;
  const reason = target.status === 'ready' ? '' : target.reason;
  return (
    <div className="trading-strip" data-testid="trading-strip">
      {ready ? (
        <span
          className="strip-target"
          data-testid="trading-target"
          title={ready.twin ? `paper twin of ${ready.dataVenue}` : ''}
        >
          <span className="muted">trades on</span> {ready.venue} {ready.symbol}
        </span>
      ) : (
        <span className="strip-target warn" data-testid="trading-target" title={reason}>
          no trading: {reason}
        </span>
      )}
      {ready && <PaperBadge />}
      {ready && (
        <span
          className="muted strip-size"
          data-testid="strip-size"
          title="Order size used by ladder clicks and trading keys"
        >
          size {size || '—'}
        </span>
      )}
      <ArmSwitch />
      <button
        type="button"
        className="ghost scope"
        data-testid="cancel-scope"
        onClick={cycleScope}
        title="Cancel all (Shift+C) reaches this; click or Alt+Shift+C for the next scope"
      >
        cancel scope: <strong>{scopeText}</strong>
      </button>
      {notice && (
        <span
          className={`strip-notice ${notice.kind}`}
          data-testid="trading-notice"
          role="status"
          title={notice.text}
        >
          {notice.text}
        </span>
      )}
    </div>
  );
}
