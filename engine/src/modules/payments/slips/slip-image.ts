/**
 * Reads the mini-QR of a Thai bank transfer slip from the picture a payer uploads
 * (DOMAIN.md §4 "Transfer slips"): usually a phone screenshot, about 1080×2000, with a small
 * QR near the bottom. The file's first bytes decide PNG or JPEG, not its declared type.
 */
import jpeg from 'jpeg-js';
import jsQR from 'jsqr'; // a CommonJS bundle: its function is `.default` under NodeNext
import { PNG } from 'pngjs';
import { parseSlipQr } from '../../../domain/thai-qr.js';
import { UserError } from '../../../http/errors.js';

export interface SlipQr {
  sendingBank: string;
  transactionRef: string;
  /** the QR's text as read, for the record */
  qrText: string;
}

/** Larger files are refused before decoding: a slip screenshot is well under 2 MB. */
export const MAX_SLIP_BYTES = 10 * 1024 * 1024;
/** Larger pictures are refused before decoding, so that one upload cannot hold the CPU. */
export const MAX_SLIP_PIXELS = 20_000_000;
/** Scanning starts on a copy halved until it has at most this many pixels. */
const SCAN_PIXELS = 4_000_000;
/** A copy whose shorter side is below this is too coarse to hold a slip's QR. */
const MIN_SCAN_SIDE = 200;

type ImageKind = 'png' | 'jpeg';

interface Rgba {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

/**
 * The sending bank and transaction reference of the slip in the picture. Throws a UserError
 * (path `image`) when the bytes are not a PNG or JPEG (`slip_image_type`), are too large
 * (`slip_image_too_large`), or hold no slip QR (`slip_unreadable`).
 */
export function readSlipImage(bytes: Buffer, contentType?: string): SlipQr {
  if (bytes.length > MAX_SLIP_BYTES) throw tooLarge();
  const kind = sniff(bytes);
  if (!kind) throw notAnImage(contentType);
  const size = kind === 'png' ? pngSize(bytes) : jpegSize(bytes);
  if (!size) throw damaged();
  if (size.width * size.height > MAX_SLIP_PIXELS) throw tooLarge();

  const texts = scanQrTexts(decode(bytes, kind));
  for (const qrText of texts) {
    const slip = parseSlipQr(qrText);
    if (slip) return { ...slip, qrText: qrText.trim() };
  }
  throw texts.length > 0 ? notASlipQr() : noQr();
}

function sniff(bytes: Buffer): ImageKind | null {
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length > 24 && png.every((b, i) => bytes[i] === b)) return 'png';
  if (bytes.length > 4 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff)
    return 'jpeg';
  return null;
}

/** Width and height from the IHDR chunk, which a PNG must start with. */
function pngSize(bytes: Buffer): { width: number; height: number } | null {
  if (bytes.toString('latin1', 12, 16) !== 'IHDR') return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Width and height from the first start-of-frame marker (SOF0–SOF15 but DHT, JPG, DAC). */
function jpegSize(bytes: Buffer): { width: number; height: number } | null {
  let i = 2;
  while (i + 9 < bytes.length) {
    if (bytes[i] !== 0xff) return null;
    const marker = bytes[i + 1] ?? 0;
    if (marker === 0xff) {
      i++; // fill byte
      continue;
    }
    const length = bytes.readUInt16BE(i + 2);
    const isFrame = marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker);
    if (isFrame) return { height: bytes.readUInt16BE(i + 5), width: bytes.readUInt16BE(i + 7) };
    i += 2 + length;
  }
  return null;
}

function decode(bytes: Buffer, kind: ImageKind): Rgba {
  try {
    if (kind === 'jpeg') {
      const image = jpeg.decode(bytes, {
        useTArray: true,
        formatAsRGBA: true,
        maxResolutionInMP: MAX_SLIP_PIXELS / 1_000_000,
        maxMemoryUsageInMB: 512,
      });
      const data = new Uint8ClampedArray(
        image.data.buffer,
        image.data.byteOffset,
        image.data.length,
      );
      return { width: image.width, height: image.height, data };
    }
    const png = PNG.sync.read(bytes);
    const data = new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length);
    if (png.alpha) flattenOnWhite(data);
    return { width: png.width, height: png.height, data };
  } catch {
    throw damaged();
  }
}

/** A transparent pixel reads as its (often black) colour to jsQR: show it on white instead. */
function flattenOnWhite(data: Uint8ClampedArray): void {
  for (let i = 0; i < data.length; i += 4) {
    const alpha = data[i + 3] ?? 255;
    if (alpha === 255) continue;
    for (let c = i; c < i + 3; c++) data[c] = ((data[c] ?? 0) * alpha + 255 * (255 - alpha)) / 255;
    data[i + 3] = 255;
  }
}

