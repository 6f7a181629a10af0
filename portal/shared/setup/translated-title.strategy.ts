import { Injectable, inject } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { TitleStrategy, type RouterStateSnapshot } from '@angular/router';
import { TranslateService } from '@ngx-translate/core';
import { PRAPA_APP } from './prapa-app';

/**
 * Route `title`s are translation keys: the tab reads "ข้อมูลหน่วยงาน · ระบบบริหารงานประปา",
 * and follows a language switch.
 */
@Injectable()
export class TranslatedTitleStrategy extends TitleStrategy {
  private readonly title = inject(Title);
  private readonly translate = inject(TranslateService);
  private readonly app = inject(PRAPA_APP);
  private pageKey: string | undefined;

  constructor() {
    super();
    // the strategy lives as long as the app: no unsubscribe needed
    this.translate.onLangChange.subscribe(() => this.apply());
  }

  override updateTitle(snapshot: RouterStateSnapshot): void {
    this.pageKey = this.buildTitle(snapshot);
    this.apply();
  }

  private apply(): void {
    const app = this.translate.instant(this.app.titleKey) as string;
    const page = this.pageKey ? (this.translate.instant(this.pageKey) as string) : null;
    this.title.setTitle(page && page !== app ? `${page} · ${app}` : app);
  }
}
