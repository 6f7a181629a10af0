/**
 * Zod issues as Prapa field errors, in Thai and English. Zod ships English messages
 * only; the Thai ones are here.
 */
import type { z } from 'zod';
import type { FieldError } from './errors.js';

export function zodIssuesToFieldErrors(
  issues: readonly z.core.$ZodIssue[],
  prefix = '',
): FieldError[] {
  return issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter(Boolean).join('.'),
    code: issue.code,
    message: { th: thaiMessage(issue), en: issue.message },
  }));
}

function thaiMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? 'จำเป็นต้องกรอก'
        : `ชนิดข้อมูลไม่ถูกต้อง (ต้องเป็น ${typeName(issue.expected)})`;
    case 'too_small':
      return issue.origin === 'string'
        ? `ต้องมีอย่างน้อย ${issue.minimum} ตัวอักษร`
        : issue.origin === 'array'
          ? `ต้องมีอย่างน้อย ${issue.minimum} รายการ`
          : `ต้องไม่น้อยกว่า ${issue.minimum}`;
    case 'too_big':
      return issue.origin === 'string'
        ? `ต้องไม่เกิน ${issue.maximum} ตัวอักษร`
        : issue.origin === 'array'
          ? `ต้องไม่เกิน ${issue.maximum} รายการ`
          : `ต้องไม่มากกว่า ${issue.maximum}`;
    case 'invalid_format':
      return 'รูปแบบไม่ถูกต้อง';
    case 'invalid_value':
      return `ต้องเป็นค่าใดค่าหนึ่งต่อไปนี้: ${issue.values.map(String).join(', ')}`;
    case 'unrecognized_keys':
      return `มีช่องที่ไม่รู้จัก: ${issue.keys.join(', ')}`;
    case 'not_multiple_of':
      return `ต้องเป็นผลคูณของ ${String(issue.divisor)}`;
    case 'custom':
      return (issue.params as { th?: string } | undefined)?.th ?? 'ข้อมูลไม่ถูกต้อง';
    default:
      return 'ข้อมูลไม่ถูกต้อง';
  }
}

function typeName(t: string): string {
  const names: Record<string, string> = {
    string: 'ข้อความ',
    number: 'ตัวเลข',
    int: 'จำนวนเต็ม',
    boolean: 'จริง/เท็จ',
    object: 'ออบเจกต์',
    array: 'รายการ',
  };
  return names[t] ?? t;
}
