import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  linkedSignal,
  signal,
} from '@angular/core';
import { toObservable } from '@angular/core/rxjs-interop';
import { TranslatePipe } from '@ngx-translate/core';
import { METER_SIZES } from '@prapa/domain';
import {
  BahtPipe,
  Icon,
  LanguageService,
  ProblemAlert,
  fetchState,
  localize,
  type TariffView,
} from '@prapa/ui';
import { EMPTY, debounceTime } from 'rxjs';
import { billInBrowser, sameBill, type CalculatorInput } from './bill-check';
import { TariffsApi } from './tariffs.api';
import { BillLines } from '../invoices/bill-lines';

/**
 * The bill calculator: a consumption, meter size and customer type give the itemised bill,
 * computed here with @prapa/domain's calculateBill and confirmed by the engine's preview.
 */
@Component({
  selector: 'prapa-bill-calculator',
  imports: [BillLines, TranslatePipe, BahtPipe, Icon, ProblemAlert],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './bill-calculator.html',
})
export class BillCalculator {
  readonly tariff = input.required<TariffView>();
  private readonly api = inject(TariffsApi);
  private readonly language = inject(LanguageService);

  protected readonly consumption = signal('20');
  protected readonly customerType = linkedSignal(
    () => this.tariff().definition.customerTypes[0]?.code ?? '',
  );
  protected readonly meterSize = linkedSignal(
    () => this.tariff().definition.meterFees[0]?.meterSize ?? METER_SIZES[0],
  );
  protected readonly sizes = computed(() => {
    const fees = this.tariff().definition.meterFees.map((f) => f.meterSize);
    return fees.length ? fees : [...METER_SIZES];
  });

  private readonly request = computed((): CalculatorInput => ({
    consumption: this.consumption(),
    customerType: this.customerType(),
    meterSize: this.meterSize(),
  }));
  /** The bill worked out in the browser, at once. */
  protected readonly local = computed(() =>
    billInBrowser(this.tariff().definition, this.request()),
  );
  /** The engine's answer for the same input, a moment after the typing stops. */
  protected readonly server = fetchState(
    toObservable(this.request).pipe(debounceTime(250)),
    (r) => {
      const local = billInBrowser(this.tariff().definition, r);
      if (!local.ok) return EMPTY;
      const t = this.tariff();
      return this.api.preview({
        ...(t.id === null ? { tariffCode: t.code } : { tariffId: t.id }),
        consumptionM3: local.consumptionM3,
        customerType: r.customerType,
        meterSize: r.meterSize,
      });
    },
  );
  protected readonly confirmed = computed(() => {
    const local = this.local();
    const server = this.server();
    if (!local.ok || server.status !== 'ok') return null;
    return sameBill(local.bill, server.value);
  });

  protected text(t: { th: string; en: string }): string {
    return localize(t, this.language.lang());
  }
}
