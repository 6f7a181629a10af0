/**
 * The registry as an Excel sheet: one row per account, Thai headers. The import template,
 * the export and the import share these columns, so an exported sheet imports back as is.
 */
import ExcelJS from 'exceljs';

export const COLUMNS = [
  { key: 'number', th: 'เลขที่ผู้ใช้น้ำ', en: 'Account number', width: 14, text: true },
  { key: 'kind', th: 'ประเภท (บุคคล/หน่วยงาน)', en: 'Kind', width: 12 },
  { key: 'name', th: 'ชื่อ-สกุล / ชื่อหน่วยงาน', en: 'Name', width: 34 },
  { key: 'nameEn', th: 'ชื่อภาษาอังกฤษ', en: 'Name in English', width: 24 },
  { key: 'nationalId', th: 'เลขประจำตัวประชาชน', en: 'National ID', width: 16, text: true },
  { key: 'phone', th: 'โทรศัพท์', en: 'Phone', width: 14, text: true },
  { key: 'houseNo', th: 'บ้านเลขที่', en: 'House no.', width: 10, text: true },
  { key: 'moo', th: 'หมู่ที่', en: 'Moo', width: 7 },
  { key: 'address', th: 'ที่อยู่ (ถนน ตำบล อำเภอ จังหวัด รหัสไปรษณีย์)', en: 'Address', width: 48 },
  { key: 'customerType', th: 'ประเภทผู้ใช้น้ำ (รหัส)', en: 'Customer type', width: 10, text: true },
  { key: 'waterworks', th: 'รหัสกิจการประปา', en: 'Waterworks code', width: 10, text: true },
  { key: 'routeOrder', th: 'ลำดับการจดมาตร', en: 'Route order', width: 10 },
  { key: 'latitude', th: 'ละติจูด', en: 'Latitude', width: 11 },
  { key: 'longitude', th: 'ลองจิจูด', en: 'Longitude', width: 11 },
  { key: 'status', th: 'สถานะ', en: 'Status', width: 12 },
  { key: 'tariffCode', th: 'รหัสอัตราค่าน้ำ', en: 'Tariff code', width: 12, text: true },
  { key: 'openedOn', th: 'วันที่เริ่มใช้น้ำ', en: 'Opened on', width: 12 },
  { key: 'meterSerial', th: 'หมายเลขมาตร', en: 'Meter serial', width: 16, text: true },
  { key: 'meterSize', th: 'ขนาดมาตร (นิ้ว)', en: 'Meter size', width: 10, text: true },
  { key: 'meterDigits', th: 'จำนวนหลักมาตร', en: 'Meter digits', width: 8 },
  { key: 'meterInitialReading', th: 'เลขมาตรเริ่มต้น', en: 'Initial reading', width: 10 },
  { key: 'meterInstalledOn', th: 'วันที่ติดตั้งมาตร', en: 'Meter installed on', width: 12 },
] as const;

export type ColumnKey = (typeof COLUMNS)[number]['key'];
export type SheetValue = string | number | null;
export type SheetRecord = Partial<Record<ColumnKey, SheetValue>>;

export const SHEET_NAME = 'ทะเบียนผู้ใช้น้ำ';

export const STATUS_LABELS: Record<string, string> = {
  pending: 'รอติดตั้ง',
  active: 'ใช้งาน',
  suspended: 'ระงับชั่วคราว',
  disconnected: 'ตัดน้ำ',
  closed: 'ยกเลิก',
};
export const KIND_LABELS: Record<string, string> = { person: 'บุคคล', organisation: 'หน่วยงาน' };

