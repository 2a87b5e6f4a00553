/**
 * THE contract: every request and stream the renderer may use, declared once. Electron IPC and
 * the headless host's WebSocket carry exactly these names and schemas.
 */
import type { z } from 'zod';
import { candleStreams } from './candles';
import { gatewayRequests, gatewayStreams } from './gateway';
import { historyRequests } from './history';
import { marketRequests, marketStreams } from './market';
import { replayRequests, replayStreams } from './replay';
import { simRequests, simStreams } from './sim';
import { systemRequests, systemStreams } from './system';
import { tradingRequests, tradingStreams } from './trading';
import { uiRequests } from './ui';

export const requests = {
  ...systemRequests,
  ...uiRequests,
  ...gatewayRequests,
  ...marketRequests,
  ...tradingRequests,
  ...simRequests,
  ...historyRequests,
  ...replayRequests,
} as const;
export const streams = {
  ...systemStreams,
  ...gatewayStreams,
  ...marketStreams,
  ...candleStreams,
  ...tradingStreams,
  ...simStreams,
  ...replayStreams,
} as const;

export type Requests = typeof requests;
export type Streams = typeof streams;
export type RequestName = keyof Requests;
export type StreamName = keyof Streams;

export type RequestInput<N extends RequestName> = z.input<Requests[N]['input']>;
export type RequestOutput<N extends RequestName> = z.output<Requests[N]['output']>;
export type StreamParams<N extends StreamName> = z.input<Streams[N]['params']>;
export type StreamSnapshot<N extends StreamName> = z.output<Streams[N]['snapshot']>;
export type StreamDelta<N extends StreamName> = z.output<Streams[N]['delta']>;

export const requestNames = Object.freeze(Object.keys(requests)) as readonly RequestName[];
export const streamNames = Object.freeze(Object.keys(streams)) as readonly StreamName[];

export function isRequestName(name: string): name is RequestName {
  return Object.hasOwn(requests, name);
}
export function isStreamName(name: string): name is StreamName {
  return Object.hasOwn(streams, name);
}

export * from './define';
export * from './gateway';
export * from './system';
export * from './ui';
export * from './market';
export * from './candles';
export * from './trading';
export * from './sim';
export * from './history';
export * from './replay';
export * from './wire';
export * from './validate';
