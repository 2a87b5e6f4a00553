/**
 * History from SQLite: your fills (filters, CSV export), equity curves (you and the agents, from
 * portfolio snapshots) and candles from stored trade prints (several time frames, CSV export).
 * Everything comes through typed contract requests; the catalog says which venues and symbols
 * have history.
 */
import { useEffect, useState } from 'react';
import { useRequest } from '../../ipc/hooks';
import { CandlesView } from './CandlesView';
import { EquityView } from './EquityView';
import { FillsView } from './FillsView';
import './history.css';

const TABS = [
  { id: 'fills', label: 'Fills' },
  { id: 'equity', label: 'Equity' },
  { id: 'candles', label: 'Candles' },
] as const;
type Tab = (typeof TABS)[number]['id'];

export function HistoryPanel() {
  const [tab, setTab] = useState<Tab>('fills');
  const [refresh, setRefresh] = useState(0);
  // History grows while the app runs: every view asks again every 10 s (and on tab change).
  useEffect(() => {
    const id = setInterval(() => setRefresh((n) => n + 1), 10_000);
    return () => clearInterval(id);
  }, []);
  const again = () => setRefresh((n) => n + 1);
  const catalog = useRequest('history.catalog', {}, `${tab}:${refresh}`);
  const value = catalog?.ok ? catalog.value : { fillVenues: [], equityVenues: [], markets: [] };
  return (
    <section className="history" aria-label="History" data-testid="history-panel">
      <div className="tabs" role="tablist">
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            aria-selected={t.id === tab}
            data-tab={t.id}
            onClick={() => {
              setTab(t.id);
              setRefresh((n) => n + 1);
            }}
          >
            {t.label}
          </button>
        ))}
      </div>
      {tab === 'fills' && <FillsView venues={value.fillVenues} refresh={refresh} onRefresh={again} />}
      {tab === 'equity' && <EquityView venues={value.equityVenues} refresh={refresh} />}
      {tab === 'candles' && <CandlesView markets={value.markets} refresh={refresh} />}
    </section>
  );
}
