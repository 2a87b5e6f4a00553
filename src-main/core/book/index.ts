export * from './types';
export * from './side';
export * from './l2-book';
export * from './crc32';
export * from './checksum';
export * from './grouping';
