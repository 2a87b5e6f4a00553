import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvFilename, toCsv } from '../../../../src-main/services/history/csv';

/** A strict RFC 4180 reader, to check what the writer produces. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

describe('CSV export', () => {
  it('round-trips any fields through a strict reader', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string(), { minLength: 1, maxLength: 5 }).chain((header) =>
          fc.tuple(
            fc.constant(header),
            fc.array(fc.array(fc.string(), { minLength: header.length, maxLength: header.length }), {
              maxLength: 10,
            }),
          ),
        ),
        ([header, rows]) => {
          expect(parseCsv(toCsv(header, rows))).toEqual([header, ...rows]);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('quotes only fields that need it, ends lines with CRLF', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          ['1.5', 'x,y'],
          ['say "hi"', ''],
        ],
      ),
    ).toBe('a,b\r\n1.5,"x,y"\r\n"say ""hi""",\r\n');
  });

  it('makes safe file names', () => {
    expect(csvFilename(['fills', 'paper:replay:binance', 'BTC/USD'])).toBe(
      'fills-paper_replay_binance-BTC_USD.csv',
    );
  });
});
