/** The store writer's worker, run from TypeScript source through a tsx bootstrap (tests only). */
import { resolve } from 'node:path';
import type { WorkerScript } from '../../src-main/store/writer/client';

export const SOURCE_WORKER: WorkerScript = {
  file: resolve(import.meta.dirname, 'ts-worker.mjs'),
  argv: [resolve(import.meta.dirname, '../../src-main/app/store-writer-thread.ts')],
};
