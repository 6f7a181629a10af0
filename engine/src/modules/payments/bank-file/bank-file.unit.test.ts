import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BILLER, STRIDE, edit, file, parse, payment, put } from './bank-file.fixtures.test.js';

describe('writeBankFile → parseBankFile', () => {
  it('should read back every field of a payment written, Thai name exactly', () => {
    // given
    const bytes = file([
      payment({ ref3: 'SCB', branch: '0101', teller: 'T001', sendingBank: '014', txCode: 'TRF' }),
      payment({ customerName: 'นายสมชาย มั่งมี', ref1: '1005678', amountSatang: 1, kind: 'D' }),
    ]);

    // when
    const parsed = parse(bytes);

    // then
    assert.deepEqual(parsed.header, {
      bankCode: '004',
      companyAccount: '1234567890',
      companyName: 'เทศบาลตำบลบ้านนา',
      effectiveDate: '2026-03-01',
      serviceCode: 'WATER',
    });
    const [first, second] = parsed.details;
    assert.deepEqual(
      { ...first, lineKey: undefined },
      {
        line: 2,
        seq: 2,
        bankCode: '004',
        companyAccount: '1234567890',
        paidAt: '2026-03-01T09:15:00+07:00',
        paymentDate: '2026-03-01',
        paymentTime: '09:15:00',
        customerName: 'นางสาวสมศรี ใจดี',
        ref1: '1001234',
        ref2: 'INV6900123',
        ref3: 'SCB',
        branch: '0101',
        teller: 'T001',
        kind: 'C',
        txCode: 'TRF',
        chequeNo: '',
        amountSatang: 30442,
        chequeBankCode: '',
        billerId: BILLER,
        sendingBank: '014',
        lineKey: undefined,
      },
    );
    assert.match(first!.lineKey, /^[A-Za-z0-9_-]{43}$/);
    assert.equal(second!.customerName, 'นายสมชาย มั่งมี');
    assert.equal(second!.kind, 'D');
    assert.equal(second!.line, 3);
    assert.deepEqual(parsed.trailer, {
      debitSatang: 1,
      debitCount: 1,
      creditSatang: 30442,
      creditCount: 1,
    });
  });

  it('should write TIS-620: one byte per character, ก as 0xA1, every record 256 bytes', () => {
    // when
    const bytes = file([payment({ customerName: 'กนก' }), payment()]);

    // then
    assert.equal(bytes.length, 4 * STRIDE);
    const nameAt = STRIDE + 34; // the detail on line 2, position 35
    assert.deepEqual([...bytes.subarray(nameAt, nameAt + 3)], [0xa1, 0xb9, 0xa1]);
    for (let i = 0; i < 4; i++)
      assert.equal(bytes.toString('latin1', i * STRIDE + 256, (i + 1) * STRIDE), '\r\n');
  });

  it('should give the Bangkok date and time of a payment made in UTC just before midnight there', () => {
    // when: 20:30 UTC on 28 Feb is 03:30 on 1 March in Bangkok
    const [line] = parse(file([payment({ paidAt: new Date('2026-02-28T20:30:00Z') })])).details;

    // then
    assert.equal(line!.paymentDate, '2026-03-01');
    assert.equal(line!.paymentTime, '03:30:00');
    assert.equal(line!.paidAt, '2026-03-01T03:30:00+07:00');
  });

  const endings: [string, (b: Buffer) => Buffer][] = [
    ['CRLF', (b) => b],
    ['LF', (b) => Buffer.from(b.toString('latin1').replaceAll('\r\n', '\n'), 'latin1')],
    ['no line end after the trailer', (b) => b.subarray(0, -2)],
    ['a trailing Ctrl-Z', (b) => Buffer.concat([b, Buffer.from([0x1a])])],
    [
      'Ctrl-Z right after the trailer',
      (b) => Buffer.concat([b.subarray(0, -2), Buffer.from([0x1a])]),
    ],
  ];
  for (const [name, variant] of endings) {
    it(`should accept a file with ${name}`, () => {
      // given
      const bytes = variant(file([payment(), payment({ ref1: '1009999' })]));

      // when
      const parsed = parse(bytes);

      // then
      assert.deepEqual(
        parsed.details.map((d) => [d.line, d.ref1, d.customerName]),
        [
          [2, '1001234', 'นางสาวสมศรี ใจดี'],
          [3, '1009999', 'นางสาวสมศรี ใจดี'],
        ],
      );
    });
  }

  it('should read Windows-874 marks (… is 0x85) in a name', () => {
    // given
    const bytes = edit(file(), (r) => (r[1] = put(r[1]!, 35, 'ABC\x85'.padEnd(50))));

    // then
    assert.equal(parse(bytes).details[0]!.customerName, 'ABC…');
  });

  it('should give the same SHA-256 for the same bytes and a different one for another file', () => {
    assert.equal(parse(file()).sha256, parse(file()).sha256);
    assert.notEqual(parse(file()).sha256, parse(file([payment({ amountSatang: 1 })])).sha256);
  });
});

describe('lineKey', () => {
  it('should be the same for the same bank line sent again, renumbered, in another file', () => {
    // given: the payment is line 2 of the first file and line 4 of the next day's file
    const paid = payment({ ref1: '1007777' });
    const monday = parse(file([paid], '2026-03-02')).details[0]!;
    const tuesday = parse(file([payment(), payment({ ref1: '1008888' }), paid], '2026-03-03'))
      .details[2]!;

    // then
    assert.notEqual(monday.seq, tuesday.seq);
    assert.equal(monday.lineKey, tuesday.lineKey);
  });

  it('should differ for a line that differs only in its amount', () => {
    const [a, b] = parse(file([payment(), payment({ amountSatang: 30443 })])).details;
    assert.notEqual(a!.lineKey, b!.lineKey);
  });
});
