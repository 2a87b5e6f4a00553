/**
 * FrameBatch (src-main/net/ws-frame-batch.ts) frames server messages itself. Checked: the bytes it
 * writes are exactly ws's own frames for the same texts (any length around the 125 / 126 and
 * batch-size boundaries, any Unicode, lone surrogates included); over a real socket a client
 * receives every message in order, one turn in one write; and order holds with the frames ws
 * writes itself: our close after our messages, and ws's 1009 close after the answers to the
 * frames that preceded the oversized one in the same read.
 */
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PassThrough, type Duplex } from 'node:stream';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import * as wsModule from 'ws';
import { WebSocket, WebSocketServer } from 'ws';
import { FrameBatch } from '../../../src-main/net/ws-frame-batch';

/** ws's own framing (exported by ws, not declared by @types/ws). */
const { Sender } = wsModule as unknown as {
  Sender: { frame(data: Buffer, options: Record<string, boolean | number>): Buffer[] };
};

/** What ws.send(text) writes for a server without compression. */
function wsFrame(text: string): Buffer {
  const data = Buffer.from(text);
  const parts = Sender.frame(data, { fin: true, rsv1: false, opcode: 1, mask: false, readOnly: false });
  return Buffer.concat(parts);
}

/** A socket that records what is written to it, and a ws stand-in that is OPEN. */
function recordingBatch() {
  const written: Buffer[] = [];
  const socket = new PassThrough();
  socket.on('data', () => undefined);
  const write = socket.write.bind(socket);
  socket.write = ((chunk: Buffer) => {
    written.push(Buffer.from(chunk));
    return write(chunk);
  }) as typeof socket.write;
  const sentByWs: string[] = [];
  const ws = {
    readyState: WebSocket.OPEN,
    bufferedAmount: 0,
    send: (text: string) => {
      sentByWs.push(text);
      written.push(wsFrame(text));
    },
    close: () => undefined,
    terminate: () => undefined,
  } as unknown as WebSocket;
  return { batch: new FrameBatch(ws, socket as Duplex), socket, written, sentByWs };
}

const text = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.integer({ min: 0, max: 70_000 }).map((n) => 'x'.repeat(n)),
  fc.constantFrom('', 'é'.repeat(62), 'é'.repeat(63), '€'.repeat(41), '€'.repeat(42), '\ud800', 'a\udc00b'),
);

describe('FrameBatch', () => {
  it('writes exactly the frames ws.send writes, in order, for any texts', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(text, fc.boolean()), { maxLength: 12 }), async (sends) => {
        const { batch, written } = recordingBatch();
        for (const [message, flushAfter] of sends) {
          batch.send(message);
          if (flushAfter) batch.flush();
        }
        await Promise.resolve(); // the turn ends: the batch is written and the socket uncorked
        const expected = Buffer.concat(sends.map(([message]) => wsFrame(message)));
        expect(Buffer.concat(written).equals(expected)).toBe(true);
        expect(batch.bufferedBytes).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  it('counts the unsent batch as buffered, and hands one turn to the socket in one write', async () => {
    const { batch, written } = recordingBatch();
    batch.send('a'.repeat(100));
    batch.send('b'.repeat(300));
    expect(batch.bufferedBytes).toBe(102 + 304);
    expect(written).toHaveLength(0);
    await Promise.resolve();
    expect(written).toHaveLength(1);
    expect(batch.bufferedBytes).toBe(0);
  });

  it('hands the batch to the socket before ws reads more input (which it may answer itself)', () => {
    const { batch, socket, written } = recordingBatch();
    batch.send('pending');
    socket.emit('data', Buffer.from([0x89, 0])); // a ping ws would answer with a pong
    expect(Buffer.concat(written).equals(wsFrame('pending'))).toBe(true);
  });
});

describe('FrameBatch over a real socket', () => {
  let server: Server | null = null;
  afterEach(() => {
    server?.close();
    server?.closeAllConnections();
    server = null;
  });

  /** A server whose connections answer each message with `reply(text)` through a FrameBatch. */
  async function serve(onMessage: (batch: FrameBatch, text: string) => void): Promise<string> {
    const wss = new WebSocketServer({ noServer: true, maxPayload: 1024, perMessageDeflate: false });
    server = createServer();
    server.on('upgrade', (req, socket, head: Buffer) =>
      wss.handleUpgrade(req, socket, head, (ws) => {
        const batch = new FrameBatch(ws, socket);
        ws.on('error', () => undefined); // protocol errors: ws closes the connection itself
        ws.on('message', (data: Buffer) => {
          onMessage(batch, data.toString('utf8'));
          batch.flush();
        });
      }),
    );
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    return `ws://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  }

  async function client(url: string) {
    const ws = new WebSocket(url);
    const received: string[] = [];
    ws.on('message', (data: Buffer) => received.push(data.toString('utf8')));
    const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
    await once(ws, 'open');
    return { ws, received, closed };
  }

  it('delivers every message in order, and a close only after them', async () => {
    const url = await serve((batch, text) => {
      if (text === 'bye') {
        // After the deferred answers already queued (a message sent after the close is dropped).
        return process.nextTick(() => {
          batch.send('last words');
          batch.close(4000, 'done');
        });
      }
      // An answer now, and more in the same turn after it (as the hub's deferred portfolio).
      batch.send(`re:${text}`);
      process.nextTick(() => batch.send(`later:${text}`));
    });
    const c = await client(url);
    const texts = Array.from({ length: 200 }, (_, i) => `m${i}${'é'.repeat(i % 90)}`);
    for (const t of texts) c.ws.send(t);
    c.ws.send('bye');
    expect(await c.closed).toBe(4000);
    // Answers in order, deferred ones in order and each after its answer (a read's answers come
    // before that read's deferred messages), and the last message before the close.
    expect(c.received.filter((m) => m.startsWith('re:'))).toEqual(texts.map((t) => `re:${t}`));
    expect(c.received.filter((m) => m.startsWith('later:'))).toEqual(texts.map((t) => `later:${t}`));
    for (const t of texts)
      expect(c.received.indexOf(`re:${t}`)).toBeLessThan(c.received.indexOf(`later:${t}`));
    expect(c.received).toHaveLength(2 * texts.length + 1);
    expect(c.received.at(-1)).toBe('last words');
  });

  it("answers the frames before an oversized one in the same read, then ws's 1009 close", async () => {
    const url = await serve((batch, text) => batch.send(`re:${text}`));
    const c = await client(url);
    const socket = (c.ws as unknown as { _socket: Duplex })._socket;
    socket.cork();
    c.ws.send('one');
    c.ws.send('two');
    c.ws.send('x'.repeat(2000)); // above maxPayload: ws closes with 1009
    socket.uncork();
    expect(await c.closed).toBe(1009);
    expect(c.received).toEqual(['re:one', 're:two']);
  });
});
