import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Evaluator } from '@formio/core';
import {
  type FormComponent,
  type FormDefinition,
  FormDefinitionError,
  checkFormDefinition,
  formFieldKeys,
} from './form-definition.js';
import { validateSubmission } from './form-submission.js';

// ---- fixtures: small forms as the Form.io builder writes them ----

type More = Partial<FormComponent>;
const form = (...components: FormComponent[]): FormDefinition => ({ display: 'form', components });
const input = (type: string, key: string, label: string, more: More = {}): FormComponent => ({
  type,
  key,
  label,
  input: true,
  ...more,
});
const textfield = (key: string, label: string, more: More = {}) =>
  input('textfield', key, label, more);
const number = (key: string, label: string, more: More = {}) => input('number', key, label, more);
const layout = (type: string, key: string, more: More) => ({ type, key, input: false, ...more });
const yesNo = (key: string, label: string, more: More = {}) =>
  input('radio', key, label, {
    values: [
      { label: 'ใช่', value: 'true' },
      { label: 'ไม่ใช่', value: 'false' },
    ],
    ...more,
  });
const select = (key: string, label: string, values: string[], more: More = {}) =>
  input('select', key, label, {
    dataSrc: 'values',
    data: { values: values.map((value) => ({ label: value, value })) },
    ...more,
  });
const submitButton = input('button', 'submit', 'ส่ง', { action: 'submit' });
const required = { validate: { required: true } };

/** A row: what the user sends, and the `path:code` of every error expected (none = valid). */
type Row = [name: string, data: unknown, errors: string[]];

/** One `it` per row. */
function table(f: FormDefinition, rows: Row[]): void {
  for (const [name, data, expected] of rows) {
    const verdict = expected.length === 0 ? 'accept' : `refuse with ${expected.join(', ')}`;
    it(`should ${verdict}: ${name}`, () => {
      // when
      const { errors } = validateSubmission(f, data);

      // then
      assert.deepEqual(
        errors.map((e) => `${e.path}:${e.code}`),
        expected,
      );
    });
  }
}

