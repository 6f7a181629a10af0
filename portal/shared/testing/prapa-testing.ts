import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import {
  inject,
  provideAppInitializer,
  type EnvironmentProviders,
  type Provider,
} from '@angular/core';
import { provideRouter, type Routes } from '@angular/router';
import { provideTranslateService } from '@ngx-translate/core';
import { authInterceptor } from '../auth/auth.interceptor';
import { LanguageService, type Dictionaries } from '../i18n/language.service';
import { PRAPA_APP, type PrapaApp } from '../setup/prapa-app';

/** A portal-like app for tests. */
export const TEST_APP: PrapaApp = {
  id: 'portal',
  titleKey: 'test.title',
  subtitleKey: 'test.subtitle',
  allowedKinds: ['staff'],
  elsewhere: { messageKey: 'test.elsewhere', href: '/m/', linkKey: 'test.link' },
};

/**
 * What a unit test of shared code needs: the app token, translations (shared dictionaries plus
 * `dictionaries`), the HTTP client with our interceptor against HttpTestingController, a router.
 */
export function providePrapaTesting(
  options: { app?: Partial<PrapaApp>; routes?: Routes; dictionaries?: Dictionaries } = {},
): (Provider | EnvironmentProviders)[] {
  return [
    { provide: PRAPA_APP, useValue: { ...TEST_APP, ...options.app } },
    provideTranslateService({ fallbackLang: 'th' }),
    provideHttpClient(withInterceptors([authInterceptor])),
    provideHttpClientTesting(),
    provideRouter(options.routes ?? []),
    provideAppInitializer(() =>
      inject(LanguageService).init(options.dictionaries ?? { th: {}, en: {} }),
    ),
  ];
}
