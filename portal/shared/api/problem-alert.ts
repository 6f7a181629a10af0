import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { Icon } from '../icons/icon';
import { LanguageService } from '../i18n/language.service';
import { localize, type Bilingual, type ProblemView } from './problem';

/**
 * Shows a failed request: the engine's message in the current language, the fields at
 * fault, and for server errors the request id to quote to the administrator.
 * `fieldLabels` maps a field name (`username`) to a translation key for its label.
 */
@Component({
  selector: 'prapa-problem-alert',
  imports: [TranslatePipe, Icon],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (problem(); as p) {
      <div class="alert alert-danger prapa-problem d-flex gap-2 align-items-start" role="alert">
        <prapa-icon name="alert" class="mt-1" />
        <div class="flex-grow-1">
          <div class="prapa-problem__message fw-medium" [attr.data-code]="p.code">
            {{ p.message ? text(p.message) : (p.messageKey | translate) }}
          </div>
          @if (p.fields.length) {
            <ul class="prapa-problem__fields mb-0 mt-1 ps-3">
              @for (field of p.fields; track field.path) {
                <li>
                  <span class="fw-semibold">{{ label(field.path) | translate }}</span>:
                  {{ text(field.message) }}
                </li>
              }
            </ul>
          }
          @if (p.requestId && p.status >= 500) {
            <div class="small mt-1">
              {{ 'errors.requestId' | translate }}: <code>{{ p.requestId }}</code>
            </div>
          }
        </div>
      </div>
    }
  `,
})
export class ProblemAlert {
  readonly problem = input<ProblemView | null>(null);
  readonly fieldLabels = input<Readonly<Record<string, string>>>({});
  private readonly language = inject(LanguageService);

  protected text(message: Bilingual): string {
    return localize(message, this.language.lang());
  }

  protected label(path: string): string {
    const labels = this.fieldLabels();
    const last = path.split('.').pop() ?? path;
    return labels[path] ?? labels[last] ?? path;
  }
}
