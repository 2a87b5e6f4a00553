export * from './fixed';
export * from './grid';
export * from './decimal';
