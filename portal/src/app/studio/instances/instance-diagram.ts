import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  type ElementRef,
  ViewEncapsulation,
  effect,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import type NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import { loadStyleBundle } from '../style-bundle';
import type { DiagramMarks } from './instance-progress';

interface Shape {
  readonly id: string;
  readonly type: string;
  readonly source?: { id: string };
  readonly target?: { id: string };
}
interface Canvas {
  addMarker(id: string, marker: string): void;
  zoom(level: 'fit-viewport', center?: 'auto'): number;
}
interface Registry {
  getAll(): Shape[];
  get(id: string): Shape | undefined;
}

/**
 * The instance's process version drawn by bpmn-js's NavigatedViewer (loaded only here), the
 * current step outlined in blue, steps passed in green, a failed step in red.
 */
@Component({
  selector: 'prapa-instance-diagram',
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  template: `
    <div #canvas class="prapa-instance-diagram" data-testid="diagram"></div>
    @if (failed()) {
      <p class="text-danger small mt-2">{{ failed() }}</p>
    }
  `,
  styles: `
    .prapa-instance-diagram {
      height: 20rem;
      background: var(--bs-body-bg);
      border: 1px solid var(--bs-border-color);
      border-radius: var(--bs-border-radius);
    }
    .prapa-instance-diagram .bjs-powered-by {
      display: none;
    }
    .prapa-instance-diagram .djs-shape.prapa-done .djs-visual > :first-child {
      stroke: #198754 !important;
      fill: #e8f5ee !important;
    }
    .prapa-instance-diagram .djs-connection.prapa-done .djs-visual > path {
      stroke: #198754 !important;
    }
    .prapa-instance-diagram .djs-shape.prapa-current .djs-visual > :first-child {
      stroke: #0d6efd !important;
      stroke-width: 4px !important;
      fill: #e7f1ff !important;
    }
    .prapa-instance-diagram .djs-shape.prapa-incident .djs-visual > :first-child {
      stroke: #dc3545 !important;
      stroke-width: 4px !important;
      fill: #fdecee !important;
    }
  `,
})
export class InstanceDiagram {
  readonly xml = input.required<string>();
  readonly marks = input.required<DiagramMarks>();

  private readonly host = viewChild.required<ElementRef<HTMLElement>>('canvas');
  protected readonly failed = signal<string | null>(null);
  private viewer: NavigatedViewer | null = null;
  private drawn = 0;

  constructor() {
    inject(DestroyRef).onDestroy(() => this.viewer?.destroy());
    effect(() => void this.draw(this.xml(), this.marks()));
  }

  private async draw(xml: string, marks: DiagramMarks): Promise<void> {
    const run = ++this.drawn;
    try {
      if (!this.viewer) {
        const [{ default: Viewer }] = await Promise.all([
          import('bpmn-js/lib/NavigatedViewer'),
          loadStyleBundle('bpmn'),
        ]);
        if (run !== this.drawn || this.viewer) return;
        this.viewer = new Viewer({ container: this.host().nativeElement });
      }
      await this.viewer.importXML(xml);
      if (run !== this.drawn) return;
      const canvas = this.viewer.get<Canvas>('canvas');
      const registry = this.viewer.get<Registry>('elementRegistry');
      const mark = (ids: readonly string[], marker: string) =>
        ids.filter((id) => registry.get(id)).forEach((id) => canvas.addMarker(id, marker));
      mark(marks.done, 'prapa-done');
      mark(marks.current, 'prapa-current');
      mark(marks.failed, 'prapa-incident');
      const passed = new Set(marks.done);
      const entered = new Set(marks.entered);
      const taken = registry
        .getAll()
        .filter(
          (s) =>
            s.type === 'bpmn:SequenceFlow' &&
            s.source &&
            s.target &&
            passed.has(s.source.id) &&
            entered.has(s.target.id),
        )
        .map((s) => s.id);
      mark(taken, 'prapa-done');
      canvas.zoom('fit-viewport', 'auto');
      this.failed.set(null);
    } catch (err: unknown) {
      this.failed.set(err instanceof Error ? err.message : String(err));
    }
  }
}
