import type { ApplicationConfig } from '@angular/core';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { providePrapa, type PrapaApp } from '@prapa/ui';
import en from '../i18n/en.json';
import th from '../i18n/th.json';
import { routes } from './app.routes';

const portal: PrapaApp = {
  id: 'portal',
  titleKey: 'portal.title',
  subtitleKey: 'portal.subtitle',
  allowedKinds: ['staff'],
  elsewhere: {
    messageKey: 'portal.residentElsewhere',
    href: '/m/',
    linkKey: 'portal.residentLink',
  },
};

export const appConfig: ApplicationConfig = {
  providers: [
    ...providePrapa(portal, { th, en }),
    provideRouter(routes, withComponentInputBinding()),
  ],
};
