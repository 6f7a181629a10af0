import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { PNG } from 'pngjs';
import { thaiQrBillPayment } from '../../../domain/thai-qr.js';
import { UserError } from '../../../http/errors.js';
import { slipJpeg, slipPng, slipQrText } from '../../../testing/slip-images.js';
import { readSlipImage } from './slip-image.js';

/** The transfer-slip example in DOMAIN.md §4: bank 002, reference 0002123123121200011. */
const DOMAIN_EXAMPLE = '004000060000010103002021900021231231212000115102TH91049C30';

function userError(code: string, status: number, text?: RegExp) {
  return (e: unknown) => {
    assert.ok(e instanceof UserError, `expected a UserError, got ${String(e)}`);
    assert.equal(e.code, code);
    assert.equal(e.status, status);
    assert.equal(e.errors[0]?.path, 'image');
    assert.match(e.messages.th, /\p{Script=Thai}/u);
    if (text) assert.match(e.messages.en, text);
    return true;
  };
}

describe('reading a transfer slip picture', () => {
  it('should read the sending bank and reference from a PNG slip (the DOMAIN.md example)', () => {
    // given
    const png = slipPng({ qrText: DOMAIN_EXAMPLE });

    // when
    const slip = readSlipImage(png, 'image/png');

    // then
    assert.deepEqual(slip, {
      sendingBank: '002',
      transactionRef: '0002123123121200011',
      qrText: DOMAIN_EXAMPLE,
    });
  });

  it('should read a JPEG slip', () => {
    // given a KBank slip saved as JPEG at quality 85
    const qrText = slipQrText('004', '2024112908153377AB12');
    const jpeg = slipJpeg({ qrText });

    // when
    const slip = readSlipImage(jpeg, 'image/jpeg');

    // then
    assert.deepEqual(slip, { sendingBank: '004', transactionRef: '2024112908153377AB12', qrText });
  });

  for (const [name, make] of [
    ['PNG', slipPng],
    ['JPEG', slipJpeg],
  ] as const) {
    it(`should read the small QR of a full phone screenshot (${name}, 1080×2340, QR 120 px)`, () => {
      // given
      const qrText = slipQrText('014', '015338104512CTF07883');
      const image = make({ qrText, width: 1080, height: 2340, qrWidth: 120 });

      // when
      const slip = readSlipImage(image);

      // then
      assert.equal(slip.sendingBank, '014');
      assert.equal(slip.transactionRef, '015338104512CTF07883');
    });
  }

  it('should read a QR drawn light on dark', () => {
    // given
    const qrText = slipQrText('006', '202411290001KTB9');
    const png = slipPng({ qrText, inverted: true });

    // when
    const slip = readSlipImage(png);

    // then
    assert.equal(slip.transactionRef, '202411290001KTB9');
  });

  it('should read a QR saved with a transparent background', () => {
    // given a slip whose white pixels are fully transparent black
    const qrText = slipQrText('002', '0002123123121200011');
    const png = PNG.sync.read(slipPng({ qrText, width: 720, height: 1280 }));
    for (let i = 0; i < png.data.length; i += 4) {
      if (png.data[i] === 255 && png.data[i + 1] === 255 && png.data[i + 2] === 255) {
        png.data.fill(0, i, i + 4);
      }
    }

    // when
    const slip = readSlipImage(PNG.sync.write(png));

    // then
    assert.equal(slip.transactionRef, '0002123123121200011');
  });

  it('should read by the file content, not by the declared type', () => {
    // given a JPEG sent as image/png
    const qrText = slipQrText('030', 'GSB0000123');
    const jpeg = slipJpeg({ qrText, width: 720, height: 1280 });

    // when
    const slip = readSlipImage(jpeg, 'image/png');

    // then
    assert.equal(slip.sendingBank, '030');
  });

  it('should refuse a picture of a bill-payment QR as not a transfer-slip QR', () => {
    // given the QR printed on an invoice, photographed instead of the slip
    const qrText = thaiQrBillPayment({
      billerId: '099400016550100',
      ref1: '123456789012',
      ref2: '670429',
      amountSatang: 364922,
    });
    const png = slipPng({ qrText });

    // when / then
    assert.throws(
      () => readSlipImage(png),
      userError('slip_unreadable', 422, /not a transfer-slip QR/),
    );
  });

  it('should refuse a picture with no QR at all', () => {
    // given a blank screenshot
    const png = new PNG({ width: 540, height: 960 });
    png.data.fill(240);
    const bytes = PNG.sync.write(png);

    // when / then
    assert.throws(() => readSlipImage(bytes), userError('slip_unreadable', 422, /Could not read/));
  });

  it('should refuse bytes that are neither PNG nor JPEG, whatever their declared type', () => {
    for (const bytes of [randomBytes(4096), Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj')]) {
      assert.throws(
        () => readSlipImage(bytes, 'image/png'),
        userError('slip_image_type', 415, /not a PNG or JPEG/),
      );
    }
  });

  it('should refuse a damaged PNG as unreadable', () => {
    // given a slip cut short in transfer
    const png = slipPng({ qrText: DOMAIN_EXAMPLE });
    const cut = png.subarray(0, Math.floor(png.length / 2));

    // when / then
    assert.throws(() => readSlipImage(cut), userError('slip_unreadable', 422, /damaged/));
  });

  it('should refuse a picture over 20 megapixels before decoding it', () => {
    // given a PNG whose header says 6000×4000 (the pixels need not follow: it is never decoded)
    const png = slipPng({ qrText: DOMAIN_EXAMPLE, width: 60, height: 40, qrWidth: 30 });
    png.writeUInt32BE(6000, 16);
    png.writeUInt32BE(4000, 20);

    // when / then
    assert.throws(() => readSlipImage(png), userError('slip_image_too_large', 413, /megapixels/));
  });

  it('should refuse a JPEG over 20 megapixels before decoding it', () => {
    // given a JPEG whose frame header says 6000×4000
    const jpeg = slipJpeg({ qrText: DOMAIN_EXAMPLE, width: 64, height: 48, qrWidth: 40 });
    const sof = jpeg.indexOf(Buffer.from([0xff, 0xc0]));
    jpeg.writeUInt16BE(4000, sof + 5);
    jpeg.writeUInt16BE(6000, sof + 7);

    // when / then
    assert.throws(() => readSlipImage(jpeg), userError('slip_image_too_large', 413));
  });

  it('should refuse a file over 10 MB', () => {
    // given
    const bytes = Buffer.concat([
      slipPng({ qrText: DOMAIN_EXAMPLE }),
      Buffer.alloc(10 * 1024 * 1024),
    ]);

    // when / then
    assert.throws(() => readSlipImage(bytes), userError('slip_image_too_large', 413, /10 MB/));
  });
});
