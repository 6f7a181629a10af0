/**
 * The small part of @prapa/domain that every screen needs (Thai dates, roles, money
 * formatting, Thai IDs), as its own entry `@prapa/domain/common`. The apps' start-up code
 * imports this one: the bundler places whole files in chunks, so start-up code importing
 * the full barrel would pull the bill calculation, tariff presets and QR code into the
 * initial download of every page.
 */
export * from './thai-date.js';
export * from './tax-id.js';
export * from './roles.js';
export * from './money.js';
