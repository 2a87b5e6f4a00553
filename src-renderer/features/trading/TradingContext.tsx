/**
 * Trading state shared by the ticket, the ladder, the blotters and the trading keys: the trading
 * target of the linked instrument, the arm switch (session only, off at start), the ticket's size
 * for the instrument, the cancel-all scope, the last notice (hint or outcome) and the order that
 * waits for a fat-finger confirmation. Every order the UI sends goes through `submit`, so the
 * fat-finger rule and the "never another instrument" rule apply whatever the source.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { RequestInput } from '../../../src-shared/contract';
import { useClient } from '../../ipc/hooks';
import { useSelection } from '../instrument/selection';
import { useInstrument } from '../instrument/use-instrument';
import { usePanelSetting } from '../prefs/panel-settings';
import { cancelRequests, nextScope, scopeLabel, type CancelScope } from './cancel-scope';
import { checkIntent, joinLines, sendChecked, type CheckedIntent, type OrderIntent } from './order-entry';
import { midpoint } from './order-math';
import { describeOutcome, type OutcomeLine } from './outcome';
import { resolvePreset } from './size-presets';
import { CANCEL_SCOPE, FAT_FINGER, ORDER_SIZE, SIZE_PRESETS, sizeKey } from './trading-settings';
import { resolveTradingTarget, type TargetResolution } from './trading-target';
import { useTradingVenues } from './trading-venues';
import { useTouchReader, type TouchInfo } from './use-touch';

export interface Notice {
  readonly kind: OutcomeLine['kind'] | 'hint';
  readonly text: string;
  readonly id: number;
}

export interface PendingConfirm {
  readonly checked: Extract<CheckedIntent, { ok: true }>;
  readonly onOutcome: ((line: OutcomeLine) => void) | undefined;
}

type OnOutcome = (line: OutcomeLine) => void;

export interface TradingApi {
  readonly target: TargetResolution;
  /** Venues that take orders now. */
  readonly tradable: readonly string[];
  readonly armed: boolean;
  setArmed(armed: boolean): void;
  /** The ticket's size for the target instrument, as typed. */
  readonly size: string;
  setSize(size: string): void;
  readonly scope: CancelScope;
  readonly scopeText: string;
  cycleScope(): void;
  readonly notice: Notice | null;
  notify(kind: Notice['kind'], text: string): void;
  readTouch(): TouchInfo;
  submit(intent: OrderIntent, onOutcome?: OnOutcome): void;
  cancelOrders(ids: readonly string[], onOutcome?: OnOutcome): void;
  cancelAll(onOutcome?: OnOutcome): void;
  flatten(onOutcome?: OnOutcome): void;
  applyPreset(index: number): void;
  readonly pending: PendingConfirm | null;
  confirmPending(): void;
  dismissPending(): void;
}

const TradingContext = createContext<TradingApi | null>(null);

export function useTrading(): TradingApi {
  const api = useContext(TradingContext);
  if (!api) throw new Error('useTrading outside <TradingProvider>');
  return api;
}

const NOTICE_MS = 6000;
let noticeIds = 0;

