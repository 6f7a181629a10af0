import { DOCUMENT, Injectable, inject, signal } from '@angular/core';
import { TranslateService, mergeDeep, type TranslationObject } from '@ngx-translate/core';
import { LANG_STORAGE_KEY, initialLang, type Lang } from './language';
import sharedEn from './en.json';
import sharedTh from './th.json';

/** An app's own dictionaries, merged over the shared ones. */
export interface Dictionaries {
  readonly th: TranslationObject;
  readonly en: TranslationObject;
}

/**
 * The UI language: Thai by default, switchable at runtime, remembered in localStorage and
 * written to `<html lang>` so screen readers and the Thai line breaker know.
 */
@Injectable({ providedIn: 'root' })
export class LanguageService {
  private readonly translate = inject(TranslateService);
  private readonly document = inject(DOCUMENT);
  private readonly current = signal<Lang>('th');

  /** The language in use. */
  readonly lang = this.current.asReadonly();

  /** Loads the dictionaries (bundled, so the first paint is already translated) and the choice. */
  init(app: Dictionaries): void {
    this.translate.setTranslation('th', mergeDeep(sharedTh, app.th) as TranslationObject);
    this.translate.setTranslation('en', mergeDeep(sharedEn, app.en) as TranslationObject);
    this.translate.setFallbackLang('th');
    this.use(initialLang(this.storage()?.getItem(LANG_STORAGE_KEY)));
  }

  use(lang: Lang): void {
    this.current.set(lang);
    this.translate.use(lang);
    this.document.documentElement.lang = lang;
    this.storage()?.setItem(LANG_STORAGE_KEY, lang);
  }

  private storage(): Storage | null {
    try {
      return this.document.defaultView?.localStorage ?? null;
    } catch {
      return null;
    }
  }
}
