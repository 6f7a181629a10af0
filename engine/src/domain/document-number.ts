/** Document numbers: a prefix, the BE fiscal year and a running number ('IV2569-000123'). */
export function formatDocumentNumber(
  prefix: string,
  fiscalYearBE: number,
  seq: number,
  width = 6,
): string {
  void prefix;
  void fiscalYearBE;
  void seq;
  void width;
  throw new Error('not implemented');
}
