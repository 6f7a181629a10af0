/** A water bill as a village waterworks issues it: the fixture of the document tests. */
import type { InvoiceDocument } from './invoice-document.js';

export function waterInvoice(overrides: Partial<InvoiceDocument> = {}): InvoiceDocument {
  return {
    tenant: {
      name: 'องค์การบริหารส่วนตำบลหนองบัว',
      address: '99 หมู่ 3 ตำบลหนองบัว อำเภอเมืองอุดรธานี จังหวัดอุดรธานี 41000',
      taxId: '0994000165501',
      phone: '042-123456',
    },
    kind: 'water',
    number: 'IV2569-000123',
    issueDate: '2026-11-05',
    dueDate: '2026-11-20',
    period: '2026-10',
    account: {
      number: '0300123',
      waterUserName: 'นางสาวมะลิวัลย์ ศรีสุขใจ',
      address: '12/3 หมู่ 3 บ้านหนองบัว ตำบลหนองบัว',
      meterSerial: 'AS-2023-004512',
      meterSize: '1/2"',
    },
    reading: { previous: 1234, current: 1252, consumptionM3: 18, readOn: '2026-10-31' },
    lines: [
      {
        label: { th: 'ค่าน้ำประปา 1–10 ลบ.ม.', en: 'Water 1–10 m³' },
        quantityM3: 10,
        unitPriceSatang: 1020,
        amountSatang: 10200,
      },
      {
        label: { th: 'ค่าน้ำประปา 11–20 ลบ.ม.', en: 'Water 11–20 m³' },
        quantityM3: 8,
        unitPriceSatang: 1600,
        amountSatang: 12800,
      },
      {
        label: { th: 'ค่าบริการรายเดือน มาตร 1/2"', en: 'Monthly fee, 1/2" meter' },
        amountSatang: 3000,
      },
      { label: { th: 'ภาษีมูลค่าเพิ่ม 7%', en: 'VAT 7%' }, amountSatang: 1820 },
    ],
    totalSatang: 27820,
    arrearsSatang: 15000,
    amountDueSatang: 42820,
    payment: { billerId: '099400016550101', ref1: '0300123', ref2: 'IV2569000123' },
    roundingNote: {
      th: 'ปัดเศษค่าน้ำเป็นสตางค์ตามอัตราค่าน้ำของ อบต.',
      en: 'Water charge rounded to the satang under the council tariff.',
    },
    ...overrides,
  };
}

/** The same bill with everything as long as a registry allows, to stress the layouts. */
export function longWaterInvoice(): InvoiceDocument {
  const base = waterInvoice();
  return waterInvoice({
    tenant: {
      ...base.tenant,
      name: 'องค์การบริหารส่วนตำบลเฉลิมพระเกียรติสมเด็จพระศรีนครินทร์',
      address:
        '199/9 หมู่ที่ 12 ถนนมิตรภาพสายเก่า ตำบลโนนสูงเปลือยน้อย อำเภอเฉลิมพระเกียรติ จังหวัดนครราชสีมา 30230',
    },
    account: {
      number: '1200456789',
      waterUserName: 'นายสมเกียรติพงษ์ศักดิ์ เจริญรุ่งเรืองวิวัฒน์กิจการ',
      address: '1234/567 หมู่ที่ 12 ซอยประชาร่วมใจพัฒนา 3 บ้านโนนสูงเปลือยน้อย ตำบลโนนสูงเปลือยน้อย',
      meterSerial: 'ASAHI-2024-00012345',
      meterSize: '3/4"',
    },
    reading: { previous: 98765, current: 101234, consumptionM3: 2469, readOn: '2026-10-31' },
    amountDueSatang: 9876543,
    totalSatang: 9861543,
    payment: { ...base.payment, ref1: '1200456789' },
  });
}
