export { Engine } from './engine';
export { EventRecorder, NullSink, type EngineEvent, type EngineSink } from './events';
export { TeeSink, toDecimalEvent, type DecimalContext, type DecimalEvent } from './event-format';
export type { PlaceOrderDecimal, AmendOrderDecimal } from './decimal-entry';
export { StateHasher } from './hash';
export type { InstrumentInfo } from './queries';
export { rejectionToAppError } from './errors';
export { commandJson } from './command-json';
export * from './types';
