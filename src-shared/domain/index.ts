export * from './decimal';
export * from './ids';
