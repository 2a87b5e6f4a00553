/**
 * The contract over Electron IPC: one channel, one ContractConnection per window, the same
 * envelopes as the host socket. Every message's sender frame is checked; messages from subframes,
 * foreign origins or unknown windows are dropped and logged. Connections close with their window.
 */
import { ipcMain, type IpcMainEvent, type WebContents } from 'electron';
import { IPC_CHANNEL } from '../../src-shared/contract';
import type { Logger } from '../core/ports';
import { ContractConnection } from '../rpc/connection';
import type { ContractServer } from '../rpc/server';
import { isTrustedSender } from './trusted-sender';

export function bindContractIpc(
  server: ContractServer,
  isOwnWindow: (contents: WebContents) => boolean,
  log: Logger,
): () => void {
  const connections = new Map<number, ContractConnection>();

  const watched = new WeakSet<WebContents>();

  const release = (id: number): void => {
    connections.get(id)?.close();
    connections.delete(id);
  };

  const watch = (contents: WebContents): void => {
    if (watched.has(contents)) return;
    watched.add(contents);
    const id = contents.id;
    contents.once('destroyed', () => release(id));
    // A reload or navigation starts a new page: its subscriptions start from scratch.
    contents.on('did-start-navigation', (details) => {
      if (details.isMainFrame && !details.isSameDocument) release(id);
    });
  };

  const connectionFor = (contents: WebContents): ContractConnection => {
    const existing = connections.get(contents.id);
    if (existing) return existing;
    watch(contents);
    const connection = new ContractConnection(
      server,
      {
        send: (message) => {
          if (!contents.isDestroyed()) contents.send(IPC_CHANNEL, message);
        },
        bufferedBytes: () => 0,
      },
      { transport: 'ipc', principal: 'user' },
    );
    connections.set(contents.id, connection);
    return connection;
  };

  const onMessage = (event: IpcMainEvent, message: unknown): void => {
    const frame = event.senderFrame;
    const trusted = isTrustedSender({
      url: frame?.url,
      isTopFrame: frame !== null && frame === event.sender.mainFrame,
      isOwnWindow: isOwnWindow(event.sender),
    });
    if (!trusted) {
      log.warn('ipc message from untrusted sender dropped', { url: frame?.url ?? null });
      return;
    }
    connectionFor(event.sender).receive(message);
  };

  ipcMain.on(IPC_CHANNEL, onMessage);
  return () => {
    ipcMain.removeListener(IPC_CHANNEL, onMessage);
    for (const connection of connections.values()) connection.close();
    connections.clear();
  };
}
