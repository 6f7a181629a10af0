import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { Icon, ProblemAlert, loadable } from '@prapa/ui';
import { FormsApi } from './forms.api';
import { StudioTabs } from './studio-tabs';

/** แบบฟอร์ม: every deployed form with its newest version, each opening in the builder. */
@Component({
  selector: 'prapa-form-list-page',
  imports: [RouterLink, TranslatePipe, Icon, ProblemAlert, StudioTabs],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './form-list.page.html',
})
export class FormListPage {
  private readonly api = inject(FormsApi);
  protected readonly forms = loadable(() => this.api.forms());
}
