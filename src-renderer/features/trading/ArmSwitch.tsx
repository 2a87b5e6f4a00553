/** The one-click trading arm switch (also Alt+Shift+A): off at every start, visibly red when on. */
import { useTrading } from './TradingContext';

export function ArmSwitch({ testId = 'arm-switch' }: { testId?: string }) {
  const { armed, setArmed, target } = useTrading();
  const usable = target.status === 'ready' && !target.blocked;
  const reason = target.status === 'ready' ? (target.blocked ?? '') : target.reason;
  return (
    <button
      type="button"
      className={`arm ${armed ? 'armed' : ''}`}
      data-testid={testId}
      aria-pressed={armed}
      disabled={!usable && !armed}
      title={
        usable
          ? armed
            ? 'One-click trading is ARMED: ladder clicks and trading keys send orders. Click to disarm.'
            : 'Arm one-click trading (ladder clicks and trading keys)'
          : reason
      }
      onClick={() => setArmed(!armed)}
    >
      {armed ? 'ARMED' : 'Arm trading'}
    </button>
  );
}
