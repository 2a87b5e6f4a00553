export * from './amounts';
export * from './ledger';
export * from './positions';
export * from './view';
