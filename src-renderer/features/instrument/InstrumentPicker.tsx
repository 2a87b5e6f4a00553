/**
 * The top bar's instrument picker: a venue and a searchable symbol list from `market.instruments`.
 * Choosing sets the linked instrument for every panel. Keyboard: `/` focuses the search, arrows
 * move, Enter picks (a symbol the list does not know is taken as typed, so venues whose metadata
 * failed stay usable), Escape leaves. The PAPER / LIVE DATA badge beside it is always visible.
 */
import { useMemo, useRef, useState } from 'react';
import type { InstrumentSelection, VenueInfo } from '../../../src-shared/contract';
import type { VenueId } from '../../../src-shared/domain';
import { trimDecimal } from '../../ui/decimal';
import { useActions } from '../hotkeys/HotkeysContext';
import type { Action } from '../hotkeys/action-registry';
import { searchInstruments } from '../market/instrument-catalog';
import { useInstruments, useVenues } from '../market/market-hooks';
import { ModeBadge } from './ModeBadge';
import { useSelect, useSelection } from './selection';
import { tradingModeOf } from './trading-mode';
import { useInstrument } from './use-instrument';
import './picker.css';

/** Venues worth offering: enabled live venues and every simulated or paper venue. */
function pickable(venues: readonly VenueInfo[]): VenueInfo[] {
  return venues.filter((v) => v.enabled || tradingModeOf(v.id, v) === 'paper');
}

export function InstrumentPicker() {
  const selection = useSelection();
  const select = useSelect();
  const venues = useVenues();
  const instrument = useInstrument();
  const [venue, setVenue] = useState<VenueId | null>(null);
  const chosenVenue = venue ?? selection?.venue ?? (venues ? (pickable(venues)[0]?.id ?? null) : null);
  const catalog = useInstruments(chosenVenue);
  const [query, setQuery] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);

  const matches = useMemo(
    () => (catalog?.status === 'ready' ? searchInstruments(catalog.list, query ?? '', 40) : []),
    [catalog, query],
  );

  const actions = useMemo<Action[]>(
    () => [
      {
        id: 'instrument.search',
        title: 'Search instruments',
        group: 'Instrument',
        defaultKeys: '/',
        run: () => {
          input.current?.focus();
          input.current?.select();
        },
      },
    ],
    [],
  );
  useActions(actions);

  const choose = (symbol: string) => {
    if (!chosenVenue || !symbol.trim()) return;
    select({ venue: chosenVenue, symbol: symbol.trim() } as InstrumentSelection);
    setQuery(null);
    setOpen(false);
    setVenue(null);
    input.current?.blur();
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(true);
      const n = Math.max(1, matches.length);
      setActive((a) => (a + (e.key === 'ArrowDown' ? 1 : n - 1)) % n);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      choose(open && matches[active] ? matches[active].symbol : (query ?? ''));
    } else if (e.key === 'Escape') {
      setQuery(null);
      setOpen(false);
      input.current?.blur();
    }
  };

  const venueOptions = venues ? pickable(venues) : [];
  const shownText = query ?? (selection?.venue === chosenVenue ? selection.symbol : '');
  const hint =
    catalog?.status === 'error'
      ? `instrument list unavailable: ${catalog.error.message} (type a symbol and press Enter)`
      : catalog?.status === 'loading'
        ? 'loading instruments…'
        : `${catalog?.status === 'ready' ? catalog.list.length : 0} instruments`;

  return (
    <div className="picker" data-testid="instrument-picker">
      <select
        aria-label="Venue"
        className="picker-venue"
        value={chosenVenue ?? ''}
        onChange={(e) => {
          setVenue(e.target.value as VenueId);
          setQuery('');
          setOpen(true);
          input.current?.focus();
        }}
      >
        {venueOptions.length === 0 && <option value="">no venue enabled</option>}
        {venueOptions.map((v) => (
          <option key={v.id} value={v.id}>
            {v.name}
            {tradingModeOf(v.id, v) === 'paper' ? ' (paper)' : ''}
          </option>
        ))}
      </select>
      <div className="picker-search">
        <input
          ref={input}
          aria-label="Symbol"
          data-testid="instrument-input"
          placeholder="Symbol  /"
          spellCheck={false}
          autoComplete="off"
          value={shownText}
          onFocus={() => {
            setOpen(true);
            setActive(0);
          }}
          onBlur={() => setTimeout(() => setOpen(false), 120)}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
            setOpen(true);
          }}
          onKeyDown={onKeyDown}
          role="combobox"
          aria-expanded={open}
          aria-controls="instrument-list"
        />
        {open && (
          <div className="picker-list" id="instrument-list" role="listbox" data-testid="instrument-list">
            <div className="picker-hint muted">{hint}</div>
            {matches.map((m, i) => (
              <div
                key={m.symbol}
                role="option"
                aria-selected={i === active}
                className={`picker-option ${i === active ? 'active' : ''}`}
                data-symbol={m.symbol}
                onMouseDown={(e) => {
                  e.preventDefault();
                  choose(m.symbol);
                }}
                onMouseEnter={() => setActive(i)}
              >
                <span className="picker-symbol">{m.symbol}</span>
                <span className="muted">
                  {m.base}/{m.quote}
                </span>
                <span className="muted picker-tick">tick {trimDecimal(m.tickSize)}</span>
              </div>
            ))}
          </div>
        )}
      </div>
      {instrument && <ModeBadge mode={instrument.mode} testId="mode-badge" />}
      {instrument?.info && (
        <span className="muted picker-meta" title="tick size / lot size">
          {trimDecimal(instrument.info.tickSize)} / {trimDecimal(instrument.info.lotSize)}
        </span>
      )}
    </div>
  );
}
