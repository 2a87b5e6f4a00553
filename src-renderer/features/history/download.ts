/**
 * Saves text the main process built (a CSV export) as a file: a Blob behind an object URL and an
 * anchor with `download`, the same in the Electron window and a browser tab. The URL is revoked
 * right after the click has started the download.
 */
export function saveTextFile(filename: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = filename;
  anchor.style.display = 'none';
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
