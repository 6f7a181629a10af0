import type { ApplicationConfig } from '@angular/core';
import { provideRouter } from '@angular/router';
import { providePrapa, type PrapaApp } from '@prapa/ui';
import en from '../i18n/en.json';
import th from '../i18n/th.json';
import { routes } from './app.routes';

const handheld: PrapaApp = {
  id: 'handheld',
  titleKey: 'handheld.title',
  subtitleKey: 'handheld.subtitle',
  allowedKinds: ['staff'],
  elsewhere: {
    messageKey: 'handheld.residentElsewhere',
    href: '/m/',
    linkKey: 'handheld.residentLink',
  },
};

/*
 * Offline-first comes later: `ng add @angular/pwa@21.2.23 --project handheld` adds
 * provideServiceWorker('ngsw-worker.js', …) here, the manifest and ngsw-config.json.
 * The session is already kept in localStorage, so a reload without network stays signed in.
 */
export const appConfig: ApplicationConfig = {
  providers: [...providePrapa(handheld, { th, en }), provideRouter(routes)],
};
