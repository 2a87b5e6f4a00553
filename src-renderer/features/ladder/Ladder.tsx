/**
 * The price ladder's grid, presentational only: one row per price on the grid, columns
 * own buys | bid size | price | ask size | own sells. Own cells also carry pending stops on their
 * trigger row (OwnCell); on a resting paper order's row the book size gives way to its queue
 * position (QueueMark). What a click or drag means is decided by
 * `ladder-intent` (bid side buys, ask side sells, Shift = market, a click on an own order cancels
 * it, dragging one to another row reprices it; nothing but a hint until trading is available and
 * armed) and handed to the container. Rows are memoised on their content, so a new book view
 * re-renders only the rows whose numbers changed.
 */
import { memo, useRef, useState } from 'react';
import { Num } from '../../ui/Num';
import { OwnCell, QueueMark, queueTitle } from './OwnCell';
import { clickIntent, dragIntent, type LadderIntent } from './ladder-intent';
import type { LadderRow } from './ladder-math';
import type { QueueConfidence } from './ladder-own';

export interface LadderTrading {
  /** True when the linked instrument has a trading venue that takes orders. */
  readonly available: boolean;
  /** Shown as the arm switch's tooltip (and as the hint of a click) while unavailable. */
  readonly unavailableReason: string;
  /** One-click trading is off until armed, every session. */
  readonly armed: boolean;
  onArm?(armed: boolean): void;
  /** A click or drag that means something (an order, a cancel, an amend, or a hint). */
  onIntent?(intent: LadderIntent): void;
  /** The size a click sends (the ticket's), shown in the controls. */
  readonly size?: string;
  /** The latest hint or order outcome, shown under the controls. */
  readonly notice?: { readonly kind: string; readonly text: string } | null;
}

export const INERT_TRADING: LadderTrading = {
  available: false,
  unavailableReason: 'No trading venue for this instrument',
  armed: false,
};

export interface LadderGridProps {
  readonly rows: readonly LadderRow[];
  readonly trading: LadderTrading;
}

interface Drag {
  readonly ids: string;
  readonly price: string;
}

const rowOf = (e: { target: EventTarget }) => (e.target as HTMLElement).closest<HTMLElement>('[data-price]');

