export const APP_CONFIG = Symbol('APP_CONFIG');
export const READ_MODEL_DB = Symbol('READ_MODEL_DB');
export const LOGGER = Symbol('LOGGER');
export const CLOCK = Symbol('CLOCK');

/** The injected clock: the domain never reads the time itself. */
export interface Clock {
  now(): Date;
}
