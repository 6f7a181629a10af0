import {
  ChangeDetectionStrategy,
  Component,
  computed,
  input,
  output,
  signal,
  type OnInit,
} from '@angular/core';
import { FormioAppConfig, FormioComponent, type FormioForm } from '@formio/angular';
import { Formio } from '@formio/js';
import type { FieldProblem } from '@prapa/ui';
import { loadStyleBundle } from '../studio/style-bundle';
import type { FormDefinition } from './tasks.types';

/** The few Form.io renderer texts a task form shows, in Thai. */
const RENDERER_THAI: Record<string, string> = {
  required: 'กรุณากรอก{{field}}',
  minLength: '{{field}} ต้องยาวอย่างน้อย {{length}} ตัวอักษร',
  maxLength: '{{field}} ต้องยาวไม่เกิน {{length}} ตัวอักษร',
  min: '{{field}} ต้องไม่น้อยกว่า {{min}}',
  max: '{{field}} ต้องไม่มากกว่า {{max}}',
  invalid_email: '{{field}} ต้องเป็นอีเมล',
  error: 'กรุณาแก้ไขช่องที่ระบุก่อนส่ง',
  submitError: 'กรุณาแก้ไขช่องที่ระบุก่อนส่ง',
  next: 'ถัดไป',
  previous: 'ย้อนกลับ',
  cancel: 'ยกเลิก',
};

/** The part of Form.io's Webform this wrapper uses. */
interface Webform {
  submission: { data: Record<string, unknown> };
  getComponent(path: string): FormComponent | undefined;
}

/** The part of a Form.io component this wrapper uses. */
interface FormComponent {
  setCustomValidity(messages: { message: string; level: 'error' }[], dirty: boolean): void;
}

/** Submit buttons are the page's own (it sends to the engine): drop the form's. */
export function withoutSubmitButtons(form: FormDefinition): FormDefinition {
  const strip = (components: readonly Record<string, unknown>[]): Record<string, unknown>[] =>
    components
      .filter((c) => !(c['type'] === 'button' && (c['action'] ?? 'submit') === 'submit'))
      .map((c) =>
        Array.isArray(c['components'])
          ? { ...c, components: strip(c['components'] as Record<string, unknown>[]) }
          : c,
      );
  return { ...form, components: strip(form.components) };
}

/**
 * A task's Form.io form, rendered (never built) with @formio/angular. Loaded only by the
 * task page's lazy route; Form.io's stylesheet bundle comes with it. The page reads the
 * data with `data()` and puts the engine's 422 field errors on the fields with
 * `showServerErrors()`.
 */
@Component({
  selector: 'prapa-task-form',
  imports: [FormioComponent],
  providers: [{ provide: FormioAppConfig, useValue: { apiUrl: '', appUrl: '', icons: 'bi' } }],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (styled()) {
      <formio
        [form]="schema()"
        [submission]="{ data: initial() }"
        [options]="options()"
        [readOnly]="readOnly()"
        (ready)="onReady($event)"
        (change)="changed.emit()"
      />
    } @else {
      <div class="text-center py-4">
        <span class="spinner-border text-primary" role="status"></span>
      </div>
    }
  `,
})
export class TaskForm implements OnInit {
  readonly form = input.required<FormDefinition>();
  readonly initial = input<Readonly<Record<string, unknown>>>({});
  readonly readOnly = input(false);
  readonly lang = input<'th' | 'en'>('th');
  readonly changed = output<void>();

  protected readonly styled = signal(false);
  protected readonly schema = computed(
    () => withoutSubmitButtons(this.form()) as unknown as FormioForm,
  );
  protected readonly options = computed(() => ({
    icons: 'bi',
    noAlerts: true,
    language: this.lang(),
    i18n: { th: RENDERER_THAI },
  }));
  private webform: Webform | null = null;

  ngOnInit(): void {
    Formio.cdn.setBaseUrl(location.origin);
    void loadStyleBundle('formio').then(() => this.styled.set(true));
  }

  protected onReady(component: FormioComponent): void {
    this.webform = component.formio as unknown as Webform;
  }

  /** The data as typed so far (a copy). */
  data(): Record<string, unknown> {
    return structuredClone(this.webform?.submission.data ?? {});
  }

  /**
   * Shows each of the engine's field errors under its field (the path is the component's
   * key, or its data path); answers the errors no field of the form took.
   */
  showServerErrors(fields: readonly FieldProblem[], lang: 'th' | 'en'): FieldProblem[] {
    const form = this.webform;
    if (!form) return [...fields];
    const left: FieldProblem[] = [];
    for (const f of fields) {
      const component = form.getComponent(f.path.replace(/^data\./, ''));
      const message = (lang === 'en' ? f.message.en : f.message.th) || f.message.th;
      if (component) component.setCustomValidity([{ message, level: 'error' }], true);
      else left.push(f);
    }
    return left;
  }
}
