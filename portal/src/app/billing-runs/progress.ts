import type { BillingRunProgress } from '@prapa/ui';

/** How far a run is, 0–100, whole: a finished run is 100 even with no accounts to bill. */
export function progressPercent(p: Pick<BillingRunProgress, 'done' | 'total' | 'status'>): number {
  if (p.status === 'completed') return 100;
  if (!p.total) return 0;
  return Math.min(100, Math.floor((p.done / p.total) * 100));
}
