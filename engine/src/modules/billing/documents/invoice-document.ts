/**
 * What an invoice document shows: everything the PDF (A4/A5) and the handheld's 58 mm
 * slip print, already resolved by the billing module. Rendering is pure: no database,
 * no clock — the same document renders to the same bytes.
 */

export interface BilingualText {
  th: string;
  en: string;
}

export type InvoiceKind = 'water' | 'installation' | 'credit-note';

export interface InvoiceLine {
  label: BilingualText;
  quantityM3?: number;
  unitPriceSatang?: number;
  amountSatang: number;
}

export interface InvoiceDocument {
  tenant: { name: string; address: string; taxId: string; phone: string | null };
  kind: InvoiceKind;
  number: string;
  /** 'YYYY-MM-DD' (Thai local date) */
  issueDate: string;
  /** 'YYYY-MM-DD' (Thai local date) */
  dueDate: string;
  /** 'YYYY-MM', the billing period, or null (installation fee, credit note) */
  period: string | null;
  account: {
    number: string;
    waterUserName: string;
    address: string;
    meterSerial: string | null;
    meterSize: string | null;
  };
  reading: {
    previous: number;
    current: number;
    consumptionM3: number;
    readOn: string | null;
  } | null;
  lines: InvoiceLine[];
  totalSatang: number;
  arrearsSatang: number;
  amountDueSatang: number;
  /** ref1 = account number, ref2 = invoice number */
  payment: { billerId: string; ref1: string; ref2: string };
  roundingNote?: BilingualText | null;
}

export type DocumentLang = 'th' | 'en';

export interface InvoicePdfOptions {
  size: 'A4' | 'A5';
  lang?: DocumentLang;
}

/** One printed row of the 58 mm slip; `right` is printed flush right on the same row. */
export interface SlipRow {
  text: string;
  align?: 'left' | 'center' | 'right';
  bold?: boolean;
  /** 'large' prints double width and height: the row then holds 16 cells */
  size?: 'normal' | 'large';
  right?: string;
}

export interface InvoiceSlipLayout {
  widthChars: 32;
  rows: SlipRow[];
  /** Thai QR bill payment (tag 30); '' when nothing is to be paid */
  qrPayload: string;
  /** Bank of Thailand Code 128 payload; '' when nothing is to be paid */
  barcodePayload: string;
}

/** A 'YYYY-MM-DD' Thai local date as the instant of its midnight in Bangkok. */
export function thaiLocalDate(ymd: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(ymd)) throw new RangeError(`not a YYYY-MM-DD date: ${ymd}`);
  return new Date(`${ymd}T00:00:00+07:00`);
}
