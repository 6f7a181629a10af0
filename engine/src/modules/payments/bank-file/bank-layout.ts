/**
 * A bank's bill-payment report file layout, as data: where each field of the header (H),
 * detail (D) and trailer (T) records sits (1-based, inclusive positions) and what kind of
 * value it holds. Banks vary the Bank of Thailand cross-bank layout slightly, so a new
 * bank's layout is a JSON document checked by `bankLayoutSchema`, not code.
 */
import { z } from 'zod';
import { UserError } from '../../../http/errors.js';
import { zodIssuesToFieldErrors } from '../../../http/zod-messages.js';

/**
 * text: trimmed characters; date: DDMMYYYY; time: HHMMSS; amount: digits whose last two are
 * satang (13 digits in the BoT layout); count: a whole number.
 */
export const FIELD_KINDS = ['text', 'date', 'time', 'amount', 'count'] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];

const fieldSchema = z.strictObject({
  start: z.number().int().min(1),
  end: z.number().int().min(1),
  kind: z.enum(FIELD_KINDS).optional(),
});
export type FieldPosition = z.infer<typeof fieldSchema>;

const required = fieldSchema;
const optional = fieldSchema.optional();

const headerFields = z.strictObject({
  recordType: required,
  seq: optional,
  bankCode: required,
  companyAccount: required,
  companyName: optional,
  effectiveDate: required,
  serviceCode: optional,
});

const detailFields = z.strictObject({
  recordType: required,
  seq: optional,
  bankCode: optional,
  companyAccount: optional,
  paymentDate: required,
  paymentTime: required,
  customerName: required,
  ref1: required,
  ref2: required,
  ref3: optional,
  branch: optional,
  teller: optional,
  kind: required,
  txCode: optional,
  chequeNo: optional,
  amount: required,
  chequeBankCode: optional,
  billerId: required,
  sendingBank: optional,
});

const trailerFields = z.strictObject({
  recordType: required,
  seq: optional,
  bankCode: optional,
  companyAccount: optional,
  debitAmount: required,
  debitCount: required,
  creditAmount: required,
  creditCount: required,
});

export type RecordName = 'header' | 'detail' | 'trailer';
export type HeaderField = keyof z.infer<typeof headerFields>;
export type DetailField = keyof z.infer<typeof detailFields>;
export type TrailerField = keyof z.infer<typeof trailerFields>;

/** The kind a named field holds, wherever it appears; fields not listed are text. */
export const FIELD_KIND: Readonly<Record<string, FieldKind>> = {
  seq: 'count',
  effectiveDate: 'date',
  paymentDate: 'date',
  paymentTime: 'time',
  amount: 'amount',
  debitAmount: 'amount',
  creditAmount: 'amount',
  debitCount: 'count',
  creditCount: 'count',
};

/** Width each kind must have (inclusive bounds). Amounts stay within safe integers. */
const KIND_WIDTH: Readonly<Record<FieldKind, readonly [number, number]>> = {
  text: [1, 1000],
  date: [8, 8],
  time: [6, 6],
  amount: [3, 15],
  count: [1, 9],
};

/** Fields that are exactly one character wide: the record type and debit/credit flag. */
const ONE_CHARACTER = new Set(['recordType', 'kind']);

const recordTypeCode = z.string().length(1);

