/**
 * Date-range inputs of the history filters. The terminal shows UTC everywhere, so the inputs
 * (`<input type="datetime-local">`, "YYYY-MM-DDTHH:mm") are read as UTC. Empty means unbounded;
 * anything else that is not such a time is refused (null), never guessed.
 */
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** Epoch ms of a UTC "YYYY-MM-DDTHH:mm[:ss]"; undefined when empty; null when malformed. */
export function utcInputToMillis(text: string): number | undefined | null {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const m = LOCAL.exec(trimmed);
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m;
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0));
  const back = new Date(ms);
  // Date.UTC rolls over (Feb 30 -> Mar 2): a date that does not exist is refused.
  if (back.getUTCMonth() !== Number(mo) - 1 || back.getUTCDate() !== Number(d)) return null;
  return ms;
}

/** The filter's range, or an error sentence for the form. */
export function rangeOf(from: string, to: string): { from?: number; to?: number } | string {
  const a = utcInputToMillis(from);
  const b = utcInputToMillis(to);
  if (a === null) return 'From is not a date and time';
  if (b === null) return 'To is not a date and time';
  // "To" includes its whole minute.
  const end = b === undefined ? undefined : b + 59_999;
  if (a !== undefined && end !== undefined && a > end) return 'From is after To';
  return { ...(a === undefined ? {} : { from: a }), ...(end === undefined ? {} : { to: end }) };
}
