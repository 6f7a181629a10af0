/**
 * The two ways to pay an invoice that the paper carries: the Thai QR bill-payment code
 * (EMVCo tag 30, with the amount due) and the Bank of Thailand Code 128 barcode. Drawn as
 * vector SVG so that they print sharp at any size and resolution.
 */
import bwipjs from 'bwip-js';
import QRCode from 'qrcode';
import { bankBarcodePayload, thaiQrBillPayment } from '../../../domain/index.js';
import type { InvoiceDocument } from './invoice-document.js';

export interface PaymentPayloads {
  /** '' when nothing is to be paid (a credit note, an invoice settled by credit) */
  qrPayload: string;
  barcodePayload: string;
}

export function paymentPayloads(doc: InvoiceDocument): PaymentPayloads {
  if (doc.amountDueSatang <= 0) return { qrPayload: '', barcodePayload: '' };
  const { billerId, ref1, ref2 } = doc.payment;
  return {
    qrPayload: thaiQrBillPayment({ billerId, ref1, ref2, amountSatang: doc.amountDueSatang }),
    barcodePayload: bankBarcodePayload({ billerId, ref1, ref2, amountSatang: doc.amountDueSatang }),
  };
}

/**
 * The QR code as SVG, error correction M, a two-module quiet zone: the dark modules as one
 * filled path of horizontal runs, so that no hairline seams show between modules.
 */
export function qrSvg(payload: string): string {
  const { modules } = QRCode.create(payload, { errorCorrectionLevel: 'M' });
  const quiet = 2;
  const n = modules.size;
  let path = '';
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n;) {
      if (!modules.get(y, x)) {
        x++;
        continue;
      }
      let run = 1;
      while (x + run < n && modules.get(y, x + run)) run++;
      path += `M${x + quiet} ${y + quiet}h${run}v1h-${run}z`;
      x += run;
    }
  }
  const side = n + 2 * quiet;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${side} ${side}"><rect width="${side}" height="${side}" fill="#fff"/><path fill="#000" d="${path}"/></svg>`;
}

/**
 * The Code 128 barcode as SVG (bars only: the document prints the caption), and how many
 * modules (narrowest bar widths) wide it is, quiet zones included.
 */
export function barcodeSvg(payload: string): { svg: string; modules: number } {
  const scale = 2;
  const svg = bwipjs.toSVG({ bcid: 'code128', text: payload, scale, height: 12, paddingwidth: 10 });
  return { svg, modules: svgSize(svg, 1).viewBoxWidth / scale };
}

/** The barcode payload as people read it under the bars: CR shown as a space. */
export function barcodeCaption(payload: string): string {
  return payload.replace(/\r/g, ' ');
}

/** Width and height of an SVG drawn `width` points wide, from its viewBox. */
export function svgSize(
  svg: string,
  width: number,
): { width: number; height: number; viewBoxWidth: number } {
  const box = /viewBox="[\d.]+[ ,]+[\d.]+[ ,]+([\d.]+)[ ,]+([\d.]+)"/.exec(svg);
  if (!box) throw new Error('SVG without a viewBox');
  const [w, h] = [Number(box[1]), Number(box[2])];
  return { width, height: (width * h) / w, viewBoxWidth: w };
}
