/**
 * @prapa/ui — what portal, mobile and handheld share: sign-in and session, the API's
 * problem+json errors, Thai/English, Thai dates, the brand and icons.
 * A plain folder compiled by each app (path alias in ../../tsconfig.json).
 * The login page is its own entry, `@prapa/ui/login`, so apps load it (and forms) lazily.
 */
export * from './api/api.types';
export * from './api/billing.types';
export * from './api/fetch-state';
export * from './api/load-state';
export * from './api/problem';
export * from './api/problem-alert';
export * from './api/registry.types';
export * from './api/save-blob';
export * from './auth/auth.guards';
export * from './auth/auth.interceptor';
export * from './auth/auth.service';
export * from './auth/session-store';
export * from './auth/user';
export * from './brand/prapa-logo';
export * from './forms/form-field';
export * from './i18n/billing-period.pipe';
export * from './i18n/feature-translations';
export * from './i18n/language';
export * from './i18n/language-switch';
export * from './i18n/language.service';
export * from './i18n/role-label.pipe';
export * from './i18n/thai-date.pipe';
export * from './icons/icon';
export * from './layout/account-actions';
export * from './layout/pagination';
export * from './layout/touch-app-bar';
export * from './layout/welcome-card';
export * from './money/baht.pipe';
export * from './setup/prapa-app';
export * from './setup/provide-prapa';
export * from './setup/translated-title.strategy';
