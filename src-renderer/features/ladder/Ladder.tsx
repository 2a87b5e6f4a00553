/**
 * The price ladder's grid, presentational only: one row per price on the grid, columns
 * own buys | bid size | price | ask size | own sells. Trading is wired through callbacks the
 * container passes in (phase 2 connects them to the trading contract): a click on the bid side
 * buys at that row's price, on the ask side sells (with the market modifier, at market), a click
 * on an own order cancels it, dragging one to another row reprices it. Until trading is available
 * and armed the cells are inert. Rows are memoised on their content, so a new book view re-renders
 * only the rows whose numbers changed.
 */
import { memo, useRef } from 'react';
import { Num } from '../../ui/Num';
import type { LadderRow } from './ladder-math';

export interface LadderTrading {
  /** True once the trading contract exists for this venue. */
  readonly available: boolean;
  /** Shown as the arm switch's tooltip while unavailable. */
  readonly unavailableReason: string;
  /** One-click trading is off until armed, every session. */
  readonly armed: boolean;
  onArm?(armed: boolean): void;
  /** Bid side = buy, ask side = sell; `market` when the market modifier (Ctrl/⌘) was held. */
  onLevelClick?(side: 'buy' | 'sell', price: string, options: { market: boolean }): void;
  onOwnOrderClick?(ids: readonly string[]): void;
  onOwnOrderDrag?(ids: readonly string[], toPrice: string): void;
}

export const INERT_TRADING: LadderTrading = {
  available: false,
  unavailableReason: 'Trading from the ladder arrives with the trading contract (phase 2)',
  armed: false,
};

export interface LadderGridProps {
  readonly rows: readonly LadderRow[];
  readonly trading: LadderTrading;
}

export function LadderGrid({ rows, trading }: LadderGridProps) {
  const live = trading.available && trading.armed;
  // Events are delegated to the grid, so rows carry no callbacks and keep stable props.
  const drag = useRef<{ ids: readonly string[] } | null>(null);

  const onClick = (e: React.MouseEvent<HTMLDivElement>) => {
    if (!live) return;
    const cell = (e.target as HTMLElement).closest<HTMLElement>('[data-cell]');
    const row = cell?.closest<HTMLElement>('[data-price]');
    if (!cell || !row) return;
    const price = row.dataset.price!;
    const t = trading;
    const kind = cell.dataset.cell;
    if (kind === 'bid') t.onLevelClick?.('buy', price, { market: e.ctrlKey || e.metaKey });
    else if (kind === 'ask') t.onLevelClick?.('sell', price, { market: e.ctrlKey || e.metaKey });
    else if ((kind === 'own-buy' || kind === 'own-sell') && cell.dataset.ids) {
      t.onOwnOrderClick?.(cell.dataset.ids.split(' '));
    }
  };
  const onPointerDown = (e: React.PointerEvent<HTMLDivElement>) => {
    const cell = (e.target as HTMLElement).closest<HTMLElement>('[data-ids]');
    drag.current = live && cell?.dataset.ids ? { ids: cell.dataset.ids.split(' ') } : null;
  };
  const onPointerUp = (e: React.PointerEvent<HTMLDivElement>) => {
    const from = drag.current;
    drag.current = null;
    const row = (e.target as HTMLElement).closest<HTMLElement>('[data-price]');
    const origin = from && (e.target as HTMLElement).closest<HTMLElement>('[data-ids]');
    if (from && row && !origin) trading.onOwnOrderDrag?.(from.ids, row.dataset.price!);
  };

  return (
    <div
      className={`ladder-grid ${live ? 'armed' : 'inert'}`}
      role="grid"
      aria-label="Price ladder"
      onClick={onClick}
      onPointerDown={onPointerDown}
      onPointerUp={onPointerUp}
    >
      {rows.map((row) => (
        <Row key={row.index} {...rowProps(row)} />
      ))}
    </div>
  );
}

interface RowProps {
  readonly index: number;
  readonly priceText: string;
  readonly bid: string | null;
  readonly ask: string | null;
  readonly bidRatio: number;
  readonly askRatio: number;
  readonly best: 'bid' | 'ask' | null;
  readonly zone: string;
  readonly ownBuy: string | null;
  readonly ownBuyIds: string | null;
  readonly ownSell: string | null;
  readonly ownSellIds: string | null;
  readonly last: 'buy' | 'sell' | null;
}

function rowProps(row: LadderRow): RowProps {
  return {
    index: row.index,
    priceText: row.priceText,
    bid: row.bid,
    ask: row.ask,
    bidRatio: row.bidRatio,
    askRatio: row.askRatio,
    best: row.best,
    zone: row.zone,
    ownBuy: row.ownBuy?.size ?? null,
    ownBuyIds: row.ownBuy?.ids.join(' ') ?? null,
    ownSell: row.ownSell?.size ?? null,
    ownSellIds: row.ownSell?.ids.join(' ') ?? null,
    last: row.lastTrade,
  };
}

const Row = memo(function Row(p: RowProps) {
  const classes = ['lrow', `z-${p.zone}`, p.best ? `best-${p.best}` : '', p.last ? `last-${p.last}` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div
      className={classes}
      role="row"
      data-row={p.index}
      data-price={p.priceText}
      data-best={p.best ?? undefined}
    >
      <div className="lcell own own-buy" data-cell="own-buy" data-ids={p.ownBuyIds ?? undefined}>
        <Num value={p.ownBuy} />
      </div>
      <div className="lcell size bid" data-cell="bid">
        {p.bid !== null && <i className="bar" style={{ '--r': p.bidRatio } as React.CSSProperties} />}
        <Num value={p.bid} />
      </div>
      <div className="lcell price" data-cell="price">
        {p.priceText}
      </div>
      <div className="lcell size ask" data-cell="ask">
        {p.ask !== null && <i className="bar" style={{ '--r': p.askRatio } as React.CSSProperties} />}
        <Num value={p.ask} />
      </div>
      <div className="lcell own own-sell" data-cell="own-sell" data-ids={p.ownSellIds ?? undefined}>
        <Num value={p.ownSell} />
      </div>
    </div>
  );
});
