export * from './clock';
export * from './timers';
export * from './logger';
