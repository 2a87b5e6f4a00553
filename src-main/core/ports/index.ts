export * from './clock';
export * from './timers';
export * from './logger';
export * from './random';
