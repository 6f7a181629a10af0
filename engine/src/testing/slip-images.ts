/**
 * Test pictures of Thai bank transfer slips, as a phone screenshot looks: a light page, a
 * coloured header, dark blocks where the text would be and the slip's mini-QR near the
 * bottom right (DOMAIN.md §4 "Transfer slips").
 */
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import { crc16 } from '../domain/thai-qr.js';

export interface SlipImageOptions {
  /** what the QR says: a slip QR (slipQrText) or anything else, e.g. a bill-payment QR */
  qrText: string;
  width?: number;
  height?: number;
  /** the QR's side in pixels, its quiet zone included; modules need not be whole pixels */
  qrWidth?: number;
  /** light modules on a dark square, as some apps draw in dark mode */
  inverted?: boolean;
}

type Rgb = readonly [number, number, number];

const PAGE: Rgb = [244, 246, 250];
const CARD: Rgb = [255, 255, 255];
const HEADER: Rgb = [19, 120, 64];
const INK: Rgb = [52, 56, 64];
const FAINT: Rgb = [150, 156, 166];
const DARK: Rgb = [0, 0, 0];
const LIGHT: Rgb = [255, 255, 255];

/** The slip's mini-QR text: tag 00 { 00 "000001", 01 bank, 02 ref }, 51 "TH", 91 CRC. */
export function slipQrText(bank: string, ref: string): string {
  const field = (id: string, value: string) => id + String(value.length).padStart(2, '0') + value;
  const body = field('00', field('00', '000001') + field('01', bank) + field('02', ref));
  const payload = `${body}${field('51', 'TH')}9104`;
  return payload + crc16(payload);
}

export function slipPng(options: SlipImageOptions): Buffer {
  const { width, height, data } = drawSlip(options);
  const png = new PNG({ width, height });
  data.copy(png.data);
  return PNG.sync.write(png);
}

export function slipJpeg(options: SlipImageOptions & { quality?: number }): Buffer {
  const { width, height, data } = drawSlip(options);
  return jpeg.encode({ width, height, data }, options.quality ?? 85).data;
}

interface Raster {
  width: number;
  height: number;
  data: Buffer;
}

function drawSlip(options: SlipImageOptions): Raster {
  const { qrText, width = 1080, height = 1920, qrWidth = 240, inverted = false } = options;
  const raster: Raster = { width, height, data: Buffer.alloc(width * height * 4) };
  fill(raster, 0, 0, width, height, PAGE);
  fill(raster, 0, 0, width, height * 0.08, HEADER);
  const card = { x: width * 0.05, y: height * 0.11, w: width * 0.9, h: height * 0.82 };
  fill(raster, card.x, card.y, card.w, card.h, CARD);

  // lines of text: a label on the left, a value on the right, a faint divider now and then
  const line = Math.max(6, height * 0.012);
  const margin = width * 0.08;
  const lineWidths = [0.42, 0.3, 0.55, 0.25, 0.38, 0.47, 0.33, 0.28, 0.5, 0.36];
  let y = card.y + height * 0.04;
  lineWidths.forEach((share, i) => {
    if (y + line > card.y + card.h * 0.6) return;
    fill(raster, card.x + margin, y, card.w * share * 0.6, line, INK);
    fill(raster, card.x + card.w - margin - card.w * 0.22, y, card.w * 0.22, line, INK);
    if (i % 3 === 2) fill(raster, card.x + margin, y + line * 2.6, card.w - 2 * margin, 2, FAINT);
    y += line * 4.2;
  });

  const qrX = card.x + card.w - margin - qrWidth;
  const qrY = card.y + card.h - height * 0.04 - qrWidth;
  fill(raster, card.x + margin, qrY + qrWidth * 0.3, card.w * 0.35, line, FAINT);
  fill(raster, card.x + margin, qrY + qrWidth * 0.55, card.w * 0.25, line, FAINT);
  drawQr(raster, qrText, Math.round(qrX), Math.round(qrY), qrWidth, inverted);
  return raster;
}

/** Each pixel takes the module under its position, so a module may be a fraction of pixels. */
function drawQr(r: Raster, text: string, x0: number, y0: number, side: number, inverted: boolean) {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const quiet = 2;
  const units = modules.size + 2 * quiet;
  const [dark, light] = inverted ? [LIGHT, DARK] : [DARK, LIGHT];
  for (let py = 0; py < side; py++) {
    const my = Math.floor((py * units) / side) - quiet;
    for (let px = 0; px < side; px++) {
      const mx = Math.floor((px * units) / side) - quiet;
      const inside = mx >= 0 && my >= 0 && mx < modules.size && my < modules.size;
      put(r, x0 + px, y0 + py, inside && modules.get(my, mx) ? dark : light);
    }
  }
}

function fill(r: Raster, x: number, y: number, w: number, h: number, colour: Rgb) {
  const x1 = Math.min(r.width, Math.round(x + w));
  const y1 = Math.min(r.height, Math.round(y + h));
  for (let py = Math.max(0, Math.round(y)); py < y1; py++) {
    for (let px = Math.max(0, Math.round(x)); px < x1; px++) put(r, px, py, colour);
  }
}

function put(r: Raster, x: number, y: number, [red, green, blue]: Rgb) {
  if (x < 0 || y < 0 || x >= r.width || y >= r.height) return;
  const i = (y * r.width + x) * 4;
  r.data[i] = red;
  r.data[i + 1] = green;
  r.data[i + 2] = blue;
  r.data[i + 3] = 255;
}
