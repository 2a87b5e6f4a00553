/**
 * Picks the transport: the preload's port inside Electron, otherwise the headless host's socket
 * (same origin as the page, token from the meta tag the host injected into index.html).
 */
import { CONTRACT_PATH, SESSION_META_NAME } from '../../src-shared/contract';
import { ContractClient } from './client';
import { electronPort } from './electron-port';
import type { WirePort } from './port';
import { webSocketPort } from './ws-port';

export function connect(): ContractClient {
  return new ContractClient(openPort());
}

function openPort(): WirePort {
  if (window.depthline) return electronPort(window.depthline);
  const token = document.querySelector<HTMLMetaElement>(`meta[name="${SESSION_META_NAME}"]`)?.content ?? '';
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return webSocketPort({ url: `${scheme}//${location.host}${CONTRACT_PATH}`, token });
}
