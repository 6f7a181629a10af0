import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';

/**
 * A labelled form control with its message: the label, the projected input, a hint, and the
 * error (a translation key such as `required`, or the engine's message as it came).
 *
 *   <prapa-field label="registry.phone" for="f-phone" [error]="error('phone')">
 *     <input id="f-phone" class="form-control" formControlName="phone" />
 *   </prapa-field>
 *
 * The input gets `is-invalid` from the host class; give it `aria-describedby="<for>-error"`.
 */
@Component({
  selector: 'prapa-field',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'd-block', '[class.prapa-field--invalid]': '!!error()' },
  template: `
    <label class="form-label" [attr.for]="for()">{{ label() | translate }}</label>
    <ng-content />
    @if (error(); as e) {
      <div class="invalid-feedback d-block" [id]="for() + '-error'" role="alert">
        {{ e === 'required' ? ('forms.required' | translate) : e }}
      </div>
    } @else if (hint()) {
      <div class="form-text">{{ hint() | translate }}</div>
    }
  `,
  styles: `
    :host.prapa-field--invalid ::ng-deep .form-control,
    :host.prapa-field--invalid ::ng-deep .form-select {
      border-color: var(--bs-form-invalid-border-color);
    }
  `,
})
export class FormField {
  readonly label = input.required<string>();
  /** The id of the control the label is for. */
  readonly for = input.required<string>();
  readonly error = input<string | null | undefined>(null);
  readonly hint = input<string | null>(null);
}
