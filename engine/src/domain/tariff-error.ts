import type { I18nText } from './tariff.js';

/**
 * A bill that cannot be calculated: unknown customer type or meter size, bad consumption.
 * Shaped like the engine's AppError (code, messages, field path) so a service maps it to a
 * 422 problem+json without guessing.
 */
export class TariffError extends Error {
  readonly code: string;
  readonly messages: I18nText;
  /** The input field at fault: 'consumptionM3', 'customerType' or 'meterSize'. */
  readonly path: string;
  constructor(code: string, messages: I18nText, path: string) {
    super(messages.en);
    this.name = 'TariffError';
    this.code = code;
    this.messages = messages;
    this.path = path;
  }
}
