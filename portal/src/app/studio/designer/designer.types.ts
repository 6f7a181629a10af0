/**
 * What the engine's workflow API sends the designer (engine/src/workflow/workflow.routes.ts):
 * deployed processes with their versions, forms, service-task handlers, deploy results.
 */

/** 'file' when it came from processes/*.bpmn at start-up, 'api' when an administrator deployed it. */
export type DeployOrigin = 'file' | 'api';

export interface ProcessVersion {
  readonly version: number;
  readonly deployedBy: string;
  readonly deployedAt: string;
  readonly origin: DeployOrigin;
}

export interface ProcessSummary {
  readonly key: string;
  readonly name: string | null;
  readonly latest: number;
  /** Newest first. */
  readonly versions: readonly ProcessVersion[];
}

export interface FormSummary {
  readonly key: string;
  readonly title: string | null;
  readonly latest: number;
  readonly versions: readonly number[];
}

/** A service-task topic; `implemented` is false for one declared but without a handler. */
export interface HandlerTopic {
  readonly topic: string;
  readonly description: string;
  readonly implemented: boolean;
}

export interface Deployed {
  readonly key: string;
  readonly version: number;
  readonly created: boolean;
}