/**
 * Every QR text found, trying the cheap reads first: dark-on-light at each scale (full size,
 * then ½ and ¼: halving averages out JPEG noise and makes big modules crisp), then the same
 * scales with light and dark swapped, for light-on-dark codes. Stops at the first slip QR.
 * (jsQR's own inversion would redo the dark-on-light scan, and its 'onlyInvert' fails in
 * 1.4.0, so the pixels are inverted here.)
 */
function scanQrTexts(image: Rgba): string[] {
  let first = image;
  while (first.width * first.height > SCAN_PIXELS) first = halve(first);
  const scales = [first];
  let next = halve(first);
  while (scales.length < 3 && Math.min(next.width, next.height) >= MIN_SCAN_SIDE) {
    scales.push(next);
    next = halve(next);
  }

  const texts: string[] = [];
  for (const inverted of [false, true]) {
    for (const scale of scales) {
      const { data, width, height } = inverted ? invert(scale) : scale;
      const text = jsQR.default(data, width, height, { inversionAttempts: 'dontInvert' })?.data;
      if (text === undefined || texts.includes(text)) continue;
      texts.push(text);
      if (parseSlipQr(text)) return texts;
    }
  }
  return texts;
}

function invert(image: Rgba): Rgba {
  const data = new Uint8ClampedArray(image.data.length);
  for (let i = 0; i < data.length; i++) data[i] = i % 4 === 3 ? 255 : 255 - (image.data[i] ?? 0);
  return { ...image, data };
}

/** Half the width and height, each pixel the average of the four it replaces. */
function halve(image: Rgba): Rgba {
  const width = Math.max(1, Math.floor(image.width / 2));
  const height = Math.max(1, Math.floor(image.height / 2));
  const data = new Uint8ClampedArray(width * height * 4);
  const src = image.data;
  const row = image.width * 4;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const a = (2 * y * image.width + 2 * x) * 4;
      const o = (y * width + x) * 4;
      for (let c = 0; c < 4; c++) {
        const sum =
          (src[a + c] ?? 0) +
          (src[a + 4 + c] ?? 0) +
          (src[a + row + c] ?? 0) +
          (src[a + row + 4 + c] ?? 0);
        data[o + c] = sum / 4;
      }
    }
  }
  return { width, height, data };
}

function notAnImage(contentType: string | undefined): UserError {
  const declared = contentType ? ` (${contentType})` : '';
  return new UserError(
    'slip_image_type',
    {
      th: `ไฟล์สลิปที่ส่งมา${declared}ไม่ใช่รูป PNG หรือ JPEG กรุณาส่งภาพหน้าจอหรือรูปถ่ายของสลิป`,
      en: `The slip file${declared} is not a PNG or JPEG picture. Please send a screenshot or photo of the slip.`,
    },
    [
      field('slip_image_type', {
        th: 'ต้องเป็นรูป PNG หรือ JPEG',
        en: 'Must be a PNG or JPEG picture.',
      }),
    ],
    415,
  );
}

function tooLarge(): UserError {
  const limit = { th: 'ไม่เกิน 10 MB และ 20 ล้านพิกเซล', en: 'at most 10 MB and 20 megapixels' };
  return new UserError(
    'slip_image_too_large',
    {
      th: `รูปสลิปใหญ่เกินไป (${limit.th}) กรุณาส่งภาพหน้าจอของสลิป`,
      en: `The slip picture is too large (${limit.en}). Please send a screenshot of the slip.`,
    },
    [field('slip_image_too_large', { th: `ขนาด${limit.th}`, en: `Must be ${limit.en}.` })],
    413,
  );
}

function damaged(): UserError {
  return unreadable({
    th: 'อ่าน QR บนสลิปไม่ได้ ไฟล์รูปเสียหรือไม่สมบูรณ์ กรุณาส่งรูปใหม่',
    en: 'Could not read the QR on the slip: the picture file is damaged or incomplete. Please send it again.',
  });
}

function noQr(): UserError {
  return unreadable({
    th: 'อ่าน QR บนสลิปไม่ได้ กรุณาส่งภาพหน้าจอสลิปที่เห็น QR มุมล่างชัดเจนทั้งหมด',
    en: 'Could not read the QR on the slip. Please send a screenshot of the slip with its QR code fully and clearly visible.',
  });
}

function notASlipQr(): UserError {
  return unreadable({
    th: 'อ่าน QR บนสลิปไม่ได้ QR ในรูปไม่ใช่ QR ของสลิปโอนเงิน (เช่น เป็น QR สำหรับชำระเงิน) กรุณาส่งสลิปที่ได้หลังโอนเงิน',
    en: 'Could not read the QR on the slip: the QR in the picture is not a transfer-slip QR (it may be a QR for paying). Please send the slip your bank app showed after the transfer.',
  });
}

function unreadable(message: { th: string; en: string }): UserError {
  return new UserError('slip_unreadable', message, [field('slip_unreadable', message)]);
}

function field(code: string, message: { th: string; en: string }) {
  return { path: 'image', code, message };
}
