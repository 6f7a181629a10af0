import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  type ElementRef,
  ViewEncapsulation,
  afterNextRender,
  computed,
  effect,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { toObservable } from '@angular/core/rxjs-interop';
import { Router, RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import {
  Icon,
  LanguageService,
  ProblemAlert,
  ThaiDatePipe,
  fetchState,
  loadable,
  localize,
  saveBlob,
  toProblemView,
  type ProblemView,
} from '@prapa/ui';
import { BehaviorSubject, combineLatest, firstValueFrom } from 'rxjs';
import { DesignerApi } from './designer.api';
import type { Deployed } from './designer.types';
import { ElementPanel } from './element-panel';
import {
  attributesFor,
  readProps,
  type DiagramElement,
  type ElementProps,
  type PropertyEdit,
} from './element-properties';
import { ProcessModeler, type DiagramProblem } from './process-modeler';

/**
 * One process in the designer: its versions (who deployed each and when), any version open in
 * the bpmn-js modeler with our properties panel beside it, deploy as a new version (the
 * server's problems listed and marked on their elements), download and upload .bpmn.
 */
@Component({
  selector: 'prapa-process-page',
  imports: [RouterLink, TranslatePipe, Icon, ProblemAlert, ThaiDatePipe, ElementPanel],
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  templateUrl: './process.page.html',
  styleUrl: './process.page.css',
})
export class ProcessPage {
  /** Route parameter: the process key. */
  readonly key = input.required<string>();
  /** Query parameter: the version to open (the newest when absent). */
  readonly version = input<string | undefined>();

  private readonly api = inject(DesignerApi);
  private readonly router = inject(Router);
  private readonly language = inject(LanguageService);
  private readonly canvasRef = viewChild.required<ElementRef<HTMLElement>>('canvas');

  /** Deploys ask for the version list again. */
  private readonly reloadProcess = new BehaviorSubject<void>(undefined);
  protected readonly processState = fetchState(
    combineLatest([toObservable(this.key), this.reloadProcess]),
    ([key]) => this.api.process(key),
  );
  protected readonly forms = loadable(() => this.api.forms());
  protected readonly handlers = loadable(() => this.api.handlers());

  protected readonly formList = computed(() => {
    const s = this.forms.state();
    return s.status === 'ok' ? s.value : [];
  });
  protected readonly handlerList = computed(() => {
    const s = this.handlers.state();
    return s.status === 'ok' ? s.value : [];
  });
  protected readonly summary = computed(() => {
    const s = this.processState();
    return s.status === 'ok' ? s.value : null;
  });
  /** The version open in the modeler. */
  protected readonly opened = computed(() => {
    const asked = Number(this.version());
    return Number.isInteger(asked) && asked > 0 ? asked : (this.summary()?.latest ?? null);
  });

  private modeler: ProcessModeler | null = null;
  private selectedElement: DiagramElement | null = null;
  protected readonly ready = signal(false);
  protected readonly selected = signal<ElementProps | null>(null);
  protected readonly dirty = signal(false);
  protected readonly uploadedName = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly deployed = signal<Deployed | null>(null);
  protected readonly problem = signal<ProblemView | null>(null);
  protected readonly diagramProblems = signal<readonly DiagramProblem[]>([]);
  /** The refusal's headline, its element problems listed apart. */
  protected readonly headline = computed(() => {
    const p = this.problem();
    return p ? { ...p, fields: [] } : null;
  });

  constructor() {
    afterNextRender(async () => {
      const modeler = await ProcessModeler.create(this.canvasRef().nativeElement);
      this.modeler = modeler;
      modeler.onSelect((element) => this.show(element));
      modeler.onChange((element) => {
        if (element.id === this.selectedElement?.id) this.show(element);
      });
      modeler.onEdit(() => this.dirty.set(true));
      this.ready.set(true);
    });
    inject(DestroyRef).onDestroy(() => this.modeler?.destroy());

    // open the chosen version whenever it (or the modeler) becomes available
    effect(() => {
      const version = this.opened();
      if (this.ready() && version) void this.openVersion(this.key(), version);
    });
  }

  private show(element: DiagramElement | null): void {
    this.selectedElement = element;
    this.selected.set(element ? readProps(element) : null);
  }

  private async openVersion(key: string, version: number): Promise<void> {
    this.problem.set(null);
    try {
      const xml = await firstValueFrom(this.api.processXml(key, version));
      await this.openXml(xml);
      this.uploadedName.set(null);
    } catch (err) {
      this.problem.set(toProblemView(err));
    }
  }

  private async openXml(xml: string): Promise<void> {
    this.show(null);
    this.diagramProblems.set([]);
    await this.modeler!.open(xml);
    this.dirty.set(false);
  }

  protected edit(change: PropertyEdit): void {
    if (this.selectedElement) this.modeler?.update(this.selectedElement, attributesFor(change));
  }

  protected setCondition(body: string): void {
    if (this.selectedElement) this.modeler?.setCondition(this.selectedElement, body);
  }

  protected focus(elementId: string): void {
    this.modeler?.select(elementId);
  }

  protected async deploy(): Promise<void> {
    if (!this.modeler || this.busy()) return;
    this.busy.set(true);
    this.problem.set(null);
    this.deployed.set(null);
    try {
      const xml = await this.modeler.xml();
      const done = await firstValueFrom(this.api.deploy(this.key(), xml));
      this.modeler.showProblems([]);
      this.diagramProblems.set([]);
      this.deployed.set(done);
      this.reloadProcess.next();
      await this.router.navigate([], { queryParams: { version: done.version } });
    } catch (err) {
      const view = toProblemView(err);
      const lang = this.language.lang();
      const onDiagram = view.fields.map((f) => ({
        elementId: f.path,
        message: localize(f.message, lang),
      }));
      this.problem.set(view);
      this.diagramProblems.set(onDiagram);
      this.modeler.showProblems(onDiagram);
    } finally {
      this.busy.set(false);
    }
  }

  protected async download(): Promise<void> {
    if (!this.modeler) return;
    const xml = await this.modeler.xml();
    const name = this.uploadedName() ?? `${this.key()}-v${this.opened() ?? 0}.bpmn`;
    saveBlob(new Blob([xml], { type: 'application/xml' }), name);
  }

  protected async upload(input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    input.value = '';
    if (!file || !this.modeler) return;
    this.problem.set(null);
    this.deployed.set(null);
    try {
      await this.openXml(await file.text());
      this.uploadedName.set(file.name);
      this.dirty.set(true);
    } catch {
      this.problem.set({
        status: 0,
        code: 'bpmn_unreadable',
        message: null,
        messageKey: 'designer.upload.unreadable',
        fields: [],
        requestId: null,
      });
    }
  }

  protected openOther(version: number): void {
    if (this.dirty() && !confirm(this.language.lang() === 'th' ? DISCARD.th : DISCARD.en)) return;
    void this.router.navigate([], { queryParams: { version } });
  }
}

const DISCARD = {
  th: 'การแก้ไขที่ยังไม่ได้นำไปใช้จะหายไป เปิดเวอร์ชันอื่นหรือไม่?',
  en: 'Changes not yet deployed will be lost. Open another version?',
};
