/**
 * A number as traders read it: tabular figures, trailing fractional zeros dimmed so magnitudes
 * line up in a column without the zeros competing with the digits that matter.
 */
import { memo } from 'react';
import { splitTrailingZeros } from './decimal';

export const Num = memo(function Num({ value, className }: { value: string | null; className?: string }) {
  if (value === null) return null;
  const [head, zeros] = splitTrailingZeros(value);
  return (
    <span className={className ? `num ${className}` : 'num'}>
      {head}
      {zeros && <span className="zeros">{zeros}</span>}
    </span>
  );
});
