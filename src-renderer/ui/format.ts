/** Display formatting. Times are shown in UTC, as traders compare them with venue timestamps. */
export function formatUtcTime(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(11, 19);
}

export function formatDuration(ms: number): string {
  const total = Math.floor(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${pad(m)}:${pad(s)}`;
}

/** Date and time in UTC, "2026-05-01 14:03:07" (history spans days). */
export function formatUtcDateTime(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 19).replace('T', ' ');
}
