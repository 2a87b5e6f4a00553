/** Connector listeners: called in subscription order, a disposer unsubscribes one, `clear` all. */
import { describe, expect, it } from 'vitest';
import { ConnectorListeners, type Trade } from '../../../../src-main/venues/kit';

describe('ConnectorListeners', () => {
  it('notifies subscribers in order until disposed or cleared', () => {
    const events = new ConnectorListeners();
    const heard: string[] = [];
    const trade = { symbol: 'BTC-USD' } as Trade;
    const stopA = events.onTrades((t) => heard.push(`a:${t.length}`));
    events.onTrades((t) => heard.push(`b:${t.length}`));
    events.onBookChange((s) => heard.push(`book:${s}`));
    events.emitTrades([trade, trade]);
    events.emitBookChange('ETH-USD');
    stopA();
    events.emitTrades([trade]);
    events.clear();
    events.emitTrades([trade]);
    events.emitBookChange('ETH-USD');
    expect(heard).toEqual(['a:2', 'b:2', 'book:ETH-USD', 'b:1']);
  });
});
