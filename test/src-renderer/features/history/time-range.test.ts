import { describe, expect, it } from 'vitest';
import { rangeOf, utcInputToMillis } from '../../../../src-renderer/features/history/time-range';

describe('history date range (UTC inputs)', () => {
  it('reads datetime-local values as UTC', () => {
    expect(utcInputToMillis('2026-03-01T12:30')).toBe(Date.UTC(2026, 2, 1, 12, 30));
    expect(utcInputToMillis('2026-03-01T12:30:15')).toBe(Date.UTC(2026, 2, 1, 12, 30, 15));
    expect(utcInputToMillis('  ')).toBeUndefined();
  });

  it.each(['2026-02-30T00:00', '2026-13-01T00:00', 'yesterday', '2026-03-01 12:30'])('refuses %j', (text) => {
    expect(utcInputToMillis(text)).toBeNull();
  });

  it('makes "to" include its whole minute and refuses an inverted range', () => {
    expect(rangeOf('2026-03-01T12:00', '2026-03-01T12:00')).toEqual({
      from: Date.UTC(2026, 2, 1, 12),
      to: Date.UTC(2026, 2, 1, 12) + 59_999,
    });
    expect(rangeOf('', '')).toEqual({});
    expect(rangeOf('2026-03-02T00:00', '2026-03-01T00:00')).toBe('From is after To');
    expect(rangeOf('x', '')).toBe('From is not a date and time');
  });
});
