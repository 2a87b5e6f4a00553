/**
 * Where market history goes: the store writer, for market ops only. History is worth less than the
 * ledger and never slows trading down: when the writer is backed up or has failed, ops are dropped
 * and counted (and logged once a minute), never queued without bound.
 */
import type { Clock, Logger } from '../core/ports';
import type { MarketOp } from '../store/writer/ops';

/** The part of StoreWriter history uses. */
export interface MarketWriter {
  readonly accepting: boolean;
  /** Queues ops; returns the ticket covering them. */
  write(ops: readonly MarketOp[]): number;
  /** Settles once everything up to `ticket` is committed (or the writer failed). */
  whenCommitted(ticket: number): Promise<unknown>;
}

export class MarketSink {
  private droppedOps = 0;
  private writtenOps = 0;
  private lastWarning = -Infinity;
  private lastTicket = 0;

  constructor(
    private readonly writer: MarketWriter,
    private readonly clock: Clock,
    private readonly log: Logger,
  ) {}

  get dropped(): number {
    return this.droppedOps;
  }

  get written(): number {
    return this.writtenOps;
  }

  /** Queues ops as one group; false (and counted) when the writer cannot take them now. */
  write(ops: readonly MarketOp[]): boolean {
    if (ops.length === 0) return true;
    if (!this.writer.accepting) {
      this.droppedOps += ops.length;
      const now = this.clock.now();
      if (now - this.lastWarning >= 60_000) {
        this.lastWarning = now;
        this.log.warn('market history dropped: storage is behind or failed', { dropped: this.droppedOps });
      }
      return false;
    }
    this.lastTicket = this.writer.write(ops);
    this.writtenOps += ops.length;
    return true;
  }

  /** Settles once every op written so far is committed (or the writer failed: history is best-effort). */
  async committed(): Promise<void> {
    await this.writer.whenCommitted(this.lastTicket);
  }
}
