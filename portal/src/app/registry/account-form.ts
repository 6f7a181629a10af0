import {
  localize,
  type Account,
  type AccountInput,
  type AccountStatus,
  type Lang,
  type ProblemView,
  type WaterUser,
  type WaterUserInput,
  type WaterUserKind,
} from '@prapa/ui';

/** The edit form's fields, as the inputs hold them (text; numbers parsed on the way out). */
export interface AccountFormValue {
  kind: WaterUserKind;
  name: string;
  nameEn: string;
  nationalId: string;
  phone: string;
  houseNo: string;
  moo: string;
  address: string;
  customerType: string;
  waterworksId: string;
  villageId: string;
  routeOrder: string;
  status: AccountStatus;
  tariffCode: string;
}

export const CUSTOMER_TYPES = ['1', '2', '3'] as const;

export const WATER_USER_FIELDS = [
  'kind',
  'name',
  'nameEn',
  'nationalId',
  'phone',
  'houseNo',
  'moo',
  'address',
  'customerType',
] as const;
export const ACCOUNT_FIELDS = [
  'waterworksId',
  'villageId',
  'routeOrder',
  'status',
  'tariffCode',
] as const;
export type AccountFormField = keyof AccountFormValue;

export function emptyForm(waterworksId: number | null = null): AccountFormValue {
  return {
    kind: 'person',
    name: '',
    nameEn: '',
    nationalId: '',
    phone: '',
    houseNo: '',
    moo: '',
    address: '',
    customerType: '1',
    waterworksId: waterworksId === null ? '' : String(waterworksId),
    villageId: '',
    routeOrder: '',
    status: 'pending',
    tariffCode: '',
  };
}

/** The form filled from what the engine has. A masked national ID is left out (not editable). */
export function formFromAccount(account: Account, user: WaterUser): AccountFormValue {
  const text = (v: string | number | null | undefined) =>
    v === null || v === undefined ? '' : String(v);
  return {
    kind: user.kind,
    name: user.name,
    nameEn: text(user.nameEn),
    nationalId: user.nationalId && /^\d{13}$/.test(user.nationalId) ? user.nationalId : '',
    phone: text(user.phone),
    houseNo: text(user.houseNo),
    moo: text(user.moo),
    address: text(user.address),
    customerType: user.customerType,
    waterworksId: text(account.waterworksId),
    villageId: text(account.villageId),
    routeOrder: text(account.routeOrder),
    status: account.status,
    tariffCode: text(account.tariffCode),
  };
}

/** What POST/PATCH /water-users takes: trimmed, empty → null, หมู่ as a number. */
export function waterUserInput(v: AccountFormValue): WaterUserInput {
  return {
    kind: v.kind,
    name: v.name.trim(),
    nameEn: orNull(v.nameEn),
    nationalId: orNull(v.nationalId.replace(/[\s-]/g, '')),
    phone: orNull(v.phone),
    houseNo: orNull(v.houseNo),
    moo: numberOrNull(v.moo),
    address: orNull(v.address),
    customerType: v.customerType,
  };
}

/** What POST/PATCH /accounts takes. */
export function accountInput(v: AccountFormValue): AccountInput {
  return {
    waterworksId: Number(v.waterworksId),
    villageId: numberOrNull(v.villageId),
    routeOrder: numberOrNull(v.routeOrder) ?? undefined,
    status: v.status,
    tariffCode: orNull(v.tariffCode),
  };
}

/**
 * The fields of `after` that differ from `before`, so a PATCH sends only what the user changed
 * (a national ID the form never showed is not cleared by accident).
 */
export function changes<T extends object>(before: T, after: T): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (after[key] !== before[key]) out[key] = after[key];
  }
  return out;
}

/**
 * The engine's per-field messages by form field, in the current language. Paths come as
 * `body.phone`, `body.waterUser.phone` or `phone`; the form field is the last segment.
 */
export function serverFieldErrors(
  problem: ProblemView | null,
  lang: Lang,
): Partial<Record<AccountFormField, string>> {
  const out: Partial<Record<string, string>> = {};
  const known = new Set<string>([...WATER_USER_FIELDS, ...ACCOUNT_FIELDS]);
  for (const f of problem?.fields ?? []) {
    const field =
      f.path
        .split('.')
        .filter((part) => part !== 'body')
        .pop() ?? '';
    const key = known.has(field) ? field : field.replace(/^waterUserId$/, 'name');
    if (known.has(key) && out[key] === undefined) out[key] = localize(f.message, lang);
  }
  return out as Partial<Record<AccountFormField, string>>;
}

function orNull(text: string): string | null {
  const t = text.trim();
  return t ? t : null;
}

function numberOrNull(text: string): number | null {
  const t = text.trim();
  return t && /^-?\d+$/.test(t) ? Number(t) : null;
}
