import { inject, provideEnvironmentInitializer, type EnvironmentProviders } from '@angular/core';
import { TranslateService, type TranslationObject } from '@ngx-translate/core';
import type { Dictionaries } from './language.service';

/**
 * A lazily loaded area's own dictionaries, merged over the app's when its route is first
 * entered, so their text stays out of the initial bundle. Put it in a lazy route's
 * `providers`: `providers: [provideFeatureTranslations({ th, en })]`.
 */
export function provideFeatureTranslations(dictionaries: Dictionaries): EnvironmentProviders {
  return provideEnvironmentInitializer(() => {
    const translate = inject(TranslateService);
    translate.setTranslation('th', dictionaries.th as TranslationObject, true);
    translate.setTranslation('en', dictionaries.en as TranslationObject, true);
  });
}