/** A workbook with the registry sheet (header + rows) and a sheet explaining the columns. */
export async function writeSheet(rows: Iterable<SheetRecord>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Prapa';
  const ws = wb.addWorksheet(SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = COLUMNS.map((c) => ({
    header: c.th,
    key: c.key,
    width: c.width,
    style: 'text' in c ? { numFmt: '@' } : {},
  }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
  for (const r of rows) ws.addRow(r);
  const help = wb.addWorksheet('คำอธิบาย');
  help.columns = [
    { header: 'คอลัมน์', key: 'th', width: 44 },
    { header: 'Column', key: 'en', width: 20 },
    { header: 'คำอธิบาย / Notes', key: 'note', width: 90 },
  ];
  help.getRow(1).font = { bold: true };
  for (const c of COLUMNS) help.addRow({ th: c.th, en: c.en, note: NOTES[c.key] ?? '' });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const NOTES: Partial<Record<ColumnKey, string>> = {
  number: 'จำเป็น ไม่ซ้ำกัน เช่น WW1-00001 — นำเข้าซ้ำด้วยเลขเดิมจะปรับปรุงข้อมูล ไม่สร้างใหม่',
  kind: 'บุคคล หรือ หน่วยงาน (person / organisation); ว่าง = บุคคล',
  name: 'จำเป็น',
  nationalId: '13 หลัก ตรวจเลขหลักสุดท้าย; ว่างได้',
  moo: 'หมู่ที่ของที่อยู่และของหมู่บ้านที่รับน้ำ (1–99)',
  customerType: '1 ที่อยู่อาศัย, 2 ราชการ/ธุรกิจขนาดเล็ก, 3 รัฐวิสาหกิจ/อุตสาหกรรม; ว่าง = 1',
  waterworks: 'จำเป็น: รหัสกิจการประปา เช่น WW1',
  status: 'ใช้งาน, รอติดตั้ง, ระงับชั่วคราว, ตัดน้ำ, ยกเลิก (หรือ active, pending, …); ว่าง = ใช้งานเมื่อมีมาตร',
  openedOn: 'วันที่ เช่น 2024-01-15 หรือ 15/01/2567',
  meterSize: '1/2, 3/4, 1, 1 1/2, 2, 3, 4, 6, 8, 12, 16',
  meterDigits: '4–8 หลัก',
  meterInitialReading: 'ว่าง = 0',
  meterInstalledOn: 'จำเป็นเมื่อมีหมายเลขมาตร',
};

export interface ReadSheet {
  /** Data rows with their Excel line numbers; empty rows are skipped. */
  rows: { line: number; record: SheetRecord }[];
  /** Required columns the header row lacks. */
  missing: ColumnKey[];
}

const REQUIRED: ColumnKey[] = ['number', 'name', 'waterworks'];

/** Reads the first worksheet: columns found by their Thai or English header or key. */
export async function readSheet(data: Buffer): Promise<ReadSheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(SHEET_NAME) ?? wb.worksheets[0];
  if (!ws) return { rows: [], missing: REQUIRED };
  const byHeader = new Map<string, ColumnKey>();
  for (const c of COLUMNS)
    for (const h of [c.th, c.en, c.key]) byHeader.set(normaliseHeader(h), c.key);
  const columns = new Map<number, ColumnKey>();
  ws.getRow(1).eachCell((cell, col) => {
    const key = byHeader.get(normaliseHeader(String(cellValue(cell.value) ?? '')));
    if (key) columns.set(col, key);
  });
  const found = new Set(columns.values());
  const rows: ReadSheet['rows'] = [];
  ws.eachRow((row, line) => {
    if (line === 1) return;
    const record: SheetRecord = {};
    row.eachCell((cell, col) => {
      const key = columns.get(col);
      const v = cellValue(cell.value);
      if (key && v !== null && v !== '') record[key] = v;
    });
    if (Object.keys(record).length) rows.push({ line, record });
  });
  return { rows, missing: REQUIRED.filter((k) => !found.has(k)) };
}

function normaliseHeader(h: string): string {
  return h.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** A cell as text or number: dates as YYYY-MM-DD, formulas by their result, rich text joined. */
function cellValue(v: ExcelJS.CellValue): SheetValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if ('richText' in v)
    return v.richText
      .map((t) => t.text)
      .join('')
      .trim();
  if ('result' in v) return cellValue((v.result ?? null) as ExcelJS.CellValue);
  if ('text' in v) return String(v.text).trim();
  return null;
}
