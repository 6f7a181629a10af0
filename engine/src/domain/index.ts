/**
 * @prapa/domain — pure water-utility rules shared by the engine and the apps.
 * No I/O, no clock, no Node or browser APIs beyond the ECMAScript standard library.
 */
export * from './thai-date.js';
export * from './tax-id.js';
export * from './roles.js';
