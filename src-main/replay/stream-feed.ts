/**
 * Replays one live venue: the venue's own connector code (StreamConnector with its adapter: parser,
 * sequence rules, book sync, recovery) built on replay sockets, REST answers and instruments from the
 * recording, in the replay's virtual time. Each recorded frame goes where it came from: socket
 * messages, openings and closings to the socket with that number, REST answers to the request
 * waiting for them, watches to the connector. Audits are off (their answers are in the recording
 * but a replayed audit could take an answer meant for a book); backoff jitter is fixed.
 */
import { ok } from '../../src-shared/result';
import type { DecimalString, VenueId } from '../../src-shared/domain';
import { Grid } from '../core/num';
import type { Logger } from '../core/ports';
import type { StoredFrame } from '../store/read/recordings';
import {
  StreamConnector,
  type Instrument,
  type RecordedInstrument,
  type RecoveryOptions,
  type VenueAdapter,
} from '../venues/kit';
import { ReplayRest, REPLAY_REST_BASE } from './replay-rest';
import { ReplaySocket } from './replay-socket';
import { ReplayVenueConnector } from './replay-venue';
import type { VirtualTime } from './virtual-time';

export interface ReplayFeed {
  readonly connector: ReplayVenueConnector;
  /** Builds fresh inner state: the venue as it was when the recording started. */
  reset(time: VirtualTime): Promise<void>;
  close(): void;
}

export class StreamFeed implements ReplayFeed {
  readonly connector: ReplayVenueConnector;
  private readonly instruments: Instrument[];
  private sockets: ReplaySocket[] = [];
  private rest = new ReplayRest();
  private inner: StreamConnector | null = null;

  constructor(
    private readonly adapter: VenueAdapter,
    recorded: readonly RecordedInstrument[],
    private readonly log: Logger,
    /** The recovery timings the live connector ran with (defaults when the recording has none). */
    private readonly recovery?: RecoveryOptions,
  ) {
    this.instruments = recorded.map((r) => instrumentOf(adapter.venue, r));
    this.connector = new ReplayVenueConnector(
      adapter.venue,
      adapter.name,
      adapter.capabilities,
      this.instruments,
    );
  }

  reset(time: VirtualTime): Promise<void> {
    this.rest.close();
    this.rest = new ReplayRest();
    this.sockets = [];
    const instruments = this.instruments;
    this.inner = new StreamConnector(this.adapter, {
      wsUrl: 'ws://replay.invalid/',
      restUrl: REPLAY_REST_BASE,
      clock: time,
      timers: time,
      log: this.log,
      random: () => 0.5,
      auditEveryMs: 0,
      ...(this.recovery ? { recovery: this.recovery } : {}),
      fetch: this.rest.fetch,
      instrumentSource: () => Promise.resolve(ok(instruments)),
      socketFactory: (_options, handlers, index) => {
        const socket = new ReplaySocket(handlers);
        this.sockets[index] = socket;
        return socket;
      },
    });
    this.connector.attach(this.inner);
    return Promise.resolve();
  }

  /** One recorded frame of this venue. */
  apply(frame: StoredFrame): void {
    const inner = this.inner;
    if (!inner) return;
    const { stream, payload, tsRecv } = frame;
    const colon = stream.indexOf(':');
    const kind = colon < 0 ? stream : stream.slice(0, colon);
    const socket = colon < 0 ? undefined : this.sockets[Number(stream.slice(colon + 1))];
    if (kind === 'ws') socket?.message(payload, tsRecv);
    else if (kind === 'open') socket?.opened(tsRecv);
    else if (kind === 'close') socket?.closed(payload);
    else if (stream.startsWith('rest ')) this.rest.answer(stream.slice(5), payload);
    else if (stream === 'watch') void inner.watch((JSON.parse(payload) as RecordedInstrument).symbol);
    else if (stream === 'unwatch') inner.unwatch(payload);
    else this.log.warn('replay: unknown frame kind skipped', { stream });
  }

  close(): void {
    this.rest.close();
    this.connector.stop();
    this.inner = null;
  }
}

function instrumentOf(venue: VenueId, r: RecordedInstrument): Instrument {
  return {
    venue,
    symbol: r.symbol,
    base: r.base,
    quote: r.quote,
    tickSize: r.tickSize as DecimalString,
    lotSize: r.lotSize as DecimalString,
    grid: new Grid({ tickSize: r.gridTick as DecimalString, lotSize: r.gridLot as DecimalString }),
    ...(r.ref === undefined ? {} : { ref: r.ref }),
  };
}