describe('validateSubmission', () => {
  describe('a required text field', () => {
    // prettier-ignore
    table(form(textfield('applicantName', 'ชื่อผู้ขอ', required)), [
      ['a name',          { applicantName: 'สมชาย ใจดี' }, []],
      ['no value',        {},                            ['applicantName:required']],
      ['an empty string', { applicantName: '' },         ['applicantName:required']],
      ['only spaces',     { applicantName: '   ' },      ['applicantName:required']],
      ['an object',       { applicantName: { $ne: '' } }, ['applicantName:type']],
    ]);
  });

  describe('a number with min 0 and max 99999', () => {
    const reading = form(number('reading', 'เลขมาตร', { validate: { min: 0, max: 99999 } }));
    // prettier-ignore
    table(reading, [
      ['0, the minimum',           { reading: 0 },           []],
      ['99999, the maximum',       { reading: 99999 },       []],
      ['a numeric string',         { reading: '1250' },      []],
      ['no value (not required)',  {},                       []],
      ['-1',                       { reading: -1 },          ['reading:min']],
      ['100000',                   { reading: 100000 },      ['reading:max']],
      ['words',                    { reading: 'หนึ่งร้อย' },   ['reading:number']],
      ['a boolean',                { reading: true },        ['reading:number']],
    ]);

    it('should hand back a numeric string as a number', () => {
      // when
      const { data } = validateSubmission(reading, { reading: '1250' });

      // then
      assert.deepEqual(data, { reading: 1250 });
    });
  });

  describe('a text with minLength 5 and maxLength 10', () => {
    // prettier-ignore
    table(form(textfield('note', 'หมายเหตุ', { validate: { minLength: 5, maxLength: 10 } })), [
      ['5 characters',  { note: 'abcde' },       []],
      ['10 characters', { note: 'abcdefghij' },  []],
      ['4 characters',  { note: 'abcd' },        ['note:minLength']],
      ['11 characters', { note: 'abcdefghijk' }, ['note:maxLength']],
    ]);
  });

  describe('a meter number with a pattern', () => {
    // prettier-ignore
    table(form(textfield('meterNo', 'เลขมาตร', { validate: { pattern: '[A-Z]{2}-\\d{4}' } })), [
      ['WM-0042',                          { meterNo: 'WM-0042' },  []],
      ['lower case',                       { meterNo: 'wm-0042' },  ['meterNo:pattern']],
      ['the pattern inside a longer text', { meterNo: 'xWM-0042' }, ['meterNo:pattern']],
    ]);
  });

  describe('a select with a fixed list', () => {
    const places = ['nongbua', 'thachang'];
    const f = form(
      select('subdistrict', 'ตำบล', places),
      select('visited', 'ตำบลที่ไป', places, { multiple: true }),
    );
    // prettier-ignore
    table(f, [
      ['a listed value',                  { subdistrict: 'nongbua' },           []],
      ['several listed values',           { visited: ['nongbua', 'thachang'] }, []],
      ['a value not in the list',         { subdistrict: 'bangkok' },           ['subdistrict:select']],
      ['the label for the value',         { subdistrict: 'หนองบัว' },            ['subdistrict:select']],
      ['one of several not in the list',  { visited: ['nongbua', 'x'] },        ['visited:select']],
    ]);
  });

  describe('a required yes/no radio', () => {
    const documentsOk = form(yesNo('documentsOk', 'เอกสารครบถ้วน', required));
    // prettier-ignore
    table(documentsOk, [
      ['"true"',            { documentsOk: 'true' },  []],
      ['"false"',           { documentsOk: 'false' }, []],
      ['the boolean false', { documentsOk: false },   []],
      ['no answer',         {},                       ['documentsOk:required']],
      ['"maybe"',           { documentsOk: 'maybe' }, ['documentsOk:select']],
      ['a number',          { documentsOk: 1 },       ['documentsOk:select']],
    ]);

    it('should hand back "true"/"false" as Form.io normalises them: booleans', () => {
      // when
      const { data } = validateSubmission(documentsOk, { documentsOk: 'false' });

      // then
      assert.deepEqual(data, { documentsOk: false });
    });
  });

  describe('a rejection reason shown only when the documents are not complete', () => {
    const reason = input('textarea', 'rejectionReason', 'เหตุผลที่ไม่อนุมัติ', {
      ...required,
      conditional: { show: true, when: 'documentsOk', eq: 'false' },
    });
    const review = form(yesNo('documentsOk', 'เอกสารครบถ้วน', required), reason);
    // prettier-ignore
    table(review, [
      ['complete documents, no reason',          { documentsOk: 'true' },                               []],
      ['incomplete documents with a reason',     { documentsOk: 'false', rejectionReason: 'ขาดสำเนา' }, []],
      ['incomplete documents, no reason',        { documentsOk: 'false' },                              ['rejectionReason:required']],
      ['incomplete documents, an empty reason',  { documentsOk: 'false', rejectionReason: '' },         ['rejectionReason:required']],
    ]);

    it('should drop the reason when the field is hidden', () => {
      // given
      const sent = { documentsOk: 'true', rejectionReason: 'แอบส่งมา' };

      // when
      const { data, errors } = validateSubmission(review, sent);

      // then
      assert.deepEqual(errors, []);
      assert.deepEqual(data, { documentsOk: true });
    });

    it('should drop a hidden value even when the form says clearOnHide: false', () => {
      // given
      const keeping = form(yesNo('documentsOk', 'เอกสารครบถ้วน'), { ...reason, clearOnHide: false });

      // when
      const { data } = validateSubmission(keeping, { documentsOk: 'true', rejectionReason: 'x' });

      // then
      assert.deepEqual(data, { documentsOk: true });
    });
  });

  describe('fields the form does not have', () => {
    it('should keep only the form fields, and no button', () => {
      // given
      const f = form(textfield('applicantName', 'ชื่อผู้ขอ'), submitButton);
      const sent = JSON.parse(
        '{"applicantName":"สมชาย","approved":true,"submit":true,"__proto__":{"isAdmin":true}}',
      );

      // when
      const { data, errors } = validateSubmission(f, sent);

      // then
      assert.deepEqual(errors, []);
      assert.deepEqual(data, { applicantName: 'สมชาย' });
      assert.equal(Object.getPrototypeOf(data), Object.prototype);
    });

    it('should leave the caller’s data and form as they were', () => {
      // given
      const f = form(textfield('a', 'A', required), submitButton);
      const before = structuredClone(f);
      const sent = { a: 'x', extra: 1 };

      // when
      validateSubmission(f, sent);

      // then
      assert.deepEqual(sent, { a: 'x', extra: 1 });
      assert.deepEqual(f, before);
    });
  });

  describe('inputs inside layout components', () => {
    // given a panel holding columns (one with a fieldset), a table and a container
    const nested = form(
      layout('panel', 'meterPanel', {
        title: 'มาตรวัดน้ำ',
        components: [
          layout('columns', 'columns', {
            columns: [
              { components: [textfield('meterNo', 'เลขมาตร', required)] },
              {
                components: [
                  layout('fieldset', 'fs', {
                    components: [number('reading', 'เลขที่อ่านได้', { validate: { min: 0 } })],
                  }),
                ],
              },
            ],
          }),
          layout('table', 'tbl', {
            rows: [[{ components: [textfield('inspector', 'ผู้ตรวจ', required)] }]],
          }),
          input('container', 'address', 'ที่อยู่', {
            components: [textfield('postcode', 'รหัสไปรษณีย์', { validate: { pattern: '\\d{5}' } })],
          }),
        ],
      }),
    );
    const ok = { meterNo: 'WM-1', reading: 5, inspector: 'สมศรี' };
    // prettier-ignore
    table(nested, [
      ['every field right',                { ...ok, address: { postcode: '40000' } }, []],
      ['a missing field in a column',      { ...ok, meterNo: '' },                    ['meterNo:required']],
      ['a wrong number in a fieldset',     { ...ok, reading: -5 },                    ['reading:min']],
      ['a missing field in a table cell',  { meterNo: 'WM-1' },                       ['inspector:required']],
      ['a wrong field in a container',     { ...ok, address: { postcode: '4000' } },  ['address.postcode:pattern']],
    ]);
  });

  describe('a data grid of invoice lines', () => {
    const lines = form(
      input('datagrid', 'items', 'รายการ', {
        components: [
          textfield('description', 'รายการ'),
          number('amount', 'จำนวนเงิน', { validate: { required: true, min: 0 } }),
        ],
      }),
    );
    // prettier-ignore
    table(lines, [
      ['two good rows',                       { items: [{ description: 'ค่าน้ำ', amount: 120 }, { amount: 30 }] }, []],
      ['a negative amount in the second row', { items: [{ amount: 120 }, { amount: -30 }] },                    ['items[1].amount:min']],
      ['no amount in the first row',          { items: [{ description: 'ค่าน้ำ' }, { amount: 30 }] },            ['items[0].amount:required']],
      ['an empty row',                        { items: [{}, { amount: 30 }] },                                   ['items[0].amount:required']],
      ['a row of unknown fields only',        { items: [{ paid: true }] },                                       ['items[0].amount:required']],
      ['a row that is not an object',         { items: [null, { amount: 30 }] },                                 ['items:type']],
      ['words for an amount',                 { items: [{ amount: 'ร้อย' }] },                                   ['items[0].amount:number']],
      ['rows that are not a list',            { items: 'ค่าน้ำ' },                                               ['items:type']],
    ]);

    it('should drop unknown fields inside a row', () => {
      // when
      const { data } = validateSubmission(lines, { items: [{ amount: 1, paid: true }] });

      // then
      assert.deepEqual(data, { items: [{ amount: 1 }] });
    });
  });

  describe('email and date fields', () => {
    const f = form(
      input('email', 'email', 'อีเมล'),
      input('datetime', 'visitDate', 'วันนัดตรวจ', {
        enableTime: false,
        widget: { type: 'calendar', minDate: '2024-01-01' },
      }),
    );
    // prettier-ignore
    table(f, [
      ['an email and a date',       { email: 'somchai@example.com', visitDate: '2025-01-15' }, []],
      ['an email without a domain', { email: 'somchai@' },                                  ['email:email']],
      ['a date that is not a date', { visitDate: 'พรุ่งนี้' },                                ['visitDate:date']],
      ['a date before the minimum', { visitDate: '2023-12-31' },                            ['visitDate:minDate']],
      ['a number for a date',       { visitDate: 20250115 },                                ['visitDate:date']],
    ]);
  });

  describe('bad input', () => {
    const f = form(
      textfield('applicantName', 'ชื่อผู้ขอ', required),
      input('day', 'birthday', 'วันเกิด'),
      input('selectboxes', 'services', 'บริการ', {
        values: [{ label: 'ต่อน้ำ', value: 'connect' }],
        validate: { minSelectedCount: 1 },
      }),
    );
    // prettier-ignore
    const inputs: [string, unknown][] = [
      ['null',                    null],
      ['a string',                'applicantName=สมชาย'],
      ['an array',                [{ applicantName: 'สมชาย' }]],
      ['a list for a day',        { applicantName: 'x', birthday: ['01', '02'] }],
      ['numbers for check boxes', { applicantName: 'x', services: { connect: 1 } }],
    ];
    for (const [name, sent] of inputs) {
      it(`should answer with errors, not throw, given ${name}`, () => {
        // when
        const { errors } = validateSubmission(f, sent);

        // then
        assert.ok(errors.length > 0);
      });
    }
  });

  describe('messages', () => {
    const f = form(
      textfield('applicantName', 'ชื่อผู้ขอ', required),
      number('reading', 'เลขมาตร', { validate: { min: 0, max: 99999 } }),
      textfield('note', 'หมายเหตุ', { validate: { minLength: 5, maxLength: 10 } }),
      textfield('meterNo', 'เลขมาตร', { validate: { pattern: '\\d+' } }),
      yesNo('documentsOk', 'เอกสารครบถ้วน', required),
      input('email', 'email', 'Email'),
    );
    const valid = { applicantName: 'สมชาย', documentsOk: 'true' };
    // prettier-ignore
    const rows: [rule: string, sent: object, th: string, en: string][] = [
      ['required',  { applicantName: '' },      'กรุณากรอกชื่อผู้ขอ',                   'ชื่อผู้ขอ is required'],
      ['min',       { reading: -1 },            'เลขมาตร ต้องไม่น้อยกว่า 0',             'เลขมาตร cannot be less than 0.'],
      ['max',       { reading: 100000 },        'เลขมาตร ต้องไม่มากกว่า 99999',          'เลขมาตร cannot be greater than 99999.'],
      ['number',    { reading: 'x' },           'เลขมาตร ต้องเป็นตัวเลข',                'เลขมาตร is not a valid number.'],
      ['minLength', { note: 'abc' },            'หมายเหตุ ต้องมีอย่างน้อย 5 ตัวอักษร',     'หมายเหตุ must have at least 5 characters.'],
      ['maxLength', { note: 'abcdefghijk' },    'หมายเหตุ ต้องมีไม่เกิน 10 ตัวอักษร',      'หมายเหตุ must have no more than 10 characters.'],
      ['pattern',   { meterNo: 'A' },           'รูปแบบของเลขมาตรไม่ถูกต้อง',             'เลขมาตร does not match the pattern \\d+'],
      ['select',    { documentsOk: 'maybe' },   'ค่าของเอกสารครบถ้วนไม่อยู่ในรายการที่เลือกได้', 'เอกสารครบถ้วน contains an invalid selection'],
      ['email',     { email: 'x@' },            'Email ต้องเป็นอีเมลที่ถูกต้อง',           'Email must be a valid email.'],
    ];
    for (const [rule, sent, th, en] of rows) {
      it(`should say what is wrong in Thai and English: ${rule}`, () => {
        // when
        const { errors } = validateSubmission(f, { ...valid, ...sent });

        // then
        assert.deepEqual(errors.find((e) => e.code === rule)?.message, { th, en });
      });
    }

    it('should ask to choose, not to fill in, a required radio', () => {
      // when
      const { errors } = validateSubmission(f, { applicantName: 'สมชาย' });

      // then
      assert.equal(errors[0]?.message.th, 'กรุณาเลือกเอกสารครบถ้วน');
    });

    it('should set a Latin label apart from the Thai around it', () => {
      // when
      const { errors } = validateSubmission(form(textfield('email', 'Email', required)), {});

      // then
      assert.equal(errors[0]?.message.th, 'กรุณากรอก Email');
    });
  });

  it('should leave @formio/core unable to run a string from a form as code', (t) => {
    // given form-submission.ts is loaded, and a script that would leave a trace
    t.mock.method(console, 'warn', () => undefined);
    const trace = globalThis as { formScriptRan?: boolean };

    // when
    Evaluator.evaluate('globalThis.formScriptRan = true; return 42', {});

    // then
    assert.equal(trace.formScriptRan, undefined);
  });

  it('should throw when the form itself is broken', () => {
    // given
    const scripted = form(textfield('a', 'A', { validate: { custom: 'valid = true' } }));

    // when, then
    assert.throws(() => validateSubmission(scripted, {}), FormDefinitionError);
    assert.throws(() => validateSubmission({} as FormDefinition, {}), FormDefinitionError);
  });

  it('should validate a 20-field form 1,000 times in a second or two', () => {
    // given four blocks of text, number, select, radio and a reason shown on "false"
    const components: FormComponent[] = [];
    const data: Record<string, unknown> = {};
    for (let i = 0; i < 4; i++) {
      components.push(
        textfield(`name${i}`, `ชื่อ ${i}`, { validate: { required: true, maxLength: 50 } }),
        number(`amount${i}`, `จำนวน ${i}`, { validate: { min: 0, max: 1000 } }),
        select(`choice${i}`, `ตัวเลือก ${i}`, ['a', 'b']),
        yesNo(`ok${i}`, `ถูกต้อง ${i}`, required),
        input('textarea', `reason${i}`, `เหตุผล ${i}`, {
          ...required,
          conditional: { show: true, when: `ok${i}`, eq: 'false' },
        }),
      );
      Object.assign(data, {
        [`name${i}`]: 'สมชาย',
        [`amount${i}`]: 5,
        [`choice${i}`]: 'a',
        [`ok${i}`]: 'false',
        [`reason${i}`]: 'ไม่ครบ',
      });
    }
    const big = form(...components);

    // when
    const started = performance.now();
    for (let i = 0; i < 1000; i++) validateSubmission(big, data);
    const ms = performance.now() - started;

    // then
    console.log(`      20 fields × 1,000 submissions: ${ms.toFixed(0)} ms`);
    assert.deepEqual(validateSubmission(big, data).errors, []);
  });
});

