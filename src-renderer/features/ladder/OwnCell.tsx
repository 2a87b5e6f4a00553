/**
 * A ladder row's own-orders cell (one per side): the size of the user's resting orders there and
 * a distinct ◆ marker with the size of pending stops whose trigger is on this row (the queue
 * position is drawn in the book-size cell next to it, see QueueMark, where there is room).
 * QueueMark: on the row of a resting paper order the book size gives way to the queue position
 * ("▲12.5" and the confidence letter, fainter as confidence drops); the level's bar stays and its
 * size moves to the tooltip, since a ladder column has no room for both. The cell carries every id it shows, so a click
 * cancels them all (as for resting orders); the tooltip says what each one is.
 */
import { Num } from '../../ui/Num';
import type { QueueConfidence } from './ladder-own';

/**
 * "0.0100" -> "0.01": the marker has little room. Bracket legs awaiting their entry have no size
 * yet (they are sized to what the entry fills): the marker alone, "" here.
 */
function sized(text: string): string {
  const trimmed = text.includes('.') ? text.replace(/\.?0+$/, '') : text;
  return trimmed === '0' ? '' : trimmed;
}

export interface OwnCellProps {
  readonly side: 'buy' | 'sell';
  readonly size: string | null;
  readonly ids: string | null;
  readonly queue: string | null;
  readonly stopSize: string | null;
  readonly stopIds: string | null;
  readonly stopTitle: string | null;
}

const OWN_TITLE = 'Your working order(s): click to cancel, drag to another row to reprice';
const LETTER: Record<QueueConfidence, string> = { high: 'H', medium: 'M', low: 'L' };

/** The tooltip line of a queue position. */
export function queueTitle(ahead: string, confidence: QueueConfidence): string {
  return `Queue: ${ahead} ahead of your order (${confidence} confidence)`;
}

/** A resting paper order's queue position, in place of its row's book size (see above). */
export function QueueMark(p: { ahead: string; confidence: QueueConfidence; book: string | null }) {
  const { ahead, confidence } = p;
  return (
    <span
      className={`lq q-${confidence}`}
      data-queue={ahead}
      data-confidence={confidence}
      title={`${queueTitle(ahead, confidence)}; visible at this price: ${p.book ?? 'none'}`}
    >
      ▲{ahead}
      <sup>{LETTER[confidence]}</sup>
    </span>
  );
}

export function OwnCell(p: OwnCellProps) {
  const ids = [p.ids, p.stopIds].filter(Boolean).join(' ') || undefined;
  const titles = [
    p.ids ? OWN_TITLE : null,
    p.queue,
    p.stopTitle ? `Pending: ${p.stopTitle} (click to cancel)` : null,
  ].filter(Boolean);
  return (
    <div
      className={`lcell own own-${p.side}`}
      data-cell={`own-${p.side}`}
      data-ids={ids}
      title={titles.length ? titles.join('\n') : undefined}
    >
      {p.stopSize !== null && (
        <span className="stop-mark" data-stop-ids={p.stopIds ?? undefined}>
          ◆{sized(p.stopSize)}
        </span>
      )}
      {p.size !== null && <Num value={p.size} />}
    </div>
  );
}
