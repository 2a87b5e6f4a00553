export * from './decimal';
export * from './ids';
export * from './paper';
export * from './venue-reject';
