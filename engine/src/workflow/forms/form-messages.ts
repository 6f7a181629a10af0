/**
 * Form.io's validation errors as Prapa's FieldErrors. English comes from @formio/core's own
 * templates (`interpolateErrors`); Thai from the templates below, one for every message key
 * Form.io has. `{{field}}` is the component's label as the form's author wrote it.
 */
import { type FieldError as FormioFieldError, interpolateErrors } from '@formio/core';
import type { FieldError } from '../../http/errors.js';

/**
 * Thai for each of @formio/core's message keys: its `EN_ERRORS`, the keys it raises without
 * English, and Prapa's `invalidType` (form-value-types.ts).
 */
export const TH_ERRORS: Readonly<Record<string, string>> = {
  required: 'กรุณากรอก{{field}}',
  unique: '{{field}} ต้องไม่ซ้ำกับที่มีอยู่แล้ว',
  array: '{{field}} ต้องเป็นรายการ',
  array_nonempty: '{{field}} ต้องมีอย่างน้อยหนึ่งรายการ',
  nonarray: '{{field}} ต้องเป็นค่าเดียว ไม่ใช่รายการ',
  select: 'ค่าของ{{field}}ไม่อยู่ในรายการที่เลือกได้',
  invalidOption: 'ค่าของ{{field}}ไม่อยู่ในรายการที่เลือกได้',
  valueIsNotAvailable: 'ค่าของ{{field}}ไม่อยู่ในรายการที่เลือกได้',
  invalidValueProperty: 'ค่าของ{{field}}ไม่ถูกต้อง',
  invalidType: 'ค่าของ{{field}}ไม่ถูกต้อง',
  pattern: 'รูปแบบของ{{field}}ไม่ถูกต้อง',
  invalid_regex: 'รูปแบบของ{{field}}ไม่ถูกต้อง',
  mask: 'รูปแบบของ{{field}}ไม่ตรงกับที่กำหนด',
  minLength: '{{field}} ต้องมีอย่างน้อย {{length}} ตัวอักษร',
  maxLength: '{{field}} ต้องมีไม่เกิน {{length}} ตัวอักษร',
  minWords: '{{field}} ต้องมีอย่างน้อย {{length}} คำ',
  maxWords: '{{field}} ต้องมีไม่เกิน {{length}} คำ',
  min: '{{field}} ต้องไม่น้อยกว่า {{min}}',
  max: '{{field}} ต้องไม่มากกว่า {{max}}',
  number: '{{field}} ต้องเป็นตัวเลข',
  invalid_email: '{{field}} ต้องเป็นอีเมลที่ถูกต้อง',
  invalid_url: '{{field}} ต้องเป็น URL ที่ถูกต้อง',
  invalid_date: '{{field}} ไม่ใช่วันที่ที่ถูกต้อง',
  invalidDate: '{{field}} ไม่ใช่วันที่ที่ถูกต้อง',
  invalid_day: '{{field}} ไม่ใช่วันที่ที่ถูกต้อง',
  invalidDay: '{{field}} ไม่ใช่วันที่ที่ถูกต้อง',
  minDate: '{{field}} ต้องไม่เป็นวันที่ก่อน {{minDate}}',
  maxDate: '{{field}} ต้องไม่เป็นวันที่หลัง {{maxDate}}',
  minYear: 'ปีของ{{field}}ต้องไม่น้อยกว่า {{minYear}}',
  maxYear: 'ปีของ{{field}}ต้องไม่มากกว่า {{maxYear}}',
  requiredDayField: 'กรุณากรอกวันของ{{field}}',
  requiredMonthField: 'กรุณากรอกเดือนของ{{field}}',
  requiredYearField: 'กรุณากรอกปีของ{{field}}',
  requiredDayEmpty: 'กรุณากรอก{{field}}',
  requiredSurvey: 'กรุณาตอบทุกข้อของ{{field}}',
  time: '{{field}} ไม่ใช่เวลาที่ถูกต้อง',
  minSelectedCount: 'กรุณาเลือกอย่างน้อย {{minCount}} รายการ',
  maxSelectedCount: 'เลือกได้ไม่เกิน {{maxCount}} รายการ',
  jsonLogic: '{{field}} ไม่ถูกต้อง',
  custom: '{{field}} ไม่ถูกต้อง',
  unsavedRowsError: 'กรุณาบันทึกทุกแถวก่อนดำเนินการต่อ',
  invalidRowsError: 'กรุณาแก้ไขแถวที่ไม่ถูกต้องก่อนดำเนินการต่อ',
  invalidRowError: 'แถวนี้ไม่ถูกต้อง กรุณาแก้ไขหรือลบแถวนี้',
};

/** "Please choose", not "please fill in", for the components a user picks from. */
const TH_REQUIRED_CHOICE = 'กรุณาเลือก{{field}}';
const CHOICE_TYPES = new Set(['select', 'radio', 'selectboxes', 'checkbox', 'survey', 'tags']);

/** English for the keys @formio/core raises but has no English for. */
const EN_MISSING: Readonly<Record<string, string>> = {
  invalidType: '{{field}} has a value of the wrong type.',
  requiredDayEmpty: '{{field}} is required',
  requiredSurvey: 'Please answer every question of {{field}}.',
  jsonLogic: '{{field}} is not valid.',
  custom: '{{field}} is not valid.',
};

/** Form.io rule names that Prapa reports under another name. */
const CODES: Readonly<Record<string, string>> = { onlyAvailableItems: 'select' };

export function toFieldErrors(errors: FormioFieldError[]): FieldError[] {
  const english = interpolateErrors(errors, 'en');
  return errors.map((error, i) => {
    const key = error.errorKeyOrMessage;
    const en = english[i]?.message ?? key;
    return {
      path: error.context.path,
      code: CODES[error.ruleName] ?? error.ruleName,
      message: {
        th: interpolate(thaiTemplate(error), error.context),
        en: en === key && EN_MISSING[key] ? interpolate(EN_MISSING[key], error.context) : en,
      },
    };
  });
}

/** The form author's own message wins (as Form.io does); otherwise Prapa's Thai. */
function thaiTemplate(error: FormioFieldError): string {
  const key = error.errorKeyOrMessage;
  const component = error.context.component as { type?: string; errors?: Record<string, string> };
  const custom = component.errors?.[key];
  if (typeof custom === 'string' && custom) return custom;
  if (key === 'required' && CHOICE_TYPES.has(component.type ?? '')) return TH_REQUIRED_CHOICE;
  return TH_ERRORS[key] ?? key;
}

const PLACEHOLDER = /{{\s*([A-Za-z_]+)\s*}}/g;
const THAI = /[\u0E00-\u0E7F]/;

/**
 * `{{name}}` from the error's context — plain lookup, never evaluation. A Latin label set
 * inside Thai text gets a space on the Thai side ("กรุณากรอก Email").
 */
export function interpolate(template: string, context: object): string {
  const values = context as Record<string, unknown>;
  return template.replace(PLACEHOLDER, (match, name: string, offset: number) => {
    const raw = values[name];
    const text = raw === undefined || raw === null ? '' : String(raw);
    if (text === '' || THAI.test(text[0] ?? '')) return text;
    const before = template[offset - 1] ?? '';
    const after = template[offset + match.length] ?? '';
    return `${THAI.test(before) ? ' ' : ''}${text}${THAI.test(after) ? ' ' : ''}`;
  });
}
