/**
 * pdfmake on the server with Noto Sans Thai, shipped in @expo-google-fonts/noto-sans-thai
 * (no network). Noto Sans Thai has a U+200B glyph, so Thai word breaks can be marked in
 * the text (see thai-text.ts). pdfmake may read nothing but these font files: no URLs,
 * no other local paths — a document's text can never pull a file into the PDF.
 */
import { createRequire } from 'node:module';
import pdfmake from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';

const require = createRequire(import.meta.url);
const fontFile = (weight: string) =>
  require.resolve(`@expo-google-fonts/noto-sans-thai/${weight}/NotoSansThai_${weight}.ttf`);

const REGULAR = fontFile('400Regular');
const BOLD = fontFile('700Bold');
const FONT_FILES = new Set([REGULAR, BOLD]);

export const FONT = 'NotoSansThai';

/**
 * OpenType features for Thai text. `ccmp` off: it splits SARA AM (ำ) into NIKHAHIT + SARA AA
 * glyphs, and a PDF maps each glyph to one text, so copied or searched text came out as
 * "ตำาบล" and other words lost their SARA AA. Noto Sans Thai's mark positioning still
 * stacks ้ above ำ without it (checked at 400 dpi).
 */
export const FONT_FEATURES = { ccmp: false } as unknown as PDFKit.Mixins.OpenTypeFeatures[];

/** Lays out and renders a document definition to PDF bytes. */
export function renderPdf(definition: TDocumentDefinitions): Promise<Buffer> {
  // pdfmake is a process-wide singleton: set what this render needs right before it
  // (createPdf reads fonts and policies synchronously).
  pdfmake.setFonts({
    [FONT]: { normal: REGULAR, bold: BOLD, italics: REGULAR, bolditalics: BOLD },
  });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => FONT_FILES.has(path));
  return pdfmake.createPdf(definition).getBuffer();
}
