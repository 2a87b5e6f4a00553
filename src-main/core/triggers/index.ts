export * from './types';
export * from './trigger-book';
