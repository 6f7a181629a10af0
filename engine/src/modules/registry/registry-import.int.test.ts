import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { startTestServer, testDialect, type TestServer } from '../../testing/harness.js';
import { assertProblem } from '../../testing/problem.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The template's headers, as a clerk sees them in Excel. */
const HEADERS = {
  number: 'เลขที่ผู้ใช้น้ำ',
  kind: 'ประเภท (บุคคล/หน่วยงาน)',
  name: 'ชื่อ-สกุล / ชื่อหน่วยงาน',
  nationalId: 'เลขประจำตัวประชาชน',
  phone: 'โทรศัพท์',
  houseNo: 'บ้านเลขที่',
  moo: 'หมู่ที่',
  address: 'ที่อยู่ (ถนน ตำบล อำเภอ จังหวัด รหัสไปรษณีย์)',
  customerType: 'ประเภทผู้ใช้น้ำ (รหัส)',
  waterworks: 'รหัสกิจการประปา',
  status: 'สถานะ',
  openedOn: 'วันที่เริ่มใช้น้ำ',
  meterSerial: 'หมายเลขมาตร',
  meterSize: 'ขนาดมาตร (นิ้ว)',
  meterDigits: 'จำนวนหลักมาตร',
  meterInitialReading: 'เลขมาตรเริ่มต้น',
  meterInstalledOn: 'วันที่ติดตั้งมาตร',
} as const;
type Row = Partial<Record<keyof typeof HEADERS, string | number | Date>>;

/** A workbook as a clerk would type it: Thai headers, then one row per account. */
async function sheet(rows: Row[], headers: Partial<typeof HEADERS> = HEADERS): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('ทะเบียนผู้ใช้น้ำ');
  const keys = Object.keys(headers) as (keyof typeof HEADERS)[];
  ws.addRow(keys.map((k) => headers[k]));
  for (const r of rows) ws.addRow(keys.map((k) => r[k] ?? null));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const GOOD: Row[] = [
  {
    number: 'IMP-00001',
    name: 'นายนำเข้า ทดสอบหนึ่ง',
    nationalId: '1101700203450',
    phone: '081-234-5678',
    houseNo: '45/1',
    moo: 1,
    address: 'ตำบลหนองบัวทอง อำเภอเมืองขอนแก่น จังหวัดขอนแก่น 40000',
    waterworks: 'WW1',
    status: 'ใช้งาน',
    meterSerial: 'IMP-M-001',
    meterSize: '1/2',
    meterDigits: 5,
    meterInitialReading: 12,
    meterInstalledOn: new Date(Date.UTC(2024, 4, 20)),
  },
  {
    number: 'IMP-00002',
    kind: 'หน่วยงาน',
    name: 'วัดนำเข้าทดสอบ',
    moo: 4,
    customerType: '2',
    waterworks: 'WW2',
    status: 'รอติดตั้ง',
  },
  {
    number: 'IMP-00003',
    name: 'นางนำเข้า พ.ศ.',
    // typed as a number, as Excel keeps it
    nationalId: 3100503360019,
    moo: 2,
    waterworks: 'WW1',
    openedOn: '01/02/2567',
    meterSerial: 'IMP-M-003',
    meterSize: '3/4',
    meterDigits: 6,
    meterInstalledOn: '01/02/2567',
  },
];

