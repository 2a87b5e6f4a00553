/** Reads the cryptofeed capture format: `<recv_ts>: <json>` lines after a header line. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const CAPTURED = resolve(import.meta.dirname, '..', 'fixtures', 'captured');

export interface CapturedFrame {
  readonly at: number;
  readonly text: string;
}

/** Frames received over a WebSocket capture (client-sent `<-` lines skipped). */
export function readWsCapture(file: string): CapturedFrame[] {
  const lines = readFileSync(resolve(CAPTURED, file), 'utf8').split('\n').slice(1);
  const out: CapturedFrame[] = [];
  for (const line of lines) {
    if (!line.trim() || line.includes(' <- ')) continue;
    const sep = line.indexOf(': ');
    out.push({ at: Number(line.slice(0, sep)), text: line.slice(sep + 2) });
  }
  return out;
}

/** REST bodies keyed by URL. */
export function readHttpCapture(file: string): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const line of readFileSync(resolve(CAPTURED, file), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const arrow = line.indexOf(' -> ');
    const url = line.slice(0, arrow);
    const rest = line.slice(arrow + 4);
    out.set(url, JSON.parse(rest.slice(rest.indexOf(': ') + 2)));
  }
  return out;
}
