import { describe, expect, it } from 'vitest';
import type { InstrumentInfo } from '../../../../src-shared/contract';
import type { VenueId } from '../../../../src-shared/domain';
import { appError, err, ok, type Result } from '../../../../src-shared/result';
import { InstrumentCatalog } from '../../../../src-renderer/features/market/instrument-catalog';

const flush = () => new Promise((r) => setTimeout(r, 0));
const binance = 'binance' as VenueId;

describe('InstrumentCatalog', () => {
  it('fetches a venue once, shares it, and retries only after an error', async () => {
    const calls: string[] = [];
    let fail = true;
    const catalog = new InstrumentCatalog(async (venue): Promise<Result<InstrumentInfo[]>> => {
      calls.push(venue);
      if (fail) return err(appError('UNAVAILABLE', 'down'));
      return ok([
        {
          symbol: 'BTCUSDT',
          base: 'BTC',
          quote: 'USDT',
          tickSize: '0.1',
          lotSize: '0.001',
        } as InstrumentInfo,
      ]);
    });
    let changes = 0;
    catalog.subscribe(() => changes++);
    expect(catalog.get(binance).status).toBe('loading');
    expect(catalog.get(binance).status).toBe('loading');
    await flush();
    expect(calls).toEqual(['binance']);
    expect(catalog.get(binance).status).toBe('error');
    fail = false;
    catalog.retry(binance);
    await flush();
    expect(calls).toEqual(['binance', 'binance']);
    expect(catalog.find(binance, 'btcusdt')?.tickSize).toBe('0.1');
    catalog.retry(binance); // ready: nothing to retry
    expect(calls.length).toBe(2);
    expect(changes).toBe(2);
  });
});
