/** React bindings for the contract client: one context, a request hook and a stream hook. */
import { createContext, useContext, useEffect, useState, useSyncExternalStore } from 'react';
import type {
  RequestInput,
  RequestName,
  RequestOutput,
  StreamName,
  StreamParams,
  StreamSnapshot,
} from '../../src-shared/contract';
import type { Result } from '../../src-shared/result';
import type { ContractClient, StreamState } from './client';
import type { PortStatus } from './port';

export const ClientContext = createContext<ContractClient | null>(null);

export function useClient(): ContractClient {
  const client = useContext(ClientContext);
  if (!client) throw new Error('useClient outside <ClientContext.Provider>');
  return client;
}

/** Subscribes while mounted; params are compared by value (JSON) to avoid resubscribe loops. */
export function useStream<N extends StreamName>(
  name: N,
  params: StreamParams<N>,
): StreamState<StreamSnapshot<N>> {
  const client = useClient();
  const key = JSON.stringify(params);
  const [state, setState] = useState<StreamState<StreamSnapshot<N>>>({
    data: undefined,
    status: 'connecting',
    error: undefined,
    resyncs: 0,
  });
  useEffect(() => client.subscribe(name, JSON.parse(key) as StreamParams<N>, setState), [client, name, key]);
  return state;
}

/** Runs a request once per distinct input (and again when `refresh` changes). */
export function useRequest<N extends RequestName>(
  name: N,
  input: RequestInput<N>,
  refresh: unknown = 0,
): Result<RequestOutput<N>> | undefined {
  const client = useClient();
  const key = JSON.stringify(input);
  const [result, setResult] = useState<Result<RequestOutput<N>>>();
  useEffect(() => {
    let live = true;
    void client.call(name, JSON.parse(key) as RequestInput<N>).then((r) => {
      if (live) setResult(r);
    });
    return () => {
      live = false;
    };
  }, [client, name, key, refresh]);
  return result;
}

export function usePortStatus(): PortStatus {
  const client = useClient();
  return useSyncExternalStore(
    (notify) => client.onPortStatus(notify),
    () => client.portStatus,
  );
}
