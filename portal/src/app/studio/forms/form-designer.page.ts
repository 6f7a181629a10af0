import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import { FormBuilderComponent, FormioAppConfig, FormioComponent } from '@formio/angular';
import { TranslatePipe } from '@ngx-translate/core';
import {
  LanguageService,
  ProblemAlert,
  ThaiDatePipe,
  toProblemView,
  type LoadState,
  type ProblemView,
} from '@prapa/ui';
import { loadStyleBundle } from '../style-bundle';
import {
  FORMIO_APP_CONFIG,
  builderOptions,
  configureFormio,
  previewOptions,
} from './form-builder-options';
import { formProblems } from './form-problems';
import { FormsApi } from './forms.api';
import type { Deployed, FormSchema, FormVersions } from './forms.types';

type Tab = 'build' | 'preview' | 'usedBy';

/**
 * ออกแบบแบบฟอร์ม: the Form.io builder on one version of a form, its versions, a preview, and
 * the process versions that use each version. Saving deploys the builder's form as the next
 * version; the engine's problems (JavaScript in a form, a bad key) are listed by component.
 */
@Component({
  selector: 'prapa-form-designer-page',
  imports: [
    RouterLink,
    TranslatePipe,
    ProblemAlert,
    ThaiDatePipe,
    FormBuilderComponent,
    FormioComponent,
  ],
  providers: [{ provide: FormioAppConfig, useValue: FORMIO_APP_CONFIG }],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './form-designer.page.html',
  styles: `
    .builder-host {
      min-height: 24rem;
    }
    .version-list .list-group-item {
      cursor: pointer;
    }
  `,
})
export class FormDesignerPage {
  private readonly api = inject(FormsApi);
  private readonly language = inject(LanguageService);

  /** The form's key, from the route. */
  readonly key = input.required<string>();

  protected readonly tabs: readonly { id: Tab; key: string }[] = [
    { id: 'build', key: 'forms.designer.build' },
    { id: 'preview', key: 'forms.designer.preview' },
    { id: 'usedBy', key: 'forms.designer.usedBy' },
  ];
  protected readonly tab = signal<Tab>('build');
  protected readonly versions = signal<LoadState<FormVersions>>({ status: 'loading' });
  /** The version loaded into the builder. */
  protected readonly base = signal<number | null>(null);
  /** The form handed to the builder (set when a version is loaded, not on each edit). */
  protected readonly form = signal<FormSchema | null>(null);
  /** The form as last drawn for the preview tab. */
  protected readonly previewForm = signal<FormSchema | null>(null);
  protected readonly styled = signal(false);
  protected readonly dirty = signal(false);
  protected readonly saving = signal(false);
  protected readonly saved = signal<Deployed | null>(null);
  protected readonly problem = signal<ProblemView | null>(null);
  protected readonly loadProblem = signal<ProblemView | null>(null);

  protected readonly options = computed(() => builderOptions(this.language.lang()));
  protected readonly preview = computed(() => previewOptions(this.language.lang()));
  protected readonly problems = computed(() => {
    const p = this.problem();
    return p ? formProblems(this.currentForm(), p.fields, this.language.lang()) : [];
  });

  private readonly builder = viewChild(FormBuilderComponent);

  constructor() {
    configureFormio();
    void loadStyleBundle('formio').then(() => this.styled.set(true));
    effect(() => {
      const key = this.key();
      untracked(() => this.loadVersions(key, null));
    });
  }

  /** Loads a version into the builder (unsaved edits are dropped). */
  protected open(version: number): void {
    this.loadProblem.set(null);
    this.api.form(this.key(), version).subscribe({
      next: (form) => {
        this.base.set(version);
        this.form.set(structuredClone(form));
        this.previewForm.set(structuredClone(form));
        this.dirty.set(false);
      },
      error: (err: unknown) => this.loadProblem.set(toProblemView(err)),
    });
  }

  protected changed(): void {
    this.dirty.set(true);
    this.saved.set(null);
  }

  protected show(tab: Tab): void {
    if (tab === 'preview') this.previewForm.set(structuredClone(this.currentForm()));
    this.tab.set(tab);
  }

  protected save(): void {
    const form = this.currentForm();
    if (!form || this.saving()) return;
    this.saving.set(true);
    this.problem.set(null);
    this.saved.set(null);
    this.api.deploy(this.key(), form).subscribe({
      next: (d) => {
        this.saving.set(false);
        this.saved.set(d);
        this.dirty.set(false);
        this.base.set(d.version);
        this.loadVersions(this.key(), d.version);
      },
      error: (err: unknown) => {
        this.saving.set(false);
        this.problem.set(toProblemView(err));
      },
    });
  }

  /** The builder's form now, with the loaded version's title and other settings kept. */
  private currentForm(): FormSchema | null {
    const loaded = this.form();
    const schema = this.builder()?.formio?.schema as FormSchema | undefined;
    if (!loaded) return null;
    return schema ? { ...loaded, components: schema.components } : loaded;
  }

  private loadVersions(key: string, keep: number | null): void {
    this.api.versions(key).subscribe({
      next: (v) => {
        this.versions.set({ status: 'ok', value: v });
        if (keep === null) this.open(v.latest);
      },
      error: (err: unknown) => this.versions.set({ status: 'error', problem: toProblemView(err) }),
    });
  }
}
