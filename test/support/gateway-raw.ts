/**
 * Raw TCP access to the gateway for attacks a well-behaved client library cannot make: hand-built
 * (masked) WebSocket frames, fragments that never finish, thousands of headers.
 */
import { connect, type Socket } from 'node:net';

/** Opens a TCP connection and completes a WebSocket handshake with a bearer token. */
export function rawHandshake(port: number, token: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let head = '';
    const onData = (chunk: Buffer) => {
      head += chunk.toString('latin1');
      if (!head.includes('\r\n\r\n')) return;
      socket.off('data', onData);
      if (head.startsWith('HTTP/1.1 101')) resolve(socket);
      else reject(new Error(`handshake refused: ${head.split('\r\n')[0]}`));
    };
    socket.on('data', onData);
    socket.once('error', reject);
    socket.write(
      [
        'GET / HTTP/1.1',
        `Host: 127.0.0.1:${port}`,
        'Upgrade: websocket',
        'Connection: Upgrade',
        'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
        'Sec-WebSocket-Version: 13',
        `Authorization: Bearer ${token}`,
        '',
        '',
      ].join('\r\n'),
    );
  });
}

/** One client frame (masked, as RFC 6455 requires of clients); payload below 64 KiB. */
export function frame(opcode: number, payload: Buffer, fin: boolean): Buffer {
  const mask = Buffer.from([1, 2, 3, 4]);
  const length = payload.length;
  const header =
    length < 126
      ? Buffer.from([(fin ? 0x80 : 0) | opcode, 0x80 | length])
      : Buffer.from([(fin ? 0x80 : 0) | opcode, 0x80 | 126, length >> 8, length & 0xff]);
  const masked = Buffer.from(payload);
  for (let i = 0; i < masked.length; i++) masked[i] = masked[i]! ^ mask[i % 4]!;
  return Buffer.concat([header, mask, masked]);
}

/** Resolves when the server ends or resets the socket; with the close code if one was sent. */
export function serverClosed(socket: Socket): Promise<number | null> {
  return new Promise((resolve) => {
    let code: number | null = null;
    socket.on('data', (chunk: Buffer) => {
      // A server close frame: opcode 8, unmasked, code in the first two payload bytes.
      for (let i = 0; i + 3 < chunk.length; i++) {
        if (chunk[i] === 0x88 && chunk[i + 1]! >= 2 && chunk[i + 1]! < 126) {
          code = chunk.readUInt16BE(i + 2);
          break;
        }
      }
    });
    socket.once('close', () => resolve(code));
    socket.once('error', () => undefined);
  });
}

/** A plain HTTP GET with `headerCount` extra headers; resolves with the status line or the error. */
export function getWithHeaders(port: number, headerCount: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let reply = '';
    socket.on('data', (c: Buffer) => (reply += c.toString('latin1')));
    socket.once('close', () => resolve(reply.split('\r\n')[0] ?? ''));
    socket.once('error', (e) => resolve(`error: ${e.message}`));
    const lines = ['GET / HTTP/1.1', `Host: 127.0.0.1:${port}`];
    for (let i = 0; i < headerCount; i++) lines.push(`X-Header-${i}: v`);
    socket.write(lines.join('\r\n') + '\r\nConnection: close\r\n\r\n');
  });
}
