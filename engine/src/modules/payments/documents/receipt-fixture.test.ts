/** A receipt as a village waterworks issues it at the counter: the fixture of the document tests. */
import type { ReceiptDocument } from './receipt-document.js';

/**
 * Book 3, receipt 245 of fiscal year 2569: 1,234.50 baht in cash on 5 March 2569 at 10:15
 * for two water bills (428.20 + 706.30), 100.00 of it kept as credit for the next bill.
 */
export function receiptDocumentFixture(overrides: Partial<ReceiptDocument> = {}): ReceiptDocument {
  return {
    tenant: {
      name: 'องค์การบริหารส่วนตำบลหนองบัว',
      address: '99 หมู่ 3 ตำบลหนองบัว อำเภอเมืองอุดรธานี จังหวัดอุดรธานี 41000',
      taxId: '0994000165501',
      phone: '042-123456',
    },
    book: 3,
    number: 245,
    documentNumber: 'RC2569-000245',
    fiscalYear: 2569,
    issuedAt: '2026-03-05T03:15:00.000Z',
    payer: {
      name: 'นางสาวมะลิวัลย์ ศรีสุขใจ',
      accountNumber: '0300123',
      address: '12/3 หมู่ 3 บ้านหนองบัว ตำบลหนองบัว',
    },
    method: 'cash',
    items: [
      {
        label: { th: 'ค่าน้ำประปา', en: 'Water bill' },
        invoiceNumber: 'IV2569-000123',
        period: '2026-01',
        amountSatang: 42820,
      },
      {
        label: { th: 'ค่าน้ำประปา', en: 'Water bill' },
        invoiceNumber: 'IV2569-000311',
        period: '2026-02',
        amountSatang: 70630,
      },
    ],
    totalSatang: 123450,
    creditSatang: 10000,
    receivedBy: 'นายสมชาย ใจดี',
    void: null,
    ...overrides,
  };
}

/** The same receipt with everything as long as a registry allows, to stress the layouts. */
export function longReceiptDocument(): ReceiptDocument {
  const base = receiptDocumentFixture();
  return receiptDocumentFixture({
    tenant: {
      ...base.tenant,
      name: 'องค์การบริหารส่วนตำบลเฉลิมพระเกียรติสมเด็จพระศรีนครินทร์',
      address:
        '199/9 หมู่ที่ 12 ถนนมิตรภาพสายเก่า ตำบลโนนสูงเปลือยน้อย อำเภอเฉลิมพระเกียรติ จังหวัดนครราชสีมา 30230',
    },
    book: 12345,
    number: 1234567,
    documentNumber: 'RC2569-1234567',
    payer: {
      name: 'นายสมเกียรติพงษ์ศักดิ์ เจริญรุ่งเรืองวิวัฒน์กิจการ',
      accountNumber: '1200456789',
      address: '1234/567 หมู่ที่ 12 ซอยประชาร่วมใจพัฒนา 3 บ้านโนนสูงเปลือยน้อย ตำบลโนนสูงเปลือยน้อย',
    },
    method: 'bank',
    items: [
      {
        label: {
          th: 'ค่าติดตั้งมาตรวัดน้ำขนาด 3/4 นิ้ว พร้อมค่าประกันการใช้น้ำและค่าแรงช่าง',
          en: 'Connection of a 3/4" meter with the deposit and the fitter',
        },
        invoiceNumber: 'IN2569-0001234567',
        period: null,
        amountSatang: 9876543,
      },
    ],
    totalSatang: 9876543,
    creditSatang: 0,
    receivedBy: 'นางสาวพรรณวดีรัตนาภรณ์ ศรีสวัสดิ์วงศ์ไพบูลย์',
    void: {
      reason: 'ผู้ชำระแจ้งว่าโอนเงินซ้ำสองครั้ง จึงยกเลิกใบเสร็จนี้และออกใบใหม่แทน',
      at: '2026-03-06T02:00:00.000Z',
    },
  });
}
