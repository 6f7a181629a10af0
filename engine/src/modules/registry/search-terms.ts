/**
 * What makes an account findable. The search table holds, per account, every word of
 * the water user's name and every suffix of each word (so a prefix look-up on the
 * index finds any part of a Thai name: "ชาย" finds "สมชาย"), the account number and its
 * parts, the house number, meter serials and the phone's digits. Queries are split the
 * same way and every word of the query must match some term (AND).
 */

/** Terms longer than this are cut (the column holds 64 characters). */
export const MAX_TERM = 64;

// Thai marks that cannot start a syllable: above/below vowels, tone marks, thanthakhat.
const COMBINING = /[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/;

export function normalise(text: string): string {
  return text.normalize('NFC').toLowerCase().trim();
}

function words(text: string): string[] {
  return normalise(text)
    .split(/[\s,()"'.]+/u)
    .filter(Boolean);
}

/** Every suffix of a word at least `min` characters long that starts a syllable. */
function suffixes(word: string, min: number): string[] {
  const chars = [...word];
  const out: string[] = [];
  for (let i = 0; i + min <= chars.length; i++) {
    if (i > 0 && COMBINING.test(chars[i]!)) continue;
    out.push(chars.slice(i).join(''));
  }
  return out;
}

export interface SearchableAccount {
  number: string;
  name: string;
  nameEn?: string | null;
  houseNo?: string | null;
  phone?: string | null;
  serials: readonly string[];
}

export function searchTerms(a: SearchableAccount): string[] {
  const terms = new Set<string>();
  for (const w of [...words(a.name), ...words(a.nameEn ?? '')]) {
    terms.add(w);
    for (const s of suffixes(w, 2)) terms.add(s);
  }
  const number = normalise(a.number);
  terms.add(number);
  for (const part of number.split(/[-/_.\s]+/).filter(Boolean)) {
    terms.add(part);
    // "12" finds "WW1-00012": the part without its leading zeros
    const trimmed = part.replace(/^0+(?=\d)/, '');
    if (trimmed !== part) terms.add(trimmed);
  }
  if (a.houseNo) terms.add(normalise(a.houseNo).replace(/\s+/g, ''));
  for (const serial of a.serials) {
    const s = normalise(serial).replace(/\s+/g, '');
    for (const x of suffixes(s, Math.min(4, s.length))) terms.add(x);
  }
  const phone = (a.phone ?? '').replace(/\D/g, '');
  if (phone) {
    terms.add(phone);
    if (phone.length > 4) terms.add(phone.slice(-4));
  }
  return [...terms].filter(Boolean).map((t) => [...t].slice(0, MAX_TERM).join(''));
}

/**
 * The query as groups of alternatives: each group must match, by any of its forms
 * (a phone typed as "089-123-4567" also matches by its digits).
 */
export function queryTerms(q: string): string[][] {
  return words(q)
    .slice(0, 6)
    .map((w) => {
      const forms = new Set([[...w].slice(0, MAX_TERM).join('')]);
      if (/^[\d-]+$/.test(w) && /\d/.test(w)) forms.add(w.replace(/\D/g, ''));
      return [...forms].filter(Boolean);
    })
    .filter((g) => g.length);
}

/** The exclusive upper bound of a prefix range: every term starting with `prefix` is below it. */
export function prefixEnd(prefix: string): string {
  return prefix + '\uFFFF';
}
