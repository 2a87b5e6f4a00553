/**
 * CRC-32 (IEEE 802.3, the zlib polynomial) over UTF-8 text, written here because the core may not
 * import node:zlib. Verified against the OKX documentation vectors in the tests.
 */
const TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

const encoder = new TextEncoder();

/** Unsigned CRC-32 of the UTF-8 bytes of `text`. */
export function crc32(text: string): number {
  const bytes = encoder.encode(text);
  let crc = -1;
  for (let i = 0; i < bytes.length; i++) crc = TABLE[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ -1) >>> 0;
}

/** The same CRC interpreted as a signed 32-bit integer (OKX's convention). */
export function crc32Signed(text: string): number {
  return crc32(text) | 0;
}
