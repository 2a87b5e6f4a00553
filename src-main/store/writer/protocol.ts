/** Messages between the store writer's client (main thread) and its worker thread. */
import type { WriteOp } from './ops';

export interface WorkerConfig {
  readonly dataDir: string;
  readonly nativeBinding?: string | undefined;
  /** Checkpoint (RESTART, then the WAL is truncated to journal_size_limit) once a -wal file exceeds this. */
  readonly walCheckpointBytes?: number | undefined;
}

export type ToWorker =
  | { readonly t: 'batch'; readonly ticket: number; readonly ops: readonly WriteOp[] }
  | { readonly t: 'checkpoint' }
  | { readonly t: 'close' };

export type FromWorker =
  /** `projects`: venues whose journal entries the thread turns into rows itself (projection.ts). */
  | { readonly t: 'ready'; readonly projects: readonly string[] }
  | { readonly t: 'committed'; readonly ticket: number; readonly ops: number; readonly micros: number }
  | {
      readonly t: 'failed';
      readonly ticket: number;
      readonly message: string;
      readonly sqliteCode: string | null;
    }
  | { readonly t: 'checkpointed'; readonly walPages: number }
  | { readonly t: 'closed' };
