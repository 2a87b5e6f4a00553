/**
 * A WirePort moves contract envelopes between this page and main, whatever the transport:
 * Electron IPC through the preload, or the headless host's WebSocket. The client above it cannot
 * tell which one it has.
 */
import type { ClientMessage, ServerMessage } from '../../src-shared/contract';

export type PortStatus = 'connecting' | 'open' | 'closed';

export interface WirePort {
  readonly kind: 'ipc' | 'ws';
  readonly status: PortStatus;
  /** Sends when open; returns false (message dropped) otherwise. */
  post(message: ClientMessage): boolean;
  onMessage(listener: (message: ServerMessage) => void): () => void;
  onStatus(listener: (status: PortStatus) => void): () => void;
  close(): void;
}
