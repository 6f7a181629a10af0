import type { ApplicationConfig } from '@angular/core';
import { provideRouter } from '@angular/router';
import { providePrapa, type PrapaApp } from '@prapa/ui';
import en from '../i18n/en.json';
import th from '../i18n/th.json';
import { routes } from './app.routes';

const mobile: PrapaApp = {
  id: 'mobile',
  titleKey: 'mobile.title',
  subtitleKey: 'mobile.subtitle',
  allowedKinds: ['resident'],
  elsewhere: { messageKey: 'mobile.staffElsewhere', href: '/', linkKey: 'mobile.staffLink' },
};

export const appConfig: ApplicationConfig = {
  providers: [...providePrapa(mobile, { th, en }), provideRouter(routes)],
};
