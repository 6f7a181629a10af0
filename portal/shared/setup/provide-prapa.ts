import { provideHttpClient, withFetch, withInterceptors } from '@angular/common/http';
import {
  inject,
  provideAppInitializer,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
  type EnvironmentProviders,
  type Provider,
} from '@angular/core';
import { TitleStrategy } from '@angular/router';
import { provideTranslateService } from '@ngx-translate/core';
import { authInterceptor } from '../auth/auth.interceptor';
import { AuthService } from '../auth/auth.service';
import { LanguageService, type Dictionaries } from '../i18n/language.service';
import { PRAPA_APP, type PrapaApp } from './prapa-app';
import { TranslatedTitleStrategy } from './translated-title.strategy';

/**
 * Everything the three apps share at start-up: zoneless change detection, the HTTP client
 * with the bearer-token interceptor, translations (Thai first) and the stored session.
 * Route titles are translation keys. Each app's app.config.ts adds its routes.
 */
export function providePrapa(
  app: PrapaApp,
  dictionaries: Dictionaries,
): (Provider | EnvironmentProviders)[] {
  return [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    { provide: PRAPA_APP, useValue: app },
    provideHttpClient(withFetch(), withInterceptors([authInterceptor])),
    provideTranslateService({ fallbackLang: 'th', lang: 'th' }),
    { provide: TitleStrategy, useClass: TranslatedTitleStrategy },
    provideAppInitializer(() => {
      inject(LanguageService).init(dictionaries);
      inject(AuthService).refresh();
    }),
  ];
}
