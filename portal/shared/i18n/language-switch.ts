import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { LANGUAGES, type Lang } from './language';
import { LanguageService } from './language.service';

/** ไทย | EN — a two-button switch; `tone="dark"` on a dark bar. */
@Component({
  selector: 'prapa-language-switch',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div
      class="btn-group prapa-lang-switch"
      [class.btn-group-sm]="size() === 'sm'"
      role="group"
      [attr.aria-label]="'lang.choose' | translate"
    >
      @for (lang of languages; track lang) {
        <button
          type="button"
          [class]="buttonClass(language.lang() === lang)"
          [attr.aria-pressed]="language.lang() === lang"
          [attr.lang]="lang"
          [attr.data-lang]="lang"
          (click)="language.use(lang)"
        >
          {{ 'lang.' + lang | translate }}
        </button>
      }
    </div>
  `,
})
export class LanguageSwitch {
  readonly size = input<'sm' | 'md'>('md');
  readonly tone = input<'light' | 'dark'>('light');
  protected readonly language = inject(LanguageService);
  protected readonly languages: readonly Lang[] = LANGUAGES;

  protected buttonClass(active: boolean): string {
    if (this.tone() === 'dark') return active ? 'btn btn-light' : 'btn btn-outline-light';
    return active ? 'btn btn-primary' : 'btn btn-outline-primary';
  }
}
