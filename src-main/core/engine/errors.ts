/**
 * Maps the engine's closed rejection reasons onto the app's closed ErrorCode set, for services and the
 * gateway that answer with an AppError. The reason itself stays in the message so bots can switch on it.
 */
import { appError, type AppError, type ErrorCode } from '../../../src-shared/result';
import type { RejectReason } from './types';

const CODES: Record<RejectReason, ErrorCode> = {
  UNKNOWN_ACCOUNT: 'NOT_FOUND',
  DUPLICATE_ACCOUNT: 'CONFLICT',
  INVALID_ACCOUNT: 'INVALID_INPUT',
  UNKNOWN_ASSET: 'NOT_FOUND',
  INVALID_AMOUNT: 'INVALID_INPUT',
  AMOUNT_TOO_LARGE: 'LIMIT_EXCEEDED',
  UNKNOWN_INSTRUMENT: 'NOT_FOUND',
  INVALID_ORDER: 'INVALID_INPUT',
  INVALID_PRICE: 'INVALID_INPUT',
  OFF_TICK: 'INVALID_INPUT',
  INVALID_QUANTITY: 'INVALID_INPUT',
  OFF_LOT: 'INVALID_INPUT',
  BELOW_MIN_SIZE: 'INVALID_INPUT',
  BELOW_MIN_NOTIONAL: 'INVALID_INPUT',
  DUPLICATE_CLIENT_ORDER_ID: 'CONFLICT',
  WOULD_CROSS: 'CONFLICT',
  INSUFFICIENT_FUNDS: 'CONFLICT',
  UNKNOWN_ORDER: 'NOT_FOUND',
  NOT_YOUR_ORDER: 'FORBIDDEN',
};

export function rejectionToAppError(reason: RejectReason): AppError {
  return appError(CODES[reason], reason);
}
