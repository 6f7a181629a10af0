import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import {
  BahtPipe,
  Icon,
  LanguageService,
  ProblemAlert,
  ThaiDatePipe,
  loadable,
  localize,
  toProblemView,
  type ProblemView,
} from '@prapa/ui';
import { PaymentsApi } from './payments.api';
import { PaymentsTabs } from './payments-tabs';
import type { BankFileImport } from './payments.types';

/**
 * ไฟล์ธนาคาร: a bank's daily bill-payment file imported as it came; what matched, what
 * waits in the exceptions queue, or every line at fault when the file is refused whole.
 */
@Component({
  selector: 'prapa-bank-files-page',
  imports: [PaymentsTabs, RouterLink, TranslatePipe, Icon, ProblemAlert, BahtPipe, ThaiDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './bank-files.page.html',
})
export class BankFilesPage {
  private readonly api = inject(PaymentsApi);
  private readonly language = inject(LanguageService);

  protected readonly layouts = loadable(() => this.api.bankLayouts());
  protected readonly files = loadable(() => this.api.bankFiles());
  protected readonly bank = signal('');
  protected readonly file = signal<File | null>(null);
  protected readonly busy = signal(false);
  protected readonly result = signal<BankFileImport | null>(null);
  protected readonly problem = signal<ProblemView | null>(null);

  /** The refused file's problems, one row each: where (line) and what. */
  protected readonly lineErrors = computed(() => {
    const lang = this.language.lang();
    return (this.problem()?.fields ?? []).map((f) => ({
      where: f.path,
      message: localize(f.message, lang),
    }));
  });
  /** The problem's own message, its fields listed apart. */
  protected readonly headline = computed(() => {
    const p = this.problem();
    return p ? { ...p, fields: [] } : null;
  });

  protected choose(input: HTMLInputElement): void {
    this.file.set(input.files?.[0] ?? null);
    this.result.set(null);
    this.problem.set(null);
  }

  protected upload(): void {
    const file = this.file();
    const bank = this.bank();
    if (!file || !bank || this.busy()) return;
    this.busy.set(true);
    this.result.set(null);
    this.problem.set(null);
    this.api.importBankFile(bank, file, file.name).subscribe({
      next: (imported) => {
        this.busy.set(false);
        this.result.set(imported);
        this.files.reload();
      },
      error: (err: unknown) => {
        this.busy.set(false);
        this.problem.set(toProblemView(err));
      },
    });
  }
}