describe('checkFormDefinition', () => {
  it('should accept a clean form as the builder saves it', () => {
    // given empty script properties, JSONLogic, layout, a grid, a data template, a button
    const clean = form(
      layout('panel', 'panel1', {
        title: 'ตรวจเอกสาร',
        components: [
          yesNo('documentsOk', 'เอกสารครบถ้วน', {
            validate: { required: true, custom: '', customPrivate: false, json: '' },
            customConditional: '',
            calculateValue: '',
            customDefaultValue: '',
            conditional: { show: null, when: null, eq: '', json: '' },
          }),
          textfield('rejectionReason', 'เหตุผล', {
            conditional: { json: { '===': [{ var: 'data.documentsOk' }, false] } },
          }),
        ],
      }),
      layout('columns', 'columns1', {
        columns: [
          {
            components: [
              input('datetime', 'visitDate', 'วันนัด', {
                widget: { minDate: '2024-01-01', maxDate: '' },
              }),
            ],
          },
        ],
      }),
      input('datagrid', 'items', 'รายการ', { components: [textfield('description', 'รายการ')] }),
      layout('htmlelement', 'html1', { tag: 'p', content: 'เรียน คุณ{{ data.applicantName }}' }),
      submitButton,
    );

    // when
    const errors = checkFormDefinition(clean);

    // then
    assert.deepEqual(errors, []);
  });

  describe('a form that is not a form', () => {
    // prettier-ignore
    const rows: [string, unknown, string][] = [
      ['null',                           null,                 'form_not_object'],
      ['an array',                       [],                   'form_not_object'],
      ['a string',                       '{"components":[]}',  'form_not_object'],
      ['no components',                  { title: 'x' },       'form_no_components'],
      ['components that are not a list', { components: {} },   'form_no_components'],
    ];
    for (const [name, sent, code] of rows) {
      it(`should refuse ${name} with one error`, () => {
        // when
        const errors = checkFormDefinition(sent);

        // then
        assert.deepEqual(
          errors.map((e) => e.code),
          [code],
        );
      });
    }
  });

  describe('keys', () => {
    const panel = (...components: FormComponent[]) => layout('panel', 'p', { components });
    // prettier-ignore
    const rows: [string, FormComponent[], string[]][] = [
      ['an input without a key',     [{ type: 'textfield', label: 'ชื่อ', input: true }], ['components[0].key:key_missing']],
      ['a key with a dash',          [textfield('meter-no', 'เลขมาตร')],                 ['components[0].key:key_invalid']],
      ['a Thai key',                 [textfield('ชื่อ', 'ชื่อ')],                          ['components[0].key:key_invalid']],
      ['a key starting with a digit',[textfield('1st', 'ชื่อ')],                          ['components[0].key:key_invalid']],
      ['the key __proto__',          [textfield('__proto__', 'x')],                      ['components[0].key:key_reserved']],
      ['the key constructor',        [textfield('constructor', 'x')],                    ['components[0].key:key_reserved']],
      ['the same key in two panels', [panel(textfield('name', 'ก')), panel(textfield('name', 'ข'))], ['components[1].components[0].key:key_duplicate']],
      ['the same key in a column and a table cell', [
        layout('columns', 'c', { columns: [{ components: [textfield('name', 'ก')] }] }),
        layout('table', 't', { rows: [[{ components: [textfield('name', 'ข')] }]] }),
      ], ['components[1].rows[0][0].components[0].key:key_duplicate']],
      ['layout without keys',        [{ type: 'panel', input: false, components: [] }],   []],
      ['a pattern that does not compile', [textfield('a', 'A', { validate: { pattern: '[0-9' } })], ['components[0].validate.pattern:pattern_invalid']],
    ];
    for (const [name, components, expected] of rows) {
      it(`should ${expected.length ? 'refuse' : 'accept'} ${name}`, () => {
        // when
        const errors = checkFormDefinition(form(...components));

        // then
        assert.deepEqual(
          errors.map((e) => `${e.path}:${e.code}`),
          expected,
        );
      });
    }
  });

  describe('JavaScript', () => {
    const logic = (action: object, trigger: object = { type: 'simple' }) => ({
      logic: [{ name: 'rule', trigger, actions: [action] }],
    });
    // Each row: what is changed on a plain text field, and where the script then is.
    // prettier-ignore
    const rows: [string, More, string][] = [
      ['custom validation',          { validate: { custom: 'valid = input.length > 3' } },           'validate.custom'],
      ['a custom conditional',       { customConditional: 'show = data.a === 1' },                   'customConditional'],
      ['a calculated value',         { calculateValue: 'value = data.a * 2' },                       'calculateValue'],
      ['a custom default value',     { customDefaultValue: "value = 'x'" },                          'customDefaultValue'],
      ['a button action',            { type: 'button', action: 'custom', custom: 'form.submit()' },  'custom'],
      ['validate.json as a string',  { validate: { json: "{ 'if': true }" } },                       'validate.json'],
      ['select options from code',   { type: 'select', dataSrc: 'custom', data: { custom: "values = ['a']" } }, 'data.custom'],
      ['a logic trigger',            logic({ type: 'property' }, { type: 'javascript', javascript: 'result = true' }), 'logic[0].trigger.javascript'],
      ['a logic custom action',      logic({ type: 'customAction', customAction: 'value = 1' }),     'logic[0].actions[0].customAction'],
      ['a logic value action',       logic({ type: 'value', value: 'value = 1' }),                   'logic[0].actions[0].value'],
      ['a logic schema merge',       logic({ type: 'mergeComponentSchema', schemaDefinition: 'schema = {}' }), 'logic[0].actions[0].schemaDefinition'],
      ['a logic action writing validate.custom', logic({ type: 'property', property: { type: 'string', value: 'validate.custom' }, text: 'valid = true' }), 'logic[0].actions[0].property'],
      ['a script tag in HTML',       { type: 'htmlelement', input: false, content: '<p>x</p><script>fetch("/api")</script>' }, 'content'],
      ['a script tag in content',    { type: 'content', input: false, html: '<SCRIPT src="x.js"></SCRIPT>' }, 'html'],
      ['an event handler in HTML',   { type: 'htmlelement', input: false, content: '<img src="x" onerror="alert(1)">' }, 'content'],
      ['a javascript: link',         { description: '<a href="javascript:alert(1)">ช่วยเหลือ</a>' }, 'description'],
      ['an event attribute',         { attributes: { onfocus: 'alert(1)' } },                        'attributes.onfocus'],
      ['an HTML element event',      { type: 'htmlelement', input: false, attrs: [{ attr: 'onclick', value: 'x()' }] }, 'attrs[0]'],
      ['an expression in a label',   { label: '{{ data.name.toUpperCase() }}' },                     'label'],
      ['a call in a message',        { validate: { customMessage: "{{ data.constructor.constructor('return process')() }}" } }, 'validate.customMessage'],
      ['a code block in a template', { type: 'select', template: '{% if (item) { %}<b>x</b>{% } %}' }, 'template'],
      ['a date limit in code',       { type: 'datetime', widget: { minDate: "moment().subtract(1, 'day')" } }, 'widget.minDate'],
      ['a day limit in code',        { type: 'day', maxDate: 'process.exit(1)' },                    'maxDate'],
      ['a date picker function',     { type: 'datetime', datePicker: { disableFunction: 'date.getDay() === 0' } }, 'datePicker.disableFunction'],
      ['JSONLogic calling lodash',   { conditional: { json: { _invokeMap: [[{ _invoke: [{ var: '' }, 'constructor.constructor', 'x'] }], 'call'] } } }, 'conditional.json'],
      ['JSONLogic reaching the constructor', { validate: { json: { var: 'data.constructor' } } },   'validate.json'],
      ['a script in serverOverride', { serverOverride: { calculateValue: 'value = 1' } },            'serverOverride.calculateValue'],
    ];
    for (const [name, changes, property] of rows) {
      it(`should refuse ${name} at ${property}`, () => {
        // given
        const f = form(textfield('plain', 'ช่องปกติ'), { ...textfield('field', 'ช่อง'), ...changes });

        // when
        const errors = checkFormDefinition(f);

        // then
        assert.deepEqual(
          errors.map((e) => `${e.path}:${e.code}`),
          [`components[1].${property}:javascript`],
        );
      });
    }

    it('should refuse a script in the form’s module', () => {
      // when
      const errors = checkFormDefinition({ ...form(textfield('a', 'A')), module: 'export {}' });

      // then
      assert.deepEqual(
        errors.map((e) => e.path),
        ['module'],
      );
    });

    it('should find a script deep inside the layout, with its path', () => {
      // given
      const scripted = textfield('a', 'A', { validate: { custom: 'valid = true' } });
      const f = form(
        layout('panel', 'p', {
          components: [
            layout('columns', 'c', { columns: [{ components: [] }, { components: [scripted] }] }),
          ],
        }),
      );

      // when
      const errors = checkFormDefinition(f);

      // then
      assert.deepEqual(
        errors.map((e) => e.path),
        ['components[0].components[0].columns[1].components[0].validate.custom'],
      );
    });

    it('should say so in Thai and English', () => {
      // when
      const [error] = checkFormDefinition(
        form(textfield('a', 'A', { validate: { custom: 'valid = true' } })),
      );

      // then
      assert.deepEqual(error?.message, {
        th: 'แบบฟอร์มมีโค้ด JavaScript (validate.custom) ซึ่งไม่อนุญาต',
        en: 'The form contains JavaScript (validate.custom), which is not allowed.',
      });
    });
  });
});

describe('formFieldKeys', () => {
  it('should list the inputs in order, nested ones included, without layout or buttons', () => {
    // given
    const f = form(
      layout('panel', 'p', { components: [textfield('applicantName', 'ชื่อ')] }),
      layout('columns', 'c', { columns: [{ components: [yesNo('documentsOk', 'ครบ')] }] }),
      input('datagrid', 'items', 'รายการ', { components: [textfield('description', 'รายการ')] }),
      layout('htmlelement', 'note', { content: '<p>x</p>' }),
      submitButton,
    );

    // when
    const keys = formFieldKeys(f);

    // then
    assert.deepEqual(keys, ['applicantName', 'documentsOk', 'items', 'description']);
  });
});
