import { describe, expect, it } from 'vitest';
import type { TradeView } from '../../../../src-shared/contract';
import type { DecimalString } from '../../../../src-shared/domain';
import { filterTape, isThresholdText } from '../../../../src-renderer/features/tape/tape-filter';

const t = (id: string, size: string): TradeView => ({
  id,
  price: '100' as DecimalString,
  size: size as DecimalString,
  side: 'buy',
  time: 1,
});
const trades = [t('a', '0.001'), t('b', '0.5'), t('c', '2'), t('d', '10.000'), t('e', '0.1')];

describe('tape filter', () => {
  it('hides prints below the minimum and flags big ones, comparing decimals exactly', () => {
    const rows = filterTape(trades, { minSize: '0.1', bigSize: '2' });
    expect(rows.map((r) => r.trade.id)).toEqual(['b', 'c', 'd', 'e']);
    expect(rows.filter((r) => r.big).map((r) => r.trade.id)).toEqual(['c', 'd']);
  });

  it('treats empty or malformed thresholds as off', () => {
    expect(filterTape(trades, { minSize: '', bigSize: '' }).length).toBe(5);
    expect(filterTape(trades, { minSize: 'abc', bigSize: '-1' }).every((r) => !r.big)).toBe(true);
    expect(isThresholdText('')).toBe(true);
    expect(isThresholdText('1.5')).toBe(true);
    expect(isThresholdText('1.')).toBe(false);
    expect(isThresholdText('-2')).toBe(false);
  });

  it('0.1 + 0.2 style sizes compare exactly', () => {
    expect(filterTape([t('x', '0.30000000000000001')], { minSize: '0.3', bigSize: '' })).toHaveLength(1);
    expect(filterTape([t('x', '0.29999999999999999')], { minSize: '0.3', bigSize: '' })).toHaveLength(0);
  });
});
