import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import {
  Icon,
  LanguageService,
  ProblemAlert,
  localize,
  saveBlob,
  toProblemView,
  type ImportMode,
  type ImportReport,
  type ProblemView,
} from '@prapa/ui';
import { RegistryApi } from './registry.api';
import { Breadcrumb } from '../shell/breadcrumb';

/**
 * Import an existing registry from Excel: the file is checked first and every bad row is
 * listed; nothing is imported while a row is invalid unless the user explicitly chooses to
 * import only the valid rows. Also: the empty template and the whole registry as Excel.
 */
@Component({
  selector: 'prapa-import-export-page',
  imports: [Breadcrumb, TranslatePipe, Icon, ProblemAlert],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './import-export.page.html',
})
export class ImportExportPage {
  private readonly api = inject(RegistryApi);
  private readonly language = inject(LanguageService);

  protected readonly file = signal<File | null>(null);
  /** The check's report (mode=validate), then the import's. */
  protected readonly report = signal<ImportReport | null>(null);
  protected readonly imported = signal<ImportReport | null>(null);
  protected readonly busy = signal<ImportMode | 'export' | 'import-template' | null>(null);
  protected readonly problem = signal<ProblemView | null>(null);
  /** The user ticked "I understand the invalid rows are left out". */
  protected readonly acceptPartial = signal(false);

  /** Errors grouped per line, in line order. */
  protected readonly rows = computed(() => {
    const lang = this.language.lang();
    const byLine = new Map<number, { field: string; column: string | null; message: string }[]>();
    for (const e of this.report()?.errors ?? []) {
      const list = byLine.get(e.line) ?? [];
      list.push({ field: e.field, column: e.column ?? null, message: localize(e.message, lang) });
      byLine.set(e.line, list);
    }
    return [...byLine.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([line, errors]) => ({ line, errors }));
  });

  protected choose(input: HTMLInputElement): void {
    this.file.set(input.files?.[0] ?? null);
    this.report.set(null);
    this.imported.set(null);
    this.problem.set(null);
    this.acceptPartial.set(false);
    if (this.file()) this.run('validate');
  }

  protected run(mode: ImportMode): void {
    const file = this.file();
    if (!file || this.busy()) return;
    this.busy.set(mode);
    this.problem.set(null);
    this.api.importSheet(file, mode).subscribe({
      next: (report) => {
        this.busy.set(null);
        if (mode === 'validate') this.report.set(report);
        else this.imported.set(report);
      },
      error: (err: unknown) => {
        this.busy.set(null);
        const problem = toProblemView(err);
        const body = (err as { error?: unknown }).error as Partial<ImportReport> | undefined;
        // a refused all-or-nothing import answers with its report too
        if (body && Array.isArray(body.errors) && typeof body.rows === 'number') {
          this.report.set(body as ImportReport);
        }
        this.problem.set(problem);
      },
    });
  }

  protected download(which: 'export' | 'import-template'): void {
    if (this.busy()) return;
    this.busy.set(which);
    this.problem.set(null);
    this.api.sheet(which).subscribe({
      next: (blob) => {
        this.busy.set(null);
        saveBlob(blob, which === 'export' ? 'prapa-registry.xlsx' : 'prapa-registry-template.xlsx');
      },
      error: (err: unknown) => {
        this.busy.set(null);
        this.problem.set(toProblemView(err));
      },
    });
  }
}
