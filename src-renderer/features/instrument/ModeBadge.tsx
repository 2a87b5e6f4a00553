/** PAPER (amber, unmistakable), LIVE DATA or REPLAY: shown wherever an instrument is shown. */
import { MODE_LABEL, type TradingMode } from './trading-mode';

export function ModeBadge({ mode, testId }: { mode: TradingMode; testId?: string }) {
  return (
    <span
      className={`badge mode ${mode}`}
      data-testid={testId}
      data-mode={mode}
      title={
        mode === 'paper'
          ? 'Paper trading: orders go to the simulated engine, never to an exchange'
          : mode === 'replay'
            ? 'A recorded session played back; paper orders trade on paper:replay:<venue>'
            : 'Live market data from the exchange; there is no live order entry'
      }
    >
      {MODE_LABEL[mode]}
    </span>
  );
}

/** In panel toolbars: only PAPER is repeated (the top bar always shows the mode). */
export function PaperBadge({ mode }: { mode: TradingMode }) {
  return mode === 'paper' ? <ModeBadge mode={mode} /> : null;
}