describe(`registry Excel import and export on ${testDialect()}`, () => {
  let server: TestServer;
  let clerk: string;

  const upload = async (file: Buffer, mode?: string, token = clerk) => {
    const res = await fetch(
      `${server.baseUrl}/api/v1/registry/import${mode ? `?mode=${mode}` : ''}`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': XLSX },
        body: new Uint8Array(file),
      },
    );
    return { status: res.status, body: await res.json() };
  };
  const find = async (q: string) =>
    (await server.api('GET', `/accounts?q=${encodeURIComponent(q)}&limit=100`, { token: clerk }))
      .body as { total: number; items: { id: number; number: string }[] };
  const download = async (path: string) => {
    const res = await fetch(`${server.baseUrl}/api/v1${path}`, {
      headers: { authorization: `Bearer ${clerk}` },
    });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), XLSX);
    const wb = new ExcelJS.Workbook();
    const data = Buffer.from(await res.arrayBuffer());
    await wb.xlsx.load(data as unknown as ArrayBuffer);
    return { data, ws: wb.worksheets[0]! };
  };

  before(async () => {
    server = await startTestServer();
    clerk = await server.login('clerk');
  });
  after(() => server?.stop());

  it('should give a template whose Thai headers are the import’s columns, with no rows', async () => {
    const { ws } = await download('/registry/import-template');
    const headers = ws.getRow(1).values as string[];
    for (const h of Object.values(HEADERS)) assert.ok(headers.includes(h), h);
    assert.equal(ws.actualRowCount, 1);
  });

  it('should only check a sheet in mode=validate, writing nothing', async () => {
    const res = await upload(await sheet(GOOD), 'validate');
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(
      [res.body.rows, res.body.valid, res.body.invalid, res.body.imported, res.body.errors],
      [3, 3, 0, 0, []],
    );
    assert.equal((await find('IMP-00001')).total, 0);
  });

  it('should import a good sheet: people and organisations, meters, Buddhist-era dates', async () => {
    // when
    const res = await upload(await sheet(GOOD));
    // then
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual([res.body.created, res.body.imported, res.body.invalid], [3, 3, 0]);
    const one = (await find('IMP-00001')).items[0]!;
    const a = (await server.api('GET', `/accounts/${one.id}`, { token: clerk })).body;
    assert.equal(a.status, 'active');
    assert.equal(a.waterUser.name, 'นายนำเข้า ทดสอบหนึ่ง');
    assert.equal(a.houseNo, '45/1');
    assert.deepEqual(
      [a.meter.serial, a.meter.size, a.meter.digits, a.meter.initialReading, a.meter.installedOn],
      ['IMP-M-001', '1/2', 5, 12, '2024-05-20'],
    );
    assert.equal(a.openedOn, '2024-05-20');
    const temple = (await find('วัดนำเข้าทดสอบ')).items[0]!;
    const t = (await server.api('GET', `/accounts/${temple.id}`, { token: clerk })).body;
    assert.deepEqual(
      [t.status, t.meter, t.waterUser.kind, t.waterUser.customerType],
      ['pending', null, 'organisation', '2'],
    );
    const be = (await find('IMP-00003')).items[0]!;
    const b = (await server.api('GET', `/accounts/${be.id}`, { token: clerk })).body;
    assert.equal(b.openedOn, '2024-02-01');
    assert.equal(b.meter.installedOn, '2024-02-01');
    assert.equal(b.meter.initialReading, 0);
    const whole = await server.api('GET', `/water-users/${b.waterUserId}`, { token: clerk });
    assert.equal(whole.body.nationalId, '3100503360019');
  });

  it('should create nothing new when the same sheet comes again, and update a changed row', async () => {
    // given the sheet imported above
    const before = (await server.api('GET', '/accounts?limit=1', { token: clerk })).body.total;
    // when it is imported again
    const again = await upload(await sheet(GOOD));
    // then
    assert.deepEqual(
      [again.body.created, again.body.updated, again.body.unchanged, again.body.imported],
      [0, 0, 3, 0],
    );
    assert.equal(
      (await server.api('GET', '/accounts?limit=1', { token: clerk })).body.total,
      before,
    );
    // and when one row changes, only that row is updated
    const changed = await upload(await sheet([{ ...GOOD[0]!, phone: '081-999-0000' }, GOOD[1]!]));
    assert.deepEqual(
      [changed.body.created, changed.body.updated, changed.body.unchanged],
      [0, 1, 1],
    );
    assert.equal((await find('0819990000')).items[0]?.number, 'IMP-00001');
  });

  describe('a sheet with bad rows', () => {
    const BAD: Row[] = [
      { number: 'BAD-00001', name: 'นายดี ถูกต้อง', moo: 1, waterworks: 'WW1', status: 'รอติดตั้ง' },
      {
        number: 'BAD-00002',
        name: 'นายผิด สองที่',
        nationalId: '1234567890123',
        moo: 1,
        waterworks: 'XX9',
        status: 'รอติดตั้ง',
      },
      { number: 'BAD-00001', name: 'นายซ้ำ เลขที่', moo: 1, waterworks: 'WW1', status: 'รอติดตั้ง' },
      {
        number: 'BAD-00004',
        name: 'นายมาตร ขาดข้อมูล',
        moo: 2,
        waterworks: 'WW1',
        meterSerial: 'BAD-M-4',
        meterSize: '5/8',
        meterDigits: 5,
        meterInstalledOn: '2024-01-01',
      },
      { number: 'BAD-00005', name: 'นางดี อีกคน', moo: 2, waterworks: 'WW1', status: 'รอติดตั้ง' },
    ];

    it('should report each error with its line and column and import nothing', async () => {
      const res = await upload(await sheet(BAD));
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.deepEqual([res.body.rows, res.body.valid, res.body.invalid], [5, 2, 3]);
      assert.equal(res.body.imported, 0);
      const where = res.body.errors.map(
        (e: { line: number; field: string }) => `${e.line}:${e.field}`,
      );
      assert.deepEqual(
        where.sort(),
        ['3:nationalId', '3:waterworks', '4:number', '5:meterSize'].sort(),
      );
      const nid = res.body.errors.find((e: { field: string }) => e.field === 'nationalId');
      assert.equal(nid.column, 'เลขประจำตัวประชาชน');
      assert.match(nid.message.th, /เลขประจำตัวประชาชน/);
      assert.ok(nid.message.en.length > 0);
      // nothing of the sheet is in the registry, not even its good rows
      assert.equal((await find('BAD-00001')).total, 0);
      assert.equal((await find('BAD-00005')).total, 0);
    });

    it('should import only the valid rows when asked (mode=valid-rows)', async () => {
      const res = await upload(await sheet(BAD), 'valid-rows');
      assert.deepEqual([res.body.valid, res.body.invalid, res.body.imported], [2, 3, 2]);
      assert.equal((await find('BAD-00001')).items[0]?.number, 'BAD-00001');
      assert.equal((await find('นายดี ถูกต้อง')).total, 1);
      assert.equal((await find('BAD-00005')).total, 1);
      for (const q of ['BAD-00002', 'BAD-00004', 'นายซ้ำ'])
        assert.equal((await find(q)).total, 0, q);
    });
  });

  it('should refuse a file that is not a workbook, or lacks required columns', async () => {
    const junk = await upload(Buffer.from('not a workbook'));
    assert.equal(junk.body.imported, 0);
    assert.equal(junk.body.errors[0].field, 'file');
    const { name: _name, ...withoutName } = HEADERS;
    const missing = await upload(await sheet([{ number: 'X-1', waterworks: 'WW1' }], withoutName));
    assert.deepEqual(
      missing.body.errors.map((e: { line: number; field: string }) => [e.line, e.field]),
      [[1, 'name']],
    );
    assert.equal(missing.body.imported, 0);
  });

  it('should take the workbook as a multipart form upload too', async () => {
    const form = new FormData();
    form.append(
      'file',
      new Blob([new Uint8Array(await sheet(GOOD))], { type: XLSX }),
      'registry.xlsx',
    );
    const res = await fetch(`${server.baseUrl}/api/v1/registry/import?mode=validate`, {
      method: 'POST',
      headers: { authorization: `Bearer ${clerk}` },
      body: form,
    });
    const body = await res.json();
    assert.equal(res.status, 200, JSON.stringify(body));
    assert.deepEqual([body.rows, body.valid], [3, 3]);
  });

  it('should NOT let a meter reader or a resident import (403)', async () => {
    const file = await sheet(GOOD);
    for (const user of ['reader', 'resident1'])
      assertProblem(
        await server.api('POST', '/registry/import', {
          token: await server.login(user),
          headers: { 'content-type': XLSX },
          body: file.toString('latin1'),
        }),
        403,
      );
  });

  it('should export the registry with Thai headers, and the export imports back unchanged', async () => {
    // given the registry (demo plus imports)
    const total = (await server.api('GET', '/accounts?limit=1', { token: clerk })).body.total;
    // when it is exported
    const { data, ws } = await download('/registry/export');
    // then one row per account under the template's headers
    const headers = ws.getRow(1).values as string[];
    for (const h of Object.values(HEADERS)) assert.ok(headers.includes(h), h);
    assert.equal(ws.actualRowCount - 1, total);
    const col = (h: string) => headers.indexOf(h);
    const row = ws
      .getRows(2, ws.actualRowCount - 1)!
      .find((r) => r.getCell(col(HEADERS.number)).value === 'IMP-00001')!;
    assert.equal(row.getCell(col(HEADERS.name)).value, 'นายนำเข้า ทดสอบหนึ่ง');
    assert.equal(row.getCell(col(HEADERS.nationalId)).value, '1101700203450');
    assert.equal(row.getCell(col(HEADERS.status)).value, 'ใช้งาน');
    assert.equal(row.getCell(col(HEADERS.meterSerial)).value, 'IMP-M-001');
    // and importing the export changes nothing
    const back = await upload(data);
    assert.deepEqual(back.body.errors, []);
    assert.deepEqual(
      [back.body.rows, back.body.created, back.body.updated, back.body.unchanged],
      [total, 0, 0, total],
    );
  });
});
