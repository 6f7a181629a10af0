/**
 * Thai text for fixed-width layouts. Thai writes no spaces between words, so lines break
 * at word boundaries found by the ICU dictionary (Intl.Segmenter); above- and below-base
 * vowels and tone marks sit on their consonant and take no cell of their own.
 */

const words = new Intl.Segmenter('th', { granularity: 'word' });

export const ZWSP = '\u200B';

const THAI = /[\u0E00-\u0E7F]/;
const ZERO_WIDTH = /[\p{Mn}\p{Me}\u200B-\u200D\uFEFF]/u;

/** Word pieces of a text, spaces kept as their own pieces. */
export function segments(text: string): string[] {
  return Array.from(words.segment(text), (s) => s.segment);
}

/**
 * The text with U+200B between Thai words, so that a layout engine that knows only
 * Unicode line breaking (pdfmake) may wrap there. Needs a font with a U+200B glyph.
 */
export function withThaiBreaks(text: string): string {
  const parts = segments(text);
  let out = parts[0] ?? '';
  for (let i = 1; i < parts.length; i++) {
    const before = parts[i - 1] as string;
    const part = parts[i] as string;
    const thaiJoint = THAI.test(before.slice(-1)) || THAI.test(part.charAt(0));
    const spaced = /\s$/.test(before) || /^\s/.test(part);
    out += (thaiJoint && !spaced ? ZWSP : '') + part;
  }
  return out;
}

/**
 * Text as the PDF prints it with Noto Sans Thai: Thai word breaks marked, and the few
 * characters the font lacks (superscript digits, as in m³) spelled with ones it has.
 */
export function forPdf(text: string): string {
  return withThaiBreaks(text.replace(/³/g, '3').replace(/²/g, '2'));
}

/** How many printer cells a text takes: combining marks and zero-width spaces take none. */
export function displayCells(text: string): number {
  let n = 0;
  for (const ch of text) if (!ZERO_WIDTH.test(ch)) n++;
  return n;
}

/** Cuts a text to at most `width` cells, cutting between characters, never inside a cluster. */
function hardSplit(word: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const ch of word) {
    if (!ZERO_WIDTH.test(ch) && displayCells(line) >= width) {
      out.push(line);
      line = '';
    }
    line += ch;
  }
  if (line) out.push(line);
  return out;
}

/** Wraps text into lines of at most `width` cells, at spaces and Thai word boundaries. */
export function wrapCells(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const piece of segments(text.replace(/\s+/g, ' ').trim())) {
    if (displayCells(line + piece) <= width) {
      line += piece;
      continue;
    }
    if (line.trim()) lines.push(line.trimEnd());
    line = piece.trim() ? piece : '';
    if (displayCells(line) > width) {
      const parts = hardSplit(line, width);
      line = parts.pop() ?? '';
      lines.push(...parts);
    }
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines.length ? lines : [''];
}
