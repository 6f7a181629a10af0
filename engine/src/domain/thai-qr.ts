/**
 * Thai QR Payment bill payment (EMVCo merchant-presented, tag 30) and the transfer-slip
 * mini-QR (DOMAIN.md §4). Tag order follows promptparse's generator, byte for byte:
 * 00, 01, 30, 53, 58, 54 (amount), 62 (ref3), 63 (CRC).
 */
import { isSatang, type Satang } from './money.js';

const BILL_PAYMENT_AID = 'A000000677010112';

/** The biller ID a bank registers: the 13-digit tax ID and a 2-digit suffix. */
export function billerId(taxId13: string, suffix2: string): string {
  if (!/^\d{13}$/.test(taxId13)) throw new RangeError(`tax ID must be 13 digits: "${taxId13}"`);
  if (!/^\d{2}$/.test(suffix2)) throw new RangeError(`suffix must be 2 digits: "${suffix2}"`);
  return taxId13 + suffix2;
}

/** One TLV field: 2-character id, 2-digit length, value (at most 99 characters). */
function tlv(id: string, value: string): string {
  if (value.length > 99) throw new RangeError(`QR field ${id} is longer than 99 characters`);
  return id + String(value.length).padStart(2, '0') + value;
}

export function thaiQrBillPayment(p: {
  billerId: string;
  ref1: string;
  ref2?: string;
  ref3?: string;
  amountSatang?: Satang;
}): string {
  if (!p.billerId || !p.ref1) throw new RangeError('a bill-payment QR needs a biller ID and ref1');
  const amount = p.amountSatang;
  if (amount !== undefined && (!isSatang(amount) || amount < 0)) {
    throw new RangeError(`amount must be a whole, non-negative number of satang: ${amount}`);
  }
  const dynamic = amount !== undefined && amount > 0;
  const merchant =
    tlv('00', BILL_PAYMENT_AID) +
    tlv('01', p.billerId) +
    tlv('02', p.ref1) +
    (p.ref2 ? tlv('03', p.ref2) : '');
  let payload =
    tlv('00', '01') + tlv('01', dynamic ? '12' : '11') + tlv('30', merchant) + tlv('53', '764');
  payload += tlv('58', 'TH');
  if (dynamic)
    payload += tlv('54', `${Math.floor(amount / 100)}.${String(amount % 100).padStart(2, '0')}`);
  if (p.ref3) payload += tlv('62', tlv('07', p.ref3));
  payload += '6304';
  return payload + crc16(payload);
}

/** CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF) over the characters, 4 uppercase hex digits. */
export function crc16(payload: string): string {
  let crc = 0xffff;
  for (let i = 0; i < payload.length; i++) {
    crc ^= (payload.charCodeAt(i) & 0xff) << 8;
    for (let bit = 0; bit < 8; bit++) {
      crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
    }
  }
  return crc.toString(16).toUpperCase().padStart(4, '0');
}

/** Splits a TLV string into id → value; null when it does not parse to the end. */
function decodeTlv(text: string): Map<string, string> | null {
  const fields = new Map<string, string>();
  let i = 0;
  while (i < text.length) {
    const id = text.slice(i, i + 2);
    const lengthText = text.slice(i + 2, i + 4);
    if (!/^\d{2}$/.test(id) || !/^\d{2}$/.test(lengthText)) return null;
    const length = Number(lengthText);
    const value = text.slice(i + 4, i + 4 + length);
    if (value.length !== length) return null;
    fields.set(id, value);
    i += 4 + length;
  }
  return fields;
}

/**
 * Reads a bank transfer slip's mini-QR: tag 00 { 00 "000001", 01 sending bank, 02 transaction
 * reference }, 51 "TH", 91 CRC. Some bank apps drop the CRC's leading zeros, writing
 * "91049C3" or "91039C3" for 09C3: it is padded back before checking. Null for anything
 * else or a wrong CRC.
 */
export function parseSlipQr(text: string): { sendingBank: string; transactionRef: string } | null {
  const trimmed = text.trim();
  for (const digits of [4, 3, 2, 1]) {
    const crc = trimmed.slice(-digits);
    const tag = trimmed.slice(-digits - 4, -digits);
    if (!/^[0-9A-Fa-f]+$/.test(crc) || (tag !== '9104' && tag !== `910${digits}`)) continue;
    const body = trimmed.slice(0, -digits - 4);
    if (crc16(`${body}9104`) === crc.toUpperCase().padStart(4, '0')) return slipFields(body);
  }
  return null;
}

function slipFields(body: string): { sendingBank: string; transactionRef: string } | null {
  const top = decodeTlv(body);
  const api = top?.get('00');
  if (!api) return null;
  const sub = decodeTlv(api);
  const sendingBank = sub?.get('01');
  const transactionRef = sub?.get('02');
  if (sub?.get('00') !== '000001' || !sendingBank || !transactionRef) return null;
  return { sendingBank, transactionRef };
}
