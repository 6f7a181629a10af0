import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  computed,
  inject,
  signal,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { ActivatedRoute, Router } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { map } from 'rxjs';
import { fieldMessage, toProblemView, type ProblemView } from '../../api/problem';
import { ProblemAlert } from '../../api/problem-alert';
import { PrapaLogo } from '../../brand/prapa-logo';
import { LanguageSwitch } from '../../i18n/language-switch';
import { LanguageService } from '../../i18n/language.service';
import { Icon } from '../../icons/icon';
import { PRAPA_APP } from '../../setup/prapa-app';
import { safeReturnUrl } from '../auth.guards';
import { AuthService } from '../auth.service';

/** The sign-in page of all three apps; PRAPA_APP says whose it is. */
@Component({
  selector: 'prapa-login-page',
  imports: [ReactiveFormsModule, TranslatePipe, ProblemAlert, PrapaLogo, LanguageSwitch, Icon],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './login.page.html',
  styleUrl: './login.page.scss',
})
export class LoginPage {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly language = inject(LanguageService);
  private readonly document = inject(DOCUMENT);
  protected readonly app = inject(PRAPA_APP);

  protected readonly form = inject(NonNullableFormBuilder).group({
    username: ['', [Validators.required]],
    password: ['', [Validators.required]],
  });
  protected readonly submitted = signal(false);
  protected readonly busy = signal(false);
  protected readonly problem = signal<ProblemView | null>(null);
  protected readonly elsewhere = signal(false);
  protected readonly showPassword = signal(false);
  protected readonly fieldLabels = { username: 'login.username', password: 'login.password' };

  /** Why we are here again: `expired` or `signed-out` (from the query string). */
  protected readonly reason = toSignal(this.route.queryParamMap.pipe(map((q) => q.get('reason'))), {
    initialValue: null,
  });
  protected readonly usernameServerError = computed(() =>
    fieldMessage(this.problem(), 'username', this.language.lang()),
  );
  protected readonly passwordServerError = computed(() =>
    fieldMessage(this.problem(), 'password', this.language.lang()),
  );

  /** Clears the password for another try, without calling it missing. */
  private retypePassword(): void {
    this.form.controls.password.reset();
    this.submitted.set(false);
    this.document.getElementById('login-password')?.focus();
  }

  protected invalid(name: 'username' | 'password'): boolean {
    return this.submitted() && this.form.controls[name].invalid;
  }

  protected submit(): void {
    this.submitted.set(true);
    this.elsewhere.set(false);
    if (this.form.invalid || this.busy()) return;
    const { username, password } = this.form.getRawValue();
    this.busy.set(true);
    this.problem.set(null);
    this.auth.login(username.trim(), password).subscribe({
      next: (outcome) => {
        this.busy.set(false);
        if (outcome.kind === 'elsewhere') {
          this.elsewhere.set(true);
          this.retypePassword();
          return;
        }
        const returnUrl = safeReturnUrl(this.route.snapshot.queryParamMap.get('returnUrl'));
        void this.router.navigateByUrl(returnUrl);
      },
      error: (err: unknown) => {
        this.busy.set(false);
        this.problem.set(toProblemView(err));
        this.retypePassword();
      },
    });
  }
}
