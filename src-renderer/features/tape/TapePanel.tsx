/**
 * Trade tape of the linked instrument, newest first: time (UTC, ms), price coloured by aggressor
 * side, size. A minimum size hides small prints; prints at or above the big-print threshold are
 * highlighted. Both thresholds are decimal inputs saved per instrument.
 */
import { memo, useMemo, useState } from 'react';
import { z } from 'zod';
import type { TradeView } from '../../../src-shared/contract';
import { Num } from '../../ui/Num';
import { toDecimals } from '../../ui/decimal';
import { count, perfStats } from '../../ui/perf-stats';
import { NoInstrument } from '../instrument/NoInstrument';
import { PaperBadge } from '../instrument/ModeBadge';
import { useInstrument, type InstrumentContext } from '../instrument/use-instrument';
import { useTradeFeed } from '../market/market-hooks';
import { defineSetting, usePanelSetting } from '../prefs/panel-settings';
import { filterTape, isThresholdText, NO_THRESHOLDS, type TapeThresholds } from './tape-filter';
import './tape.css';

const THRESHOLDS = defineSetting(
  'tape.thresholds',
  z.record(z.string().max(160), z.object({ minSize: z.string().max(40), bigSize: z.string().max(40) })),
  {},
);

export function TapePanel() {
  const instrument = useInstrument();
  if (!instrument) return <NoInstrument />;
  return <TapeBody key={instrument.key} instrument={instrument} />;
}

function TapeBody({ instrument }: { instrument: InstrumentContext }) {
  count(perfStats.renders, 'Tape');
  const feed = useTradeFeed(instrument.venue, instrument.symbol);
  const [all, setAll] = usePanelSetting(THRESHOLDS);
  const thresholds = all[instrument.key] ?? NO_THRESHOLDS;
  const set = (patch: Partial<TapeThresholds>) =>
    setAll((a) => ({ ...a, [instrument.key]: { ...(a[instrument.key] ?? NO_THRESHOLDS), ...patch } }));
  const rows = useMemo(() => filterTape(feed.trades, thresholds), [feed.trades, thresholds]);
  const hidden = feed.trades.length - rows.length;
  return (
    <section className="tape" data-testid="tape-view" aria-label="Trade tape">
      <header className="panel-toolbar">
        <strong className="toolbar-symbol">{instrument.symbol}</strong>
        <PaperBadge mode={instrument.mode} />
        <span className="spacer" />
        <ThresholdInput
          label="Min size"
          aria="Minimum size"
          value={thresholds.minSize}
          onCommit={(v) => set({ minSize: v })}
        />
        <ThresholdInput
          label="Big ≥"
          aria="Big print size"
          value={thresholds.bigSize}
          onCommit={(v) => set({ bigSize: v })}
        />
      </header>
      {hidden > 0 && (
        <div className="tape-note muted" data-testid="tape-hidden">
          {hidden} smaller prints hidden
        </div>
      )}
      <div className="tape-scroll">
        <table className="tape-rows">
          <thead>
            <tr>
              <th>Time</th>
              <th>Price</th>
              <th>Size</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <Print
                key={r.trade.id}
                trade={r.trade}
                big={r.big}
                priceDecimals={instrument.priceDecimals}
                sizeDecimals={instrument.sizeDecimals}
              />
            ))}
          </tbody>
        </table>
        {feed.trades.length === 0 && (
          <div className="panel-empty muted">{feed.error?.message ?? 'no prints yet'}</div>
        )}
      </div>
    </section>
  );
}

interface PrintProps {
  readonly trade: TradeView;
  readonly big: boolean;
  readonly priceDecimals: number | undefined;
  readonly sizeDecimals: number | undefined;
}

const Print = memo(function Print({ trade, big, priceDecimals, sizeDecimals }: PrintProps) {
  const time = new Date(trade.time).toISOString().slice(11, 23);
  const price = priceDecimals === undefined ? trade.price : toDecimals(trade.price, priceDecimals);
  const size = sizeDecimals === undefined ? trade.size : toDecimals(trade.size, sizeDecimals);
  return (
    <tr className={`print ${trade.side}${big ? ' big' : ''}`} data-trade={trade.id} data-size={trade.size}>
      <td className="muted">{time}</td>
      <td className="price">{price}</td>
      <td>
        <Num value={size} />
      </td>
    </tr>
  );
});

/** A decimal input that saves only valid values (Enter or leaving the field); Escape reverts. */
function ThresholdInput(props: {
  label: string;
  aria: string;
  value: string;
  onCommit: (value: string) => void;
}) {
  const [text, setText] = useState<string | null>(null);
  const shown = text ?? props.value;
  const valid = isThresholdText(shown.trim());
  const commit = () => {
    if (text !== null && isThresholdText(text.trim())) props.onCommit(text.trim());
    setText(null);
  };
  return (
    <label className="threshold">
      <span className="muted">{props.label}</span>
      <input
        aria-label={props.aria}
        aria-invalid={!valid}
        inputMode="decimal"
        placeholder="off"
        value={shown}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') setText(null);
        }}
      />
    </label>
  );
}
