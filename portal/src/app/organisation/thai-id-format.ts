/** A 13-digit Thai ID or tax ID as people write it: "0-9940-00123-45-6". */
export function formatThaiId(id: string): string {
  const m = /^(\d)(\d{4})(\d{5})(\d{2})(\d)$/.exec(id);
  return m ? m.slice(1).join('-') : id;
}
