import type { Lang } from '@prapa/domain/common';

export type { Lang };

/** The languages the apps speak; Thai first, and the default. */
export const LANGUAGES: readonly Lang[] = ['th', 'en'];

export const DEFAULT_LANG: Lang = 'th';

/** Where the chosen language is remembered (one choice for all three apps on a device). */
export const LANG_STORAGE_KEY = 'prapa.lang';

/** The language to start in: the one remembered if it is one we speak, else Thai. */
export function initialLang(remembered: string | null | undefined): Lang {
  return LANGUAGES.find((l) => l === remembered) ?? DEFAULT_LANG;
}