export function LadderGrid({ rows, trading }: LadderGridProps) {
  const live = trading.available && trading.armed;
  // Events are delegated to the grid, so rows carry no callbacks and keep stable props.
  const drag = useRef<Drag | null>(null);
  const [dropPrice, setDropPrice] = useState<string | null>(null);

  const onClick = (e: React.MouseEvent<HTMLDivElement>) => {
    const cell = (e.target as HTMLElement).closest<HTMLElement>('[data-cell]');
    const intent = clickIntent(
      { cell: cell?.dataset.cell, price: cell ? rowOf(e)?.dataset.price : undefined, ids: cell?.dataset.ids },
      { market: e.shiftKey },
      trading,
    );
    if (intent) trading.onIntent?.(intent);
  };
  const onPointerDown = (e: React.PointerEvent<HTMLDivElement>) => {
    const cell = (e.target as HTMLElement).closest<HTMLElement>('[data-ids]');
    const price = rowOf(e)?.dataset.price;
    drag.current = cell?.dataset.ids && price ? { ids: cell.dataset.ids, price } : null;
  };
  const onPointerMove = (e: React.PointerEvent<HTMLDivElement>) => {
    if (!drag.current || e.buttons === 0) return;
    const price = rowOf(e)?.dataset.price ?? null;
    const next = price === drag.current.price ? null : price;
    if (next !== dropPrice) setDropPrice(next);
  };
  const onPointerUp = (e: React.PointerEvent<HTMLDivElement>) => {
    const from = drag.current;
    drag.current = null;
    setDropPrice(null);
    if (!from) return;
    const intent = dragIntent(from, rowOf(e)?.dataset.price, trading);
    if (intent) trading.onIntent?.(intent);
  };

  return (
    <div
      className={`ladder-grid ${live ? 'armed' : 'inert'} ${dropPrice ? 'dragging' : ''}`}
      role="grid"
      aria-label="Price ladder"
      onClick={onClick}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerLeave={() => {
        drag.current = null;
        setDropPrice(null);
      }}
    >
      {rows.map((row) => (
        <Row key={row.index} {...rowProps(row)} drop={row.priceText === dropPrice} />
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
  readonly ownBuyQueue: string | null;
  readonly ownBuyConfidence: QueueConfidence | null;
  readonly ownSellQueue: string | null;
  readonly ownSellConfidence: QueueConfidence | null;
  readonly stopBuy: string | null;
  readonly stopBuyIds: string | null;
  readonly stopBuyTitle: string | null;
  readonly stopSell: string | null;
  readonly stopSellIds: string | null;
  readonly stopSellTitle: string | null;
  readonly last: 'buy' | 'sell' | null;
  readonly drop?: boolean;
}

function rowProps(row: LadderRow): Omit<RowProps, 'drop'> {
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
    ownBuyQueue: row.ownBuy?.queue?.ahead ?? null,
    ownBuyConfidence: row.ownBuy?.queue?.confidence ?? null,
    ownSellQueue: row.ownSell?.queue?.ahead ?? null,
    ownSellConfidence: row.ownSell?.queue?.confidence ?? null,
    stopBuy: row.stopBuy?.size ?? null,
    stopBuyIds: row.stopBuy?.ids.join(' ') ?? null,
    stopBuyTitle: row.stopBuy?.labels.join('; ') ?? null,
    stopSell: row.stopSell?.size ?? null,
    stopSellIds: row.stopSell?.ids.join(' ') ?? null,
    stopSellTitle: row.stopSell?.labels.join('; ') ?? null,
    last: row.lastTrade,
  };
}

const Row = memo(function Row(p: RowProps) {
  const classes = [
    'lrow',
    `z-${p.zone}`,
    p.best ? `best-${p.best}` : '',
    p.last ? `last-${p.last}` : '',
    p.drop ? 'drop' : '',
  ]
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
      <OwnCell
        side="buy"
        size={p.ownBuy}
        ids={p.ownBuyIds}
        queue={p.ownBuyQueue && p.ownBuyConfidence ? queueTitle(p.ownBuyQueue, p.ownBuyConfidence) : null}
        stopSize={p.stopBuy}
        stopIds={p.stopBuyIds}
        stopTitle={p.stopBuyTitle}
      />
      <div className="lcell size bid" data-cell="bid">
        {p.bid !== null && <i className="bar" style={{ '--r': p.bidRatio } as React.CSSProperties} />}
        {p.ownBuyQueue !== null && p.ownBuyConfidence !== null ? (
          <QueueMark ahead={p.ownBuyQueue} confidence={p.ownBuyConfidence} book={p.bid} />
        ) : (
          <Num value={p.bid} />
        )}
      </div>
      <div className="lcell price" data-cell="price">
        {p.priceText}
      </div>
      <div className="lcell size ask" data-cell="ask">
        {p.ask !== null && <i className="bar" style={{ '--r': p.askRatio } as React.CSSProperties} />}
        {p.ownSellQueue !== null && p.ownSellConfidence !== null ? (
          <QueueMark ahead={p.ownSellQueue} confidence={p.ownSellConfidence} book={p.ask} />
        ) : (
          <Num value={p.ask} />
        )}
      </div>
      <OwnCell
        side="sell"
        size={p.ownSell}
        ids={p.ownSellIds}
        queue={p.ownSellQueue && p.ownSellConfidence ? queueTitle(p.ownSellQueue, p.ownSellConfidence) : null}
        stopSize={p.stopSell}
        stopIds={p.stopSellIds}
        stopTitle={p.stopSellTitle}
      />
    </div>
  );
});
