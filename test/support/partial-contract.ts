/**
 * Builds a full ContractImplementation from the parts a test cares about; every other request and
 * stream answers UNAVAILABLE ("not wired in this test"), so tests need not track new contract areas.
 */
import { requestNames, streamNames } from '../../src-shared/contract';
import { appError, err } from '../../src-shared/result';
import type { ContractImplementation, RequestHandlers, StreamOpeners } from '../../src-main/rpc/handlers';

export function partialImplementation(parts: {
  requests?: Partial<RequestHandlers>;
  streams?: Partial<StreamOpeners>;
}): ContractImplementation {
  const missing = () => err(appError('UNAVAILABLE', 'not wired in this test'));
  const requests = Object.fromEntries(requestNames.map((n) => [n, parts.requests?.[n] ?? missing]));
  const streams = Object.fromEntries(streamNames.map((n) => [n, parts.streams?.[n] ?? missing]));
  return { requests, streams } as unknown as ContractImplementation;
}
