/** Saved book and ladder settings: grouping per instrument (tick sizes differ), book depth. */
import { z } from 'zod';
import { defineSetting } from '../prefs/panel-settings';

const PerInstrument = <T extends z.ZodType>(value: T) => z.record(z.string().max(160), value);

export const BOOK_GROUPING = defineSetting('book.grouping', PerInstrument(z.string().max(16)), {});
export const BOOK_DEPTH = defineSetting(
  'book.depth',
  z.union([z.literal(10), z.literal(20), z.literal(50)]),
  10,
);
export const LADDER_MULTIPLE = defineSetting(
  'ladder.multiple',
  PerInstrument(z.number().int().min(1).max(100_000)),
  {},
);
export const LADDER_FOLLOW = defineSetting('ladder.follow', z.boolean(), true);
