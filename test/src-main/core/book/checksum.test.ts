import { describe, expect, it } from 'vitest';
import { crc32, crc32Signed, L2Book, okxChecksum, okxChecksumString } from '../../../../src-main/core/book';
import { Grid } from '../../../../src-main/core/num';
import type { DecimalString } from '../../../../src-shared/domain';

describe('crc32', () => {
  it('matches the OKX documentation vectors (signed)', () => {
    expect(crc32Signed('3366.1:7:3366.8:9:3366:6:3368:8')).toBe(-1881014294);
    expect(crc32Signed('3366.1:7:3366.8:9:3368:8:3372:8')).toBe(831078360);
  });
  it('matches the standard check value', () => {
    expect(crc32('123456789')).toBe(0xcbf43926);
    expect(crc32('')).toBe(0);
  });
});

describe('okxChecksum', () => {
  const grid = new Grid({ tickSize: '0.1' as DecimalString, lotSize: '1' as DecimalString });
  it('interleaves bids and asks and appends the longer side alone', () => {
    const book = new L2Book(grid);
    book.applySnapshot(
      [
        { price: '3366.1', size: '7' },
        { price: '3366', size: '6' },
      ],
      [
        { price: '3366.8', size: '9' },
        { price: '3368', size: '8' },
        { price: '3372', size: '8' },
      ],
    );
    expect(okxChecksumString(book)).toBe('3366.1:7:3366.8:9:3366:6:3368:8:3372:8');
  });

  it('uses the strings as received (30316 is not 30316.0)', () => {
    const a = new L2Book(grid);
    a.applySnapshot(
      [
        { price: '3366.1', size: '7' },
        { price: '3366', size: '6' },
      ],
      [
        { price: '3366.8', size: '9' },
        { price: '3368', size: '8' },
      ],
    );
    expect(okxChecksum(a)).toBe(-1881014294);
    const b = new L2Book(grid);
    b.applySnapshot(
      [
        { price: '3366.1', size: '7' },
        { price: '3366.0', size: '6' },
      ],
      [
        { price: '3366.8', size: '9' },
        { price: '3368', size: '8' },
      ],
    );
    expect(okxChecksum(b)).not.toBe(-1881014294);
  });

  it('covers only the top 25 levels per side', () => {
    const book = new L2Book(grid);
    const bids = Array.from({ length: 30 }, (_, i) => ({ price: String(1000 - i), size: '1' }));
    book.applySnapshot(bids, []);
    const before = okxChecksum(book);
    book.applyDelta([{ price: '971', size: '5' }], []); // 30th level
    expect(okxChecksum(book)).toBe(before);
    book.applyDelta([{ price: '976', size: '5' }], []); // 25th level
    expect(okxChecksum(book)).not.toBe(before);
  });
});
