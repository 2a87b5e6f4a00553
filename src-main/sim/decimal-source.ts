/**
 * Instruments with memoizing grids (see cached-grid.ts) and asset decimals, for the processor and
 * views. Its own module so the store writer's projector (projector.ts) builds the very same source
 * without pulling in the venue's runtime.
 */
import type { Engine } from '../core/engine';
import { CachedGrid } from './cached-grid';
import type { DecimalSource } from './processor';

export function decimalSource(engine: Engine): DecimalSource {
  const infos = new Map(
    engine.instrumentIds().map((id) => {
      const info = engine.instrument(id)!;
      return [id, { ...info, grid: CachedGrid.of(info.grid) }] as const;
    }),
  );
  return {
    instrument: (id: string) => infos.get(id) ?? engine.instrument(id)!,
    assetDecimals: (asset: string) => engine.assetDecimals(asset)!,
  };
}
