/**
 * A ladder row's own-orders cell (one per side): the size of the user's resting orders there, the
 * queue position of the front-most one when the venue estimates it (paper: "▲12.5" with the
 * model's confidence as a letter and an opacity), and a distinct ◆ marker with the size of
 * pending stops whose trigger is on this row. The cell carries every id it shows, so a click
 * cancels them all (as for resting orders); the tooltip says what each one is.
 */
import { Num } from '../../ui/Num';
import type { QueueConfidence } from './ladder-own';

export interface OwnCellProps {
  readonly side: 'buy' | 'sell';
  readonly size: string | null;
  readonly ids: string | null;
  readonly queueAhead: string | null;
  readonly confidence: QueueConfidence | null;
  readonly stopSize: string | null;
  readonly stopIds: string | null;
  readonly stopTitle: string | null;
}

const OWN_TITLE = 'Your working order(s): click to cancel, drag to another row to reprice';
const LETTER: Record<QueueConfidence, string> = { high: 'H', medium: 'M', low: 'L' };

export function OwnCell(p: OwnCellProps) {
  const ids = [p.ids, p.stopIds].filter(Boolean).join(' ') || undefined;
  const titles = [
    p.ids ? OWN_TITLE : null,
    p.queueAhead && p.confidence
      ? `Queue: ${p.queueAhead} ahead of your order (${p.confidence} confidence)`
      : null,
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
          ◆{p.stopSize}
        </span>
      )}
      {p.size !== null && <Num value={p.size} />}
      {p.queueAhead !== null && p.confidence !== null && (
        <span className={`lq q-${p.confidence}`} data-queue={p.queueAhead} data-confidence={p.confidence}>
          ▲{p.queueAhead}
          <sup>{LETTER[p.confidence]}</sup>
        </span>
      )}
    </div>
  );
}
