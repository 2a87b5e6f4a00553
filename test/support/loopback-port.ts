/**
 * A WirePort wired straight to a ContractConnection in the same process: the real client and the
 * real server with no transport between them. `drop` lets a test lose chosen server messages.
 */
import type { ClientMessage, ServerMessage } from '../../src-shared/contract';
import { ContractConnection } from '../../src-main/rpc/connection';
import type { ContractServer } from '../../src-main/rpc/server';
import type { PortStatus, WirePort } from '../../src-renderer/ipc/port';

export function loopbackPort(server: ContractServer) {
  const messageListeners = new Set<(m: ServerMessage) => void>();
  const statusListeners = new Set<(s: PortStatus) => void>();
  let status: PortStatus = 'open';
  let connection: ContractConnection;
  const received: ClientMessage[] = [];
  const control = {
    drop: (_m: ServerMessage): boolean => false,
    /** Simulates the transport going away and coming back (a fresh server connection). */
    reconnect(): void {
      connection.close();
      setStatus('connecting');
      open();
      setStatus('open');
    },
    disconnect(): void {
      connection.close();
      setStatus('connecting');
    },
    received,
  };
  const setStatus = (next: PortStatus) => {
    status = next;
    for (const l of statusListeners) l(next);
  };
  const open = () => {
    connection = new ContractConnection(
      server,
      {
        send: (m) => {
          const copy = JSON.parse(JSON.stringify(m)) as ServerMessage;
          if (!control.drop(copy)) for (const l of messageListeners) l(copy);
        },
        bufferedBytes: () => 0,
      },
      { transport: 'test', principal: 'user' },
    );
  };
  open();
  const port: WirePort = {
    kind: 'ws',
    get status() {
      return status;
    },
    post(message) {
      if (status !== 'open') return false;
      received.push(message);
      connection.receive(JSON.parse(JSON.stringify(message)));
      return true;
    },
    onMessage(l) {
      messageListeners.add(l);
      return () => messageListeners.delete(l);
    },
    onStatus(l) {
      statusListeners.add(l);
      return () => statusListeners.delete(l);
    },
    close() {
      connection.close();
      setStatus('closed');
    },
  };
  return { port, control };
}
