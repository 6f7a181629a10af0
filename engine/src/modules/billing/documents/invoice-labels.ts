/** The words printed on invoice documents, in Thai and English. */
import { BANGKOK, formatThaiDate } from '../../../domain/index.js';
import {
  thaiLocalDate,
  type DocumentLang,
  type InvoiceDocument,
  type InvoiceKind,
} from './invoice-document.js';

const TITLES: Record<InvoiceKind, Record<DocumentLang, string>> = {
  water: { th: 'ใบแจ้งหนี้ค่าน้ำประปา', en: 'Water bill' },
  installation: { th: 'ใบแจ้งหนี้ค่าติดตั้งประปา', en: 'Water connection invoice' },
  'credit-note': { th: 'ใบลดหนี้', en: 'Credit note' },
};

const WORDS = {
  taxId: { th: 'เลขประจำตัวผู้เสียภาษี', en: 'Tax ID' },
  phone: { th: 'โทร.', en: 'Tel.' },
  number: { th: 'เลขที่', en: 'No.' },
  issueDate: { th: 'วันที่ออก', en: 'Issued' },
  dueDate: { th: 'ครบกำหนดชำระ', en: 'Due date' },
  period: { th: 'ประจำเดือน', en: 'Period' },
  account: { th: 'เลขที่ผู้ใช้น้ำ', en: 'Account no.' },
  waterUser: { th: 'ชื่อผู้ใช้น้ำ', en: 'Water user' },
  address: { th: 'ที่อยู่', en: 'Address' },
  meter: { th: 'มาตรวัดน้ำ', en: 'Meter' },
  meterSize: { th: 'ขนาด', en: 'size' },
  readOn: { th: 'วันที่จดมาตร', en: 'Read on' },
  previous: { th: 'เลขมาตรครั้งก่อน', en: 'Previous reading' },
  current: { th: 'เลขมาตรครั้งนี้', en: 'Current reading' },
  consumption: { th: 'น้ำที่ใช้ (ลบ.ม.)', en: 'Used (cu.m.)' },
  item: { th: 'รายการ', en: 'Item' },
  quantity: { th: 'จำนวน (ลบ.ม.)', en: 'Qty (cu.m.)' },
  unitPrice: { th: 'ราคาต่อหน่วย', en: 'Unit price' },
  amount: { th: 'จำนวนเงิน (บาท)', en: 'Amount (THB)' },
  total: { th: 'รวมค่าบริการครั้งนี้', en: 'Total this invoice' },
  arrears: { th: 'ค้างชำระยกมา', en: 'Arrears brought forward' },
  amountDue: { th: 'ยอดที่ต้องชำระ', en: 'Amount due' },
  inWords: { th: 'ตัวอักษร', en: 'In Thai words' },
  m3: { th: 'ลบ.ม.', en: 'cu.m.' },
  baht: { th: 'บาท', en: 'THB' },
  paymentPart: { th: 'ส่วนที่ 2 สำหรับชำระเงิน', en: 'Part 2: payment slip' },
  customerPart: { th: 'ส่วนที่ 1 สำหรับผู้ใช้น้ำ', en: 'Part 1: for the water user' },
  qrCaption: {
    th: 'สแกนจ่ายด้วยแอปธนาคาร (Thai QR Payment)',
    en: 'Scan to pay with any Thai banking app',
  },
  barcodeCaption: {
    th: 'ชำระที่เคาน์เตอร์ธนาคารหรือร้านรับชำระ',
    en: 'Pay at a bank or payment counter',
  },
  billerId: { th: 'รหัสผู้รับชำระ', en: 'Biller ID' },
  ref1: { th: 'Ref.1 เลขที่ผู้ใช้น้ำ', en: 'Ref.1 account' },
  ref2: { th: 'Ref.2 เลขที่ใบแจ้งหนี้', en: 'Ref.2 invoice' },
  nothingToPay: { th: 'ไม่มียอดที่ต้องชำระ', en: 'Nothing to pay' },
  payBy: {
    th: 'โปรดชำระภายในวันครบกำหนด หากชำระแล้วโปรดเก็บหลักฐานไว้',
    en: 'Please pay by the due date and keep your receipt.',
  },
  notAReceipt: { th: 'เอกสารนี้ไม่ใช่ใบเสร็จรับเงิน', en: 'This is not a receipt' },
} as const;

export type LabelKey = keyof typeof WORDS;

export function label(key: LabelKey, lang: DocumentLang): string {
  return WORDS[key][lang];
}

export function title(kind: InvoiceKind, lang: DocumentLang): string {
  return TITLES[kind][lang];
}

/** '2026-11-28' → '28 พฤศจิกายน 2569' (th) / '28 November 2569 BE' (en). */
export function documentDate(ymd: string, lang: DocumentLang, style: 'medium' | 'long'): string {
  return formatThaiDate(thaiLocalDate(ymd), lang, style);
}

/** '2026-11' → 'พฤศจิกายน 2569' (th) / 'November 2569 BE' (en). */
export function periodName(period: string, lang: DocumentLang): string {
  const locale = lang === 'th' ? 'th-TH-u-ca-buddhist' : 'en-GB-u-ca-buddhist';
  return new Intl.DateTimeFormat(locale, {
    month: 'long',
    year: 'numeric',
    timeZone: BANGKOK,
  }).format(thaiLocalDate(`${period}-15`));
}

/** The meter as one phrase: 'SN-123 ขนาด 1/2"'. */
export function meterText(doc: InvoiceDocument, lang: DocumentLang): string {
  const { meterSerial, meterSize } = doc.account;
  const size = meterSize ? `${label('meterSize', lang)} ${meterSize}` : '';
  return [meterSerial, size].filter(Boolean).join(' ') || '-';
}

/** A count of cubic metres as printed: '1,234'. */
export function formatM3(m3: number): string {
  return new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }).format(m3);
}
