/**
 * Outgoing text messages of one server-side WebSocket, framed by us into one buffer and handed to
 * the socket in few writes: `ws.send` costs two stream writes, an options object and a header
 * buffer per message, and at tens of thousands of messages a second that was a large share of
 * the gateway's time. The bytes on the wire are exactly what `ws.send(text)` writes for a server
 * without compression (FIN + text opcode, unmasked, 7- or 16-bit length, the UTF-8 payload);
 * texts above BATCHED_CHARS go through `ws.send` itself, after the batch.
 *
 * Invariants:
 * - Messages leave in the order they were sent, and in order with every frame `ws` writes
 *   itself (pongs, close frames, the close it sends on a protocol error): the batch goes to the
 *   socket before `ws` parses the next input chunk (a listener placed before its own), after each
 *   incoming message has been handled (`flush`, called by the server), before the socket is
 *   closed (`close`), and at the end of the turn. Every write lands in the corked socket, so one
 *   turn leaves in one system call.
 * - A turn is the callback that sent the first message (typically one read of this socket: the
 *   answers to all its frames) plus the process.nextTick callbacks it queued (the hub's portfolio
 *   updates): the socket is uncorked in a microtask, which runs once those are done. Not on
 *   setImmediate: that held every connection's answers until all sockets readable in the same
 *   poll had been handled (at a paced 10,000 orders/s, a whole burst's processing time per ack)
 *   without saving a single write, since each socket is read once per poll.
 * - Nothing is sent once the socket is not OPEN (as `ws.send` drops it), and a terminated
 *   connection drops its unsent batch (as destroying a corked socket drops its buffer).
 * - `bufferedBytes` counts the unsent batch, so slow-consumer limits see every queued byte.
 */
import type { Duplex } from 'node:stream';
import { WebSocket } from 'ws';

/** Slab the frames are written into; a full slab is left to the socket and a new one taken. */
const SLAB_BYTES = 32 * 1024;
/** Longest text framed here: its UTF-8 (at most 3 bytes per UTF-16 unit) + header fit a slab. */
const BATCHED_CHARS = 8 * 1024;
const FIN_TEXT = 0x81;

export class FrameBatch {
  private slab: Buffer | null = null;
  /** slab[start, end) is framed but not yet written to the socket. */
  private start = 0;
  private end = 0;
  private corked = false;
  private readonly endOfTurn = (): void => {
    this.corked = false;
    this.flush();
    this.socket.uncork();
  };

  constructor(
    private readonly ws: WebSocket,
    private readonly socket: Duplex,
  ) {
    // Before `ws` parses input (and may write a pong or a close frame), what we framed goes first.
    socket.prependListener('data', () => this.flush());
  }

  /** Queued bytes: the socket's buffer, ws's own, and the unsent batch. */
  get bufferedBytes(): number {
    return this.ws.bufferedAmount + (this.end - this.start);
  }

  send(text: string): void {
    if (this.ws.readyState !== WebSocket.OPEN) return;
    if (!this.corked) {
      // Everything sent in this turn (the answers to every frame of one read, the events they
      // caused, the portfolio updates after them) leaves in one write.
      this.corked = true;
      this.socket.cork();
      queueMicrotask(this.endOfTurn);
    }
    if (text.length > BATCHED_CHARS) {
      this.flush();
      this.ws.send(text);
      return;
    }
    let slab = this.slab;
    let at = this.end;
    if (slab === null || slab.length - at < text.length * 3 + 4) {
      this.flush();
      slab = this.slab = Buffer.allocUnsafe(SLAB_BYTES);
      at = this.start = this.end = 0;
    }
    // The payload goes after a 4-byte header; a short one (<= 125 bytes) has a 2-byte header,
    // so it moves up by two to keep the frames of a batch contiguous.
    const length = slab.write(text, at + 4, 'utf8');
    slab[at] = FIN_TEXT;
    if (length <= 125) {
      slab.copyWithin(at + 2, at + 4, at + 4 + length);
      slab[at + 1] = length;
      this.end = at + 2 + length;
    } else {
      slab[at + 1] = 126;
      slab.writeUInt16BE(length, at + 2);
      this.end = at + 4 + length;
    }
  }

  /** Hands the framed messages to the socket (still corked until the end of the turn). */
  flush(): void {
    if (this.end === this.start) return;
    const chunk = this.slab!.subarray(this.start, this.end);
    this.start = this.end;
    if (this.socket.writable) this.socket.write(chunk);
  }

  /** Closing handshake after everything sent so far. */
  close(code: number, reason: string): void {
    this.flush();
    this.ws.close(code, reason);
  }

  /** Drop the connection and whatever it had not written yet. */
  terminate(): void {
    this.start = this.end;
    this.ws.terminate();
  }
}
