/** A deployed form as GET /forms lists it. */
export interface FormSummary {
  readonly key: string;
  readonly title: string | null;
  readonly latest: number;
  readonly versions: readonly number[];
}

/** A process version that pinned a form version when it was deployed. */
export interface FormUse {
  readonly processKey: string;
  readonly processName: string | null;
  readonly processVersion: number;
}

/** One form version, as GET /forms/{key} lists it. */
export interface FormVersionInfo {
  readonly version: number;
  readonly deployedBy: string;
  readonly deployedAt: string;
  readonly origin: string;
  readonly usedBy: readonly FormUse[];
}

export interface FormVersions {
  readonly key: string;
  readonly title: string | null;
  readonly latest: number;
  readonly versions: readonly FormVersionInfo[];
}

/** A Form.io form definition (the builder writes many more properties than these). */
export interface FormSchema {
  title?: string;
  display?: string;
  components: unknown[];
  [k: string]: unknown;
}

export interface Deployed {
  readonly key: string;
  readonly version: number;
  readonly created: boolean;
}
