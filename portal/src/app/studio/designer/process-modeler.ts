import type Modeler from 'bpmn-js/lib/Modeler';
import { loadStyleBundle } from '../style-bundle';
import { BPMN_THAI } from './bpmn-thai';
import type { DiagramElement } from './element-properties';

/** The bpmn-js services the designer calls (typed loosely: bpmn-js types them per module). */
interface Services {
  readonly eventBus: { on(event: string, fn: (e: Record<string, unknown>) => void): void };
  readonly modeling: {
    updateProperties(element: DiagramElement, props: Record<string, unknown>): void;
  };
  readonly moddle: { create(type: string, attrs: Record<string, unknown>): unknown };
  readonly elementRegistry: { get(id: string): DiagramElement | undefined };
  readonly selection: { select(element: DiagramElement | null): void };
  readonly canvas: {
    addMarker(id: string, marker: string): void;
    removeMarker(id: string, marker: string): void;
    zoom(level: 'fit-viewport' | number, center?: 'auto'): number;
    viewbox(box?: Box): Box & { inner: Box; outer: Box };
    scrollToElement(element: DiagramElement): void;
  };
  readonly overlays: {
    add(id: string, type: string, overlay: { position: object; html: HTMLElement }): string;
    remove(filter: { type: string }): void;
  };
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Below this a long diagram's Thai labels are too small to read: show its start instead. */
const MIN_ZOOM = 0.8;
/** Diagram units left free at the left for the palette, which floats over the canvas. */
const PALETTE_ROOM = 150;

/** A deploy problem placed on the diagram. */
export interface DiagramProblem {
  readonly elementId: string;
  readonly message: string;
}

const PROBLEM = 'prapa-problem';

/**
 * bpmn-js's Modeler with the Camunda moddle extension (camunda:formKey, candidateGroups,
 * topic…) and Thai palette labels, loaded only when the designer opens. The page talks to
 * it through these few methods, not to bpmn-js's services.
 */
export class ProcessModeler {
  private marked: string[] = [];

  private constructor(private readonly modeler: Modeler) {}

  static async create(container: HTMLElement): Promise<ProcessModeler> {
    const [{ default: BpmnModeler }, camunda] = await Promise.all([
      import('bpmn-js/lib/Modeler'),
      import('camunda-bpmn-moddle/resources/camunda.json'),
      loadStyleBundle('bpmn'),
    ]);
    const modeler = new BpmnModeler({
      container,
      moddleExtensions: { camunda: camunda.default },
      additionalModules: [BPMN_THAI],
    });
    return new ProcessModeler(modeler);
  }

  private get<K extends keyof Services>(name: K): Services[K] {
    return this.modeler.get<Services[K]>(name);
  }

  async open(xml: string): Promise<void> {
    this.marked = [];
    await this.modeler.importXML(xml);
    const canvas = this.get('canvas');
    if (canvas.zoom('fit-viewport', 'auto') >= MIN_ZOOM) return;
    const { inner, outer } = canvas.viewbox();
    const width = outer.width / MIN_ZOOM;
    const height = outer.height / MIN_ZOOM;
    canvas.viewbox({
      x: inner.x - PALETTE_ROOM,
      y: inner.y + inner.height / 2 - height / 2,
      width,
      height,
    });
  }

  async xml(): Promise<string> {
    const { xml } = await this.modeler.saveXML({ format: true });
    return xml ?? '';
  }

  /** Calls back with the one selected element, or null when none (or several) is. */
  onSelect(fn: (element: DiagramElement | null) => void): void {
    this.get('eventBus').on('selection.changed', (e) => {
      const chosen = e['newSelection'] as DiagramElement[];
      fn(chosen.length === 1 ? chosen[0]! : null);
    });
  }

  /** Calls back whenever an element changes (an edit, undo, redo, a label typed on the canvas). */
  onChange(fn: (element: DiagramElement) => void): void {
    this.get('eventBus').on('element.changed', (e) => fn(e['element'] as DiagramElement));
  }

  /** Calls back on every change to the diagram made in the modeler (and on undo / redo). */
  onEdit(fn: () => void): void {
    this.get('eventBus').on('commandStack.changed', () => fn());
  }

  update(element: DiagramElement, props: Record<string, unknown>): void {
    this.get('modeling').updateProperties(element, props);
  }

  /** Sets a sequence flow's condition (`=…` FEEL), or removes it when empty. */
  setCondition(flow: DiagramElement, body: string): void {
    const conditionExpression = body.trim()
      ? this.get('moddle').create('bpmn:FormalExpression', { body: body.trim() })
      : undefined;
    this.update(flow, { conditionExpression });
  }

  select(id: string): void {
    const element = this.get('elementRegistry').get(id);
    if (!element) return;
    this.get('selection').select(element);
    this.get('canvas').scrollToElement(element);
  }

  /** Marks each problem's element red with its message beside it; clears the last ones. */
  showProblems(problems: readonly DiagramProblem[]): void {
    const canvas = this.get('canvas');
    const overlays = this.get('overlays');
    for (const id of this.marked) canvas.removeMarker(id, PROBLEM);
    overlays.remove({ type: PROBLEM });
    this.marked = [];
    const registry = this.get('elementRegistry');
    for (const p of problems) {
      if (!registry.get(p.elementId)) continue;
      canvas.addMarker(p.elementId, PROBLEM);
      this.marked.push(p.elementId);
      const html = document.createElement('div');
      html.className = 'prapa-problem-note';
      html.textContent = p.message;
      html.setAttribute('data-element-id', p.elementId);
      overlays.add(p.elementId, PROBLEM, { position: { top: -6, left: 0 }, html });
    }
  }

  destroy(): void {
    this.modeler.destroy();
  }
}