export function TradingProvider({ children }: { children: ReactNode }) {
  const client = useClient();
  const selection = useSelection();
  const venues = useTradingVenues();
  const instrument = useInstrument();
  const target = useMemo(() => resolveTradingTarget(selection, venues), [selection, venues]);
  const ready = target.status === 'ready' ? target : null;
  const whyNot = target.status === 'ready' ? '' : target.reason;
  const [armed, setArmed] = useState(false);
  const [sizes, setSizes] = usePanelSetting(ORDER_SIZE);
  const [limits] = usePanelSetting(FAT_FINGER);
  const [presets] = usePanelSetting(SIZE_PRESETS);
  const [scope, setScope] = usePanelSetting(CANCEL_SCOPE);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [pending, setPending] = useState<PendingConfirm | null>(null);
  const readTouch = useTouchReader(target.dataVenue, target.symbol);
  const key = ready ? sizeKey(ready.venue, ready.symbol) : null;
  const size = key ? (sizes[key] ?? '') : '';
  const tradable = useMemo(() => (venues ?? []).filter((v) => v.available).map((v) => v.venue), [venues]);
  const lotSize = instrument?.info?.lotSize ?? null;

  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice((n) => (n?.id === notice.id ? null : n)), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice]);

  const notify = useCallback(
    (kind: Notice['kind'], text: string) => setNotice({ kind, text, id: ++noticeIds }),
    [],
  );
  const report = useCallback(
    (line: OutcomeLine, onOutcome?: OnOutcome) => {
      notify(line.kind, line.text);
      onOutcome?.(line);
    },
    [notify],
  );
  const refuse = useCallback(
    (text: string, onOutcome?: OnOutcome) => {
      notify('hint', text);
      onOutcome?.({ kind: 'rejected', text });
    },
    [notify],
  );

  const submit = useCallback(
    (intent: OrderIntent, onOutcome?: OnOutcome) => {
      if (!ready) return refuse(whyNot, onOutcome);
      const checked = checkIntent(intent, { target: ready, size, touch: readTouch(), limits });
      if (!checked.ok) return refuse(checked.reason, onOutcome);
      if (checked.warnings.length > 0) return setPending({ checked, onOutcome });
      void sendChecked(client, checked).then((line) => report(line, onOutcome));
    },
    [ready, whyNot, size, readTouch, limits, client, refuse, report],
  );

  const confirmPending = useCallback(() => {
    if (!pending) return;
    setPending(null);
    void sendChecked(client, pending.checked).then((line) => report(line, pending.onOutcome));
  }, [pending, client, report]);

  const dismissPending = useCallback(() => {
    if (pending) refuse(`Not sent: ${pending.checked.title}`, pending.onOutcome);
    setPending(null);
  }, [pending, refuse]);

  const cancelOrders = useCallback(
    (ids: readonly string[], onOutcome?: OnOutcome) => {
      if (!ready) return refuse(whyNot, onOutcome);
      const venue = ready.venue as RequestInput<'trading.cancel'>['venue'];
      void Promise.all(
        ids.map(async (orderId) =>
          describeOutcome(`Cancel`, await client.call('trading.cancel', { venue, orderId })),
        ),
      ).then((lines) => report(joinLines(lines), onOutcome));
    },
    [ready, whyNot, client, refuse, report],
  );

  const scopeTarget = useMemo(() => (ready ? { venue: ready.venue, symbol: ready.symbol } : null), [ready]);
  const scopeText = scopeLabel(scope, scopeTarget);

  const cancelAll = useCallback(
    (onOutcome?: OnOutcome) => {
      const requests = cancelRequests(scope, scopeTarget, tradable);
      if (requests.length === 0) return refuse(`Cancel all (${scopeText}): no trading venue`, onOutcome);
      void Promise.all(
        requests.map((r) => client.call('trading.cancelAll', r as RequestInput<'trading.cancelAll'>)),
      ).then((results) => {
        let canceled = 0;
        const failures: string[] = [];
        for (const r of results) {
          if (r.ok && r.value.status === 'accepted') canceled += r.value.canceled;
          else failures.push(describeOutcome('', r).text);
        }
        const text = `Cancel all (${scopeText}): ${canceled} canceled${failures.length ? `; ${failures.join('; ')}` : ''}`;
        report({ kind: failures.length ? 'rejected' : 'accepted', text }, onOutcome);
      });
    },
    [scope, scopeTarget, scopeText, tradable, client, refuse, report],
  );

  const flatten = useCallback(
    (onOutcome?: OnOutcome) => {
      if (!ready) return refuse(whyNot, onOutcome);
      const params = { venue: ready.venue, symbol: ready.symbol } as RequestInput<'trading.flatten'>;
      // Open orders of the instrument go first: sells lock the base a flatten would sell, buys
      // would rebuild the position.
      void client
        .call('trading.cancelAll', params)
        .then(() => client.call('trading.flatten', params))
        .then((r) => report(describeOutcome(`Flatten ${ready.symbol}`, r), onOutcome));
    },
    [ready, whyNot, client, refuse, report],
  );

  const setSize = useCallback(
    (next: string) => {
      if (key) setSizes((all) => ({ ...all, [key]: next }));
    },
    [key, setSizes],
  );

  const applyPreset = useCallback(
    (index: number) => {
      const preset = presets[index];
      if (!preset) return notify('hint', `No size preset ${index + 1}`);
      const t = readTouch();
      const reference = (t.bestBid && t.bestAsk ? midpoint(t.bestBid, t.bestAsk) : null) ?? t.last;
      const resolved = resolvePreset(preset, { reference, lotSize });
      if (!resolved.ok) return notify('hint', `Size preset ${index + 1}: ${resolved.reason}`);
      setSize(resolved.size);
      notify('hint', `Size ${resolved.size} (preset ${index + 1})`);
    },
    [presets, readTouch, lotSize, setSize, notify],
  );

  const api = useMemo<TradingApi>(
    () => ({
      target,
      tradable,
      armed,
      setArmed,
      size,
      setSize,
      scope,
      scopeText,
      cycleScope: () => setScope((s) => nextScope(s)),
      notice,
      notify,
      readTouch,
      submit,
      cancelOrders,
      cancelAll,
      flatten,
      applyPreset,
      pending,
      confirmPending,
      dismissPending,
    }),
    [
      target,
      tradable,
      armed,
      size,
      setSize,
      scope,
      scopeText,
      setScope,
      notice,
      notify,
      readTouch,
      submit,
      cancelOrders,
      cancelAll,
      flatten,
      applyPreset,
      pending,
      confirmPending,
      dismissPending,
    ],
  );
  return <TradingContext.Provider value={api}>{children}</TradingContext.Provider>;
}
