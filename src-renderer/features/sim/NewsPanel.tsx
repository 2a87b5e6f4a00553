/** The simulated venue's news feed, newest first, with each item's sentiment. */
import { useStream } from '../../ipc/hooks';
import { formatUtcTime } from '../../ui/format';
import { PaperBadge } from '../trading/PaperBadge';
import '../trading/trading.css';

export function NewsPanel() {
  const stream = useStream('sim.news', {});
  const items = [...(stream.data?.items ?? [])].reverse();
  return (
    <section className="panel-body scroll" aria-label="News" data-testid="news-panel">
      <div className="trade-head">
        <h3>News</h3>
        <PaperBadge />
      </div>
      {items.length === 0 && <div className="pad muted">no news yet</div>}
      {items.map((n) => (
        <article key={n.id} className="news-item" data-news={n.id}>
          <div>{n.headline}</div>
          <div className="meta">
            {formatUtcTime(n.time)} · {n.symbols.join(', ')} ·{' '}
            <span className={n.sentiment.startsWith('-') ? 'negative' : 'positive'}>
              sentiment {n.sentiment}
            </span>
          </div>
        </article>
      ))}
    </section>
  );
}
