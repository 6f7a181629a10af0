/** Registers the new-connection handlers with the workflow (called from main.ts). */
import type { HandlerRegistry } from '../../../workflow/handlers.js';
import { ACTIVATE_ACCOUNT_TOPIC, activateAccountHandler } from './activate-account.handler.js';
import { CREATE_ACCOUNT_TOPIC, createAccountHandler } from './create-account.handler.js';
import {
  INSTALLATION_INVOICE_TOPIC,
  installationInvoiceHandler,
} from './installation-invoice.handler.js';
import type { NewConnectionDeps } from './new-connection.deps.js';

export type { NewConnectionDeps } from './new-connection.deps.js';

export function registerNewConnectionHandlers(
  handlers: HandlerRegistry,
  deps: NewConnectionDeps,
): void {
  handlers.register(CREATE_ACCOUNT_TOPIC, createAccountHandler(deps));
  handlers.register(INSTALLATION_INVOICE_TOPIC, installationInvoiceHandler(deps));
  handlers.register(ACTIVATE_ACCOUNT_TOPIC, activateAccountHandler(deps));
}
