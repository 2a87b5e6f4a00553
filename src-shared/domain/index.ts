export * from './decimal';
export * from './ids';
export * from './paper';
