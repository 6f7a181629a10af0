import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  input,
  output,
  signal,
} from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { STAFF_ROLES, type Role } from '@prapa/domain/common';
import { RoleLabelPipe } from '@prapa/ui';
import type { FormSummary, HandlerTopic } from './designer.types';
import type { ElementProps, PropertyEdit } from './element-properties';
import { conditionProblem, dueDateProblem } from './feel-check';

/** Roles a task can go to: every staff role but the administrator's own. */
const TASK_ROLES: readonly Role[] = STAFF_ROLES.filter((r) => r !== 'admin');

/**
 * The properties of the selected diagram element, in Thai: its name; for a user task the
 * form, the roles that may take it, an assignee and a due date; for a service task its
 * handler; for a flow out of a gateway its FEEL condition, checked as it is typed.
 */
@Component({
  selector: 'prapa-element-panel',
  imports: [TranslatePipe, RoleLabelPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './element-panel.html',
})
export class ElementPanel {
  readonly element = input.required<ElementProps | null>();
  readonly forms = input<readonly FormSummary[]>([]);
  readonly handlers = input<readonly HandlerTopic[]>([]);
  readonly edit = output<PropertyEdit>();
  readonly condition = output<string>();

  protected readonly roles = TASK_ROLES;
  /** What is typed in the condition and due-date fields, checked before it is written. */
  protected readonly conditionDraft = signal('');
  protected readonly dueDraft = signal('');
  protected readonly conditionError = computed(() => conditionProblem(this.conditionDraft()));
  protected readonly dueError = computed(() => dueDateProblem(this.dueDraft()));
  /** A form key the list does not have (a diagram from elsewhere): still shown, as it is. */
  protected readonly unknownForm = computed(() => {
    const key = this.element()?.formKey;
    return key && !this.forms().some((f) => f.key === key) ? key : null;
  });
  protected readonly unknownTopic = computed(() => {
    const topic = this.element()?.topic;
    return topic && !this.handlers().some((h) => h.topic === topic) ? topic : null;
  });

  constructor() {
    effect(() => {
      const el = this.element();
      this.conditionDraft.set(el?.condition ?? '');
      this.dueDraft.set(el?.dueDate ?? '');
    });
  }

  protected value(event: Event): string {
    return (event.target as HTMLInputElement | HTMLSelectElement).value;
  }

  protected set(field: 'name' | 'formKey' | 'assignee' | 'topic', event: Event): void {
    this.edit.emit({ field, value: this.value(event) });
  }

  protected toggleRole(role: Role, on: boolean): void {
    const current = this.element()?.candidateGroups ?? [];
    const next = on
      ? [...current.filter((r) => r !== role), role]
      : current.filter((r) => r !== role);
    this.edit.emit({ field: 'candidateGroups', value: next });
  }

  protected writeDue(): void {
    if (!this.dueError()) this.edit.emit({ field: 'dueDate', value: this.dueDraft() });
  }

  protected writeCondition(): void {
    if (!this.conditionError()) this.condition.emit(this.conditionDraft());
  }
}
