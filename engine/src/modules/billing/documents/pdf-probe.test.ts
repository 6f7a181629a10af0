/**
 * Reads a PDF the way a person and a bank scanner would: its text through poppler's
 * pdftotext, its first page as pixels through pdftoppm, and the QR and barcode found in
 * those pixels. Test-only (poppler-utils, jsQR, pngjs and @zxing/library are dev tools).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  BarcodeFormat,
  BinaryBitmap,
  DecodeHintType,
  HybridBinarizer,
  MultiFormatReader,
  RGBLuminanceSource,
} from '@zxing/library';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

export interface PageImage {
  width: number;
  height: number;
  /** RGBA, 4 bytes per pixel */
  data: Uint8ClampedArray;
  png: Buffer;
}

function withPdfFile<T>(pdf: Buffer, run: (file: string, dir: string) => T): T {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prapa-pdf-'));
  try {
    const file = path.join(dir, 'doc.pdf');
    fs.writeFileSync(file, pdf);
    return run(file, dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The PDF's text as pdftotext reads it, in content order (-raw): its layout mode puts Thai
 * marks that are shifted up or down (ุ under ส, ่ above ี) on a line of their own.
 */
export function pdfText(pdf: Buffer): string {
  return withPdfFile(pdf, (file) =>
    execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }),
  );
}

/** What pdfinfo says: page count, page size in points, the embedded fonts. */
export function pdfInfo(pdf: Buffer): { pages: number; pageSize: string; fonts: string } {
  return withPdfFile(pdf, (file) => {
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
    return {
      pages: Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]),
      pageSize: /^Page size:\s+(.*)$/m.exec(info)?.[1] ?? '',
      fonts,
    };
  });
}

/** The first page as a PNG at the given resolution. */
export function pageImage(pdf: Buffer, dpi: number): PageImage {
  return withPdfFile(pdf, (file, dir) => {
    execFileSync('pdftoppm', [
      '-r',
      String(dpi),
      '-f',
      '1',
      '-l',
      '1',
      '-png',
      '-singlefile',
      file,
      path.join(dir, 'page'),
    ]);
    const png = fs.readFileSync(path.join(dir, 'page.png'));
    const decoded = PNG.sync.read(png);
    return {
      width: decoded.width,
      height: decoded.height,
      data: new Uint8ClampedArray(
        decoded.data.buffer,
        decoded.data.byteOffset,
        decoded.data.length,
      ),
      png,
    };
  });
}

/** The text of the QR code found on the page, or null. */
export function decodeQr(image: PageImage): string | null {
  return jsQR.default(image.data, image.width, image.height)?.data ?? null;
}

/** The text of the Code 128 barcode found on the page, or null. */
export function decodeCode128(image: PageImage): string | null {
  const gray = new Uint8ClampedArray(image.width * image.height);
  for (let i = 0; i < gray.length; i++) {
    const [r, g, b] = [
      image.data[i * 4] ?? 0,
      image.data[i * 4 + 1] ?? 0,
      image.data[i * 4 + 2] ?? 0,
    ];
    gray[i] = (r * 299 + g * 587 + b * 114) / 1000;
  }
  const reader = new MultiFormatReader();
  const hints = new Map<DecodeHintType, unknown>([
    [DecodeHintType.POSSIBLE_FORMATS, [BarcodeFormat.CODE_128]],
    [DecodeHintType.TRY_HARDER, true],
  ]);
  try {
    const bitmap = new BinaryBitmap(
      new HybridBinarizer(new RGBLuminanceSource(gray, image.width, image.height)),
    );
    return reader.decode(bitmap, hints).getText();
  } catch {
    return null;
  }
}
