/** The heading every blotter shares: its title, the trading venue (or why there is none), PAPER. */
import type { ReactNode } from 'react';
import { PaperBadge } from './PaperBadge';
import type { TargetResolution } from './trading-target';

export function TradingPanelHead({
  title,
  target,
  children,
}: {
  title: string;
  target: TargetResolution;
  children?: ReactNode;
}) {
  return (
    <div className="trade-head">
      <h3>{title}</h3>
      {target.status === 'ready' ? (
        <>
          <span className="muted">{target.venue}</span>
          <PaperBadge />
        </>
      ) : (
        <span className="muted">{target.reason}</span>
      )}
      {children}
    </div>
  );
}
