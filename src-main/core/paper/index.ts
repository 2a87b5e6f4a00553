export * from './types';
export * from './levels';
export * from './consumed';
export * from './queue';
export * from './market';
export * from './accounts';
export * from './orders';
export * from './exchange';
