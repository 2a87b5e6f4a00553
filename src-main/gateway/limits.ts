/**
 * Every limit of the agents' gateway in one place, with the defaults documented in
 * docs/agents-api.md. Frames beyond the limits close the connection with a WebSocket status code;
 * requests beyond them get an `error`.
 */
export interface GatewayLimits {
  /** Largest text frame (ws closes with 1009 above it). At most 64 KiB. */
  readonly maxPayloadBytes: number;
  /** Fragments per message and unparsed chunks per connection (ws#2331: defaults far too high). */
  readonly maxFragments: number;
  readonly maxBufferedChunks: number;
  /** Open connections, authenticated or not; the next handshake gets HTTP 503. */
  readonly maxConnections: number;
  /** Token bucket per connection; exceeding it closes with 1008. */
  readonly messagesPerSecond: number;
  readonly burst: number;
  /** Ping interval; a peer that misses a ping is terminated within 2 x this. */
  readonly heartbeatMs: number;
  /** Without an Authorization header, the `auth` message must arrive within this. */
  readonly authTimeoutMs: number;
  /** Above this many queued outbound bytes the connection is dropped (slow consumer). */
  readonly maxBufferedBytes: number;
  /** Above this, book snapshots are conflated (the newest replaces the unsent one). */
  readonly conflateBytes: number;
  readonly maxSubscriptions: number;
  /** Venue calls awaiting an answer per connection (only async venues have any). */
  readonly maxInFlight: number;
  /** Levels per side in `orderbooks`. */
  readonly bookDepth: number;
  /** How often changed books are pushed as `orderbooks`, and the agents list as `agents_snapshot`. */
  readonly bookIntervalMs: number;
  readonly agentsIntervalMs: number;
  /** News items in `news_history` on connect. */
  readonly newsHistory: number;
}

export const DEFAULT_GATEWAY_LIMITS: GatewayLimits = {
  maxPayloadBytes: 64 * 1024,
  maxFragments: 128,
  maxBufferedChunks: 1024,
  maxConnections: 64,
  messagesPerSecond: 10_000,
  burst: 20_000,
  heartbeatMs: 10_000,
  authTimeoutMs: 5_000,
  maxBufferedBytes: 8 * 1024 * 1024,
  conflateBytes: 1024 * 1024,
  maxSubscriptions: 64,
  maxInFlight: 4096,
  bookDepth: 10,
  bookIntervalMs: 100,
  agentsIntervalMs: 1_000,
  newsHistory: 50,
};

export const DEFAULT_GATEWAY_PORT = 7421;
