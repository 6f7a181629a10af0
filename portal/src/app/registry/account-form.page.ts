import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import {
  ACCOUNT_STATUSES,
  FormField,
  Icon,
  LanguageService,
  ProblemAlert,
  fetchState,
  loadable,
  toProblemView,
  type Account,
  type ProblemView,
  type WaterUser,
} from '@prapa/ui';
import { forkJoin, map, of, switchMap, tap, type Observable } from 'rxjs';
import { TenancyApi } from '../organisation/tenancy.api';
import {
  CUSTOMER_TYPES,
  accountInput,
  changes,
  emptyForm,
  formFromAccount,
  serverFieldErrors,
  waterUserInput,
  type AccountFormField,
  type AccountFormValue,
} from './account-form';
import { RegistryApi } from './registry.api';
import { Breadcrumb } from '../shell/breadcrumb';
import { LoadStatus } from '../shell/load-status';

/** Labels of the form's fields, for the problem alert's list of fields at fault. */
const FIELD_LABELS: Record<AccountFormField, string> = {
  kind: 'registry.kind',
  name: 'registry.name',
  nameEn: 'registry.nameEn',
  nationalId: 'registry.nationalId',
  phone: 'registry.phone',
  houseNo: 'registry.houseNo',
  moo: 'registry.moo',
  address: 'registry.address',
  customerType: 'registry.customerType',
  waterworksId: 'registry.waterworks',
  villageId: 'registry.village',
  routeOrder: 'registry.routeOrder',
  status: 'registry.statusLabel',
  tariffCode: 'registry.tariff',
};

/** Create a water user with their account, or edit one (`/registry/new`, `/registry/:id/edit`). */
@Component({
  selector: 'prapa-account-form-page',
  imports: [
    Breadcrumb,
    LoadStatus,
    ReactiveFormsModule,
    TranslatePipe,
    RouterLink,
    Icon,
    ProblemAlert,
    FormField,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './account-form.page.html',
})
export class AccountFormPage {
  /** The route's `:id`; absent when creating. */
  readonly id = input<string>();
  private readonly api = inject(RegistryApi);
  private readonly router = inject(Router);
  private readonly language = inject(LanguageService);
  private readonly tenancy = inject(TenancyApi);

  protected readonly statuses = ACCOUNT_STATUSES;
  protected readonly customerTypes = CUSTOMER_TYPES;
  protected readonly fieldLabels = FIELD_LABELS;
  protected readonly form = inject(NonNullableFormBuilder).group({
    ...toControls(emptyForm()),
  });
  protected readonly places = loadable(() =>
    forkJoin({ waterworks: this.tenancy.waterworks(), villages: this.tenancy.villages() }),
  );
  /** What the engine has now (edit), or null (create). */
  private original: { account: Account; user: WaterUser; value: AccountFormValue } | null = null;
  protected readonly loaded = fetchState(toObservable(this.id), (id) =>
    id === undefined ? of(null) : this.load(Number(id)),
  );
  protected readonly busy = signal(false);
  protected readonly submitted = signal(false);
  protected readonly problem = signal<ProblemView | null>(null);
  protected readonly serverErrors = computed(() =>
    serverFieldErrors(this.problem(), this.language.lang()),
  );
  private readonly villagesOfWaterworks = toSignal(this.form.controls.waterworksId.valueChanges, {
    initialValue: '',
  });

  protected readonly villageOptions = computed(() => {
    const s = this.places.state();
    const works = this.villagesOfWaterworks();
    if (s.status !== 'ok') return [];
    return s.value.villages.filter(
      (v) => !works || v.waterworksId === null || String(v.waterworksId) === works,
    );
  });

  protected isEdit(): boolean {
    return this.id() !== undefined;
  }

  protected error(field: AccountFormField): string | null {
    const control = this.form.controls[field];
    if (this.submitted() && control.invalid) return 'required';
    return this.serverErrors()[field] ?? null;
  }

  protected submit(): void {
    this.submitted.set(true);
    if (this.form.invalid || this.busy()) return;
    const value = this.form.getRawValue();
    this.busy.set(true);
    this.problem.set(null);
    const save: Observable<number> = this.original
      ? this.update(this.original, value)
      : this.api.create(waterUserInput(value), accountInput(value)).pipe(map((a) => a.id));
    save.subscribe({
      next: (id) => {
        this.busy.set(false);
        void this.router.navigate(['/registry', id], { state: { saved: true } });
      },
      error: (err: unknown) => {
        this.busy.set(false);
        this.problem.set(toProblemView(err));
      },
    });
  }

  private update(
    original: { account: Account; user: WaterUser; value: AccountFormValue },
    value: AccountFormValue,
  ): Observable<number> {
    const userChanges = changes(waterUserInput(original.value), waterUserInput(value));
    const accountChanges = changes(accountInput(original.value), accountInput(value));
    const userId = original.user.id;
    const accountId = original.account.id;
    const user$: Observable<unknown> = Object.keys(userChanges).length
      ? this.api.updateWaterUser(userId, userChanges)
      : of(null);
    return user$.pipe(
      switchMap(() =>
        Object.keys(accountChanges).length
          ? this.api.updateAccount(accountId, accountChanges)
          : of(null),
      ),
      map(() => accountId),
    );
  }

  private load(id: number): Observable<Account> {
    return this.api.account(id).pipe(
      switchMap((account) =>
        (account.waterUser
          ? of(account.waterUser)
          : this.api.waterUser(account.waterUserId ?? 0)
        ).pipe(
          tap((user) => {
            const value = formFromAccount(account, user);
            this.original = { account, user, value };
            this.form.setValue(value);
          }),
          map(() => account),
        ),
      ),
    );
  }
}

function toControls(value: AccountFormValue) {
  return {
    kind: [value.kind],
    name: [value.name, [Validators.required]],
    nameEn: [value.nameEn],
    nationalId: [value.nationalId],
    phone: [value.phone],
    houseNo: [value.houseNo],
    moo: [value.moo],
    address: [value.address],
    customerType: [value.customerType],
    waterworksId: [value.waterworksId, [Validators.required]],
    villageId: [value.villageId],
    routeOrder: [value.routeOrder],
    status: [value.status],
    tariffCode: [value.tariffCode],
  };
}
