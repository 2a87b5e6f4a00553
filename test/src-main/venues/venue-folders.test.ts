/**
 * Adding a venue means one folder with the same file set as the others, and one entry in the
 * catalog: this keeps that true, and keeps every catalogued live venue backed by an adapter.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LIVE_ADAPTERS, VENUE_CATALOG } from '../../../src-main/venues/catalog';

const VENUES = resolve(import.meta.dirname, '../../../src-main/venues');
const FILE_SET = ['urls.ts', 'messages.ts', 'parse.ts', 'connector.ts'];
const folders = readdirSync(VENUES).filter((d) => d !== 'kit' && statSync(join(VENUES, d)).isDirectory());

describe('venue folders', () => {
  it.each(folders)('%s has the venue file set, and messages.ts shows sample frames', (folder) => {
    for (const file of FILE_SET)
      expect(existsSync(join(VENUES, folder, file)), `${folder}/${file}`).toBe(true);
    expect(readFileSync(join(VENUES, folder, 'messages.ts'), 'utf8')).toMatch(/\/\/ \{"/);
  });

  it('every live venue in the catalog has a folder and an adapter, and ids are unique', () => {
    const live = VENUE_CATALOG.filter((v) => v.kind === 'live');
    expect(live.map((v) => v.id).sort()).toEqual(LIVE_ADAPTERS.map((a) => a.venue).sort());
    for (const venue of live) expect(folders).toContain(venue.id);
    expect(new Set(VENUE_CATALOG.map((v) => v.id)).size).toBe(VENUE_CATALOG.length);
  });
});
