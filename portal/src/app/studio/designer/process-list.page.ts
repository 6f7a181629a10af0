import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { Icon, ProblemAlert, ThaiDatePipe, loadable } from '@prapa/ui';
import { DesignerApi } from './designer.api';

/** กระบวนการงาน: every deployed process with its newest version, who deployed it and when. */
@Component({
  selector: 'prapa-process-list-page',
  imports: [RouterLink, TranslatePipe, Icon, ProblemAlert, ThaiDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './process-list.page.html',
})
export class ProcessListPage {
  private readonly api = inject(DesignerApi);
  protected readonly processes = loadable(() => this.api.processes());
}
