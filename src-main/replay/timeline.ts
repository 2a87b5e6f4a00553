/**
 * One ordered stream of what happened during a recording: the raw frames of its live venues
 * (receipt order) merged with the simulated venue's journal entries of the session, by time; on a
 * tie frames come first. Read a page at a time. The order is a pure function of the recording, so
 * every replay walks the same sequence, and `position` counts the items taken.
 */
import type { JournalRow } from '../store/read/journal';
import type { StoredFrame } from '../store/read/recordings';
import type { ReplaySource } from './source';

export type TimelineItem =
  | { readonly kind: 'frame'; readonly at: number; readonly frame: StoredFrame }
  | { readonly kind: 'sim'; readonly at: number; readonly row: JournalRow };

const PAGE = 2000;

export class Timeline {
  private frames: StoredFrame[] = [];
  private frameAt = 0;
  private lastFrameId = 0;
  private framesDone = false;
  private rows: JournalRow[] = [];
  private rowAt = 0;
  private lastSeq: number;
  private rowsDone: boolean;
  private taken = 0;

  constructor(private readonly source: ReplaySource) {
    this.lastSeq = source.recording.sim?.fromSeq ?? 0;
    this.rowsDone = source.recording.sim === null;
  }

  /** Items in the whole recording. */
  get total(): number {
    const sim = this.source.recording.sim;
    return this.source.recording.frames + (sim ? sim.toSeq - sim.fromSeq : 0);
  }

  get position(): number {
    return this.taken;
  }

  /** The next item without taking it. */
  peek(): TimelineItem | null {
    const frame = this.peekFrame();
    const row = this.peekRow();
    if (row === null || (frame !== null && frame.tsRecv <= row.ts)) {
      return frame === null ? null : { kind: 'frame', at: frame.tsRecv, frame };
    }
    return { kind: 'sim', at: row.ts, row };
  }

  next(): TimelineItem | null {
    const item = this.peek();
    if (item === null) return null;
    if (item.kind === 'frame') this.frameAt += 1;
    else this.rowAt += 1;
    this.taken += 1;
    return item;
  }

  private peekFrame(): StoredFrame | null {
    if (this.frameAt >= this.frames.length && !this.framesDone) {
      this.frames = this.source.framePage(this.lastFrameId, PAGE);
      this.frameAt = 0;
      if (this.frames.length < PAGE) this.framesDone = true;
      const last = this.frames[this.frames.length - 1];
      if (last) this.lastFrameId = last.id;
    }
    return this.frames[this.frameAt] ?? null;
  }

  private peekRow(): JournalRow | null {
    const sim = this.source.recording.sim;
    if (sim && this.rowAt >= this.rows.length && !this.rowsDone) {
      this.rows = this.source.journalPage(this.lastSeq, sim.toSeq, PAGE);
      this.rowAt = 0;
      if (this.rows.length < PAGE) this.rowsDone = true;
      const last = this.rows[this.rows.length - 1];
      if (last) this.lastSeq = last.seq;
    }
    return this.rows[this.rowAt] ?? null;
  }
}
