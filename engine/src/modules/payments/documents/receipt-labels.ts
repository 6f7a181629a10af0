/** The words printed on receipts, in Thai and English. */
import { BANGKOK, formatThaiDate } from '../../../domain/index.js';
import type { DocumentLang } from '../../billing/documents/index.js';
import type { ReceiptMethod } from './receipt-document.js';

const WORDS = {
  title: { th: 'ใบเสร็จรับเงิน', en: 'Receipt' },
  taxId: { th: 'เลขประจำตัวผู้เสียภาษี', en: 'Tax ID' },
  phone: { th: 'โทร.', en: 'Tel.' },
  book: { th: 'เล่มที่', en: 'Book' },
  number: { th: 'เลขที่', en: 'No.' },
  documentNumber: { th: 'เลขที่เอกสาร', en: 'Document no.' },
  fiscalYear: { th: 'ปีงบประมาณ', en: 'Fiscal year' },
  date: { th: 'วันที่', en: 'Date' },
  payer: { th: 'ได้รับเงินจาก', en: 'Received from' },
  account: { th: 'เลขที่ผู้ใช้น้ำ', en: 'Account no.' },
  address: { th: 'ที่อยู่', en: 'Address' },
  item: { th: 'รายการ', en: 'Item' },
  invoice: { th: 'ใบแจ้งหนี้เลขที่', en: 'Invoice no.' },
  period: { th: 'ประจำเดือน', en: 'Period' },
  amount: { th: 'จำนวนเงิน (บาท)', en: 'Amount (THB)' },
  credit: {
    th: 'ชำระเกิน เก็บเป็นเครดิตยกไปหักใบแจ้งหนี้ครั้งถัดไป',
    en: 'Overpaid, kept as credit for the next invoice',
  },
  total: { th: 'รวมเงินที่ได้รับ', en: 'Total received' },
  inWords: { th: 'ตัวอักษร', en: 'In Thai words' },
  baht: { th: 'บาท', en: 'THB' },
  method: { th: 'ชำระโดย', en: 'Paid by' },
  signature: { th: 'ลงชื่อ', en: 'Signed' },
  receiver: { th: 'ผู้รับเงิน', en: 'Receiver' },
  void: { th: 'ยกเลิก', en: 'VOID' },
  voidedAt: { th: 'ยกเลิกเมื่อ', en: 'Voided on' },
  voidReason: { th: 'เหตุผล', en: 'Reason' },
} as const;

const METHODS: Record<ReceiptMethod, Record<DocumentLang, string>> = {
  cash: { th: 'เงินสด', en: 'Cash' },
  transfer: { th: 'โอนเงิน', en: 'Bank transfer' },
  bank: { th: 'ชำระผ่านธนาคาร', en: 'Paid through a bank' },
  slip: { th: 'สลิปโอนเงิน', en: 'Transfer slip' },
  cheque: { th: 'เช็ค', en: 'Cheque' },
};

export type ReceiptLabelKey = keyof typeof WORDS;

export function receiptLabel(key: ReceiptLabelKey, lang: DocumentLang): string {
  return WORDS[key][lang];
}

export function methodName(method: ReceiptMethod, lang: DocumentLang): string {
  return METHODS[method][lang];
}

/** The big mark across a cancelled receipt, in both languages whatever the document's. */
export const VOID_MARK = `${WORDS.void.th} / ${WORDS.void.en}`;

/**
 * An ISO instant as the Thai local date and time, BE year:
 * '5 มีนาคม 2569 เวลา 10:15 น.' (th, long) / '5 March 2569 BE, 10:15' (en, long);
 * 'medium' abbreviates the month ('5 มี.ค. 2569 10:15 น.').
 */
export function receiptDateTime(iso: string, lang: DocumentLang, style: 'medium' | 'long'): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) throw new RangeError(`not an ISO instant: ${iso}`);
  const time = new Intl.DateTimeFormat('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: BANGKOK,
  }).format(at);
  const date = formatThaiDate(at, lang, style);
  if (lang === 'en') return `${date}, ${time}`;
  return style === 'long' ? `${date} เวลา ${time} น.` : `${date} ${time} น.`;
}