export const bankLayoutSchema = z
  .strictObject({
    /** Short name used to pick the layout: "KBANK". */
    code: z.string().regex(/^[A-Z][A-Z0-9_-]{1,19}$/),
    /** The Bank of Thailand 3-digit bank code the header must carry: "004". */
    bankCode: z.string().regex(/^\d{3}$/),
    name: z.strictObject({ th: z.string().min(1), en: z.string().min(1) }),
    recordLength: z.number().int().min(16).max(4096),
    encoding: z.enum(['tis-620', 'windows-874']),
    /** Years in dates: Gregorian (2026, the BoT layout) or Buddhist Era (2569). */
    calendar: z.enum(['gregorian', 'buddhist']).default('gregorian'),
    recordTypes: z
      .strictObject({ header: recordTypeCode, detail: recordTypeCode, trailer: recordTypeCode })
      .default({ header: 'H', detail: 'D', trailer: 'T' }),
    fields: z.strictObject({ header: headerFields, detail: detailFields, trailer: trailerFields }),
  })
  .superRefine((layout, ctx) => {
    const issue = (path: (string | number)[], en: string, th: string) =>
      ctx.addIssue({ code: 'custom', path, message: en, params: { th } });

    for (const record of ['header', 'detail', 'trailer'] as const) {
      const placed: [string, FieldPosition][] = [];
      for (const [name, pos] of Object.entries(layout.fields[record])) {
        if (!pos) continue;
        const path = ['fields', record, name];
        const kind = FIELD_KIND[name] ?? 'text';
        const width = pos.end - pos.start + 1;
        if (pos.kind !== undefined && pos.kind !== kind) {
          issue([...path, 'kind'], `must be "${kind}"`, `ต้องเป็นชนิด "${kind}"`);
        }
        if (pos.end < pos.start) {
          issue(
            [...path, 'end'],
            `ends (${pos.end}) before it starts (${pos.start})`,
            `ตำแหน่งสิ้นสุด (${pos.end}) อยู่ก่อนตำแหน่งเริ่มต้น (${pos.start})`,
          );
          continue;
        }
        if (pos.end > layout.recordLength) {
          issue(
            [...path, 'end'],
            `ends at ${pos.end}, past the record length ${layout.recordLength}`,
            `ตำแหน่งสิ้นสุด ${pos.end} เกินความยาวระเบียน ${layout.recordLength} ตัวอักษร`,
          );
        }
        const [min, max] = ONE_CHARACTER.has(name) ? [1, 1] : KIND_WIDTH[kind];
        if (width < min || width > max) {
          const want = min === max ? `${min}` : `${min}–${max}`;
          issue(
            path,
            `is ${width} characters wide; a ${kind} field here must be ${want}`,
            `กว้าง ${width} ตัวอักษร แต่ช่องชนิด ${kind} นี้ต้องกว้าง ${want} ตัวอักษร`,
          );
        }
        for (const [other, at] of placed) {
          if (pos.start <= at.end && at.start <= pos.end) {
            issue(
              path,
              `positions ${pos.start}–${pos.end} overlap ${other} (${at.start}–${at.end})`,
              `ตำแหน่ง ${pos.start}–${pos.end} ซ้อนทับกับ ${other} (${at.start}–${at.end})`,
            );
          }
        }
        placed.push([name, pos]);
      }
    }

    const { header, detail, trailer } = layout.fields;
    for (const [record, pos] of [
      ['detail', detail.recordType],
      ['trailer', trailer.recordType],
    ] as const) {
      if (pos.start !== header.recordType.start) {
        issue(
          ['fields', record, 'recordType'],
          `must be at the same position as the header's record type (${header.recordType.start})`,
          `ต้องอยู่ตำแหน่งเดียวกับประเภทระเบียนของส่วนหัว (${header.recordType.start})`,
        );
      }
    }
    const types = Object.values(layout.recordTypes);
    if (new Set(types).size !== types.length) {
      issue(
        ['recordTypes'],
        'header, detail and trailer need different codes',
        'รหัสประเภทระเบียนส่วนหัว รายละเอียด และส่วนท้าย ต้องไม่ซ้ำกัน',
      );
    }
  });

/** A checked layout (defaults filled in). */
export type BankLayout = z.infer<typeof bankLayoutSchema>;

/**
 * A layout from untrusted JSON (a tenant adding a bank), or a 422 naming every field at
 * fault, e.g. `fields.detail.ref1`: "positions 80–104 overlap customerName (35–84)".
 */
export function parseBankLayout(input: unknown): BankLayout {
  const parsed = bankLayoutSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new UserError(
    'bank_layout_invalid',
    { th: 'รูปแบบไฟล์ของธนาคารไม่ถูกต้อง', en: 'The bank file layout is not valid.' },
    zodIssuesToFieldErrors(parsed.error.issues),
  );
}
