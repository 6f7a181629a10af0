import { InjectionToken } from '@angular/core';
import type { UserKind } from '../auth/user';

/** Who an app is for and how its login page introduces it. */
export interface PrapaApp {
  /** `portal`, `mobile`, `handheld`: names the stored session and the login page. */
  readonly id: 'portal' | 'mobile' | 'handheld';
  /** Translation key of the title under the logo on the login page. */
  readonly titleKey: string;
  /** Translation key of the line under the title. */
  readonly subtitleKey: string;
  /** Who may sign in here; the others are told where to go instead. */
  readonly allowedKinds: readonly UserKind[];
  /** Shown to someone of another kind: a message key and the app to use instead. */
  readonly elsewhere: {
    readonly messageKey: string;
    readonly href: string;
    readonly linkKey: string;
  };
}

export const PRAPA_APP = new InjectionToken<PrapaApp>('PRAPA_APP');
