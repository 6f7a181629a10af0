/** What the task page shows beside the form, read from the instance's variables. */
export interface ContextRow {
  /** A translation key under `tasks.var.` when known, otherwise the variable's name. */
  readonly key: string;
  readonly known: boolean;
  readonly value: string;
}

/** Variables people recognise, in the order they read them. */
const KNOWN = [
  'applicantName',
  'applicantPhone',
  'address',
  'villageId',
  'meterSize',
  'accountNumber',
  'accountId',
  'customerName',
  'reporterName',
  'phone',
  'description',
  'documentsOk',
  'decision',
  'feasible',
  'estimatedCostBaht',
  'rejectionReason',
  'reason',
  'note',
] as const;

/**
 * The instance's plain variables (text, numbers, yes/no), known ones first; values of
 * nested objects (`application.applicantName`) are lifted when the top level lacks them.
 */
export function contextRows(variables: Readonly<Record<string, unknown>>, max = 14): ContextRow[] {
  const flat = new Map<string, unknown>();
  for (const [k, v] of Object.entries(variables)) {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      for (const [k2, v2] of Object.entries(v as Record<string, unknown>))
        if (!flat.has(k2) && !(k2 in variables)) flat.set(k2, v2);
    } else flat.set(k, v);
  }
  const plain = (v: unknown) =>
    typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
  const rows: ContextRow[] = [];
  for (const k of KNOWN) {
    const v = flat.get(k);
    if (plain(v) && v !== '') rows.push({ key: k, known: true, value: String(v) });
    flat.delete(k);
  }
  for (const [k, v] of flat) {
    if (plain(v) && v !== '') rows.push({ key: k, known: false, value: String(v) });
  }
  return rows.slice(0, max);
}
