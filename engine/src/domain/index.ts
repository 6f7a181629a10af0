/**
 * @prapa/domain — pure water-utility rules shared by the engine and the apps.
 * No I/O, no clock, no Node or browser APIs beyond the ECMAScript standard library.
 */
export * from './common.js';
export * from './tariff.js';
export * from './tariff-presets.js';
export * from './one-off-fees.js';
export * from './reading.js';
export * from './baht-text.js';
export * from './thai-qr.js';
export * from './bank-barcode.js';
export * from './document-number.js';
