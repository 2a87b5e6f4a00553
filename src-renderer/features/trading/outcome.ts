/** One line describing a trading request's answer (outcome value or transport error). */
import type { Result } from '../../../src-shared/result';

type Outcome =
  | {
      status: 'accepted';
      order?: { orderId: string; status: string; filledQuantity: string };
      canceled?: number;
    }
  | { status: 'rejected'; code: string; message: string; retryable: boolean };

export interface OutcomeLine {
  readonly kind: 'accepted' | 'rejected';
  readonly text: string;
}

export function describeOutcome(action: string, result: Result<Outcome>): OutcomeLine {
  if (!result.ok) return { kind: 'rejected', text: `${action}: ${result.error.message}` };
  const o = result.value;
  if (o.status === 'rejected') {
    return {
      kind: 'rejected',
      text: `${action} rejected: ${o.code}: ${o.message}${o.retryable ? ' (retry)' : ''}`,
    };
  }
  if (o.order) {
    return {
      kind: 'accepted',
      text: `${action}: order ${o.order.orderId} ${o.order.status}, filled ${o.order.filledQuantity}`,
    };
  }
  return { kind: 'accepted', text: `${action}: ${o.canceled ?? 0} canceled` };
}
