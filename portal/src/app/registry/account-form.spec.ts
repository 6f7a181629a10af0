import { toProblemView, type Account, type WaterUser } from '@prapa/ui';
import {
  accountInput,
  changes,
  emptyForm,
  formFromAccount,
  serverFieldErrors,
  waterUserInput,
} from './account-form';

const user: WaterUser = {
  id: 7,
  kind: 'person',
  name: 'นางมาลี ศรีสวัสดิ์',
  nationalId: 'x-xxxx-xxxxx-33-1',
  phone: null,
  houseNo: '98',
  moo: 1,
  address: 'ตำบลหนองบัวทอง',
  customerType: '1',
};
const account: Account = {
  id: 145,
  number: 'WW1-00145',
  status: 'active',
  waterworksId: 1,
  villageId: 1,
  routeOrder: 490,
  tariffCode: null,
};

describe('the water user form', () => {
  it('should NOT put a masked national ID in the form, so a save cannot overwrite it', () => {
    expect(formFromAccount(account, user).nationalId).toBe('');
  });

  it('should send only what the user changed', () => {
    // given the form as loaded
    const before = formFromAccount(account, user);
    // when only the phone is typed
    const after = { ...before, phone: ' 081-234-5678 ' };
    // then
    expect(changes(waterUserInput(before), waterUserInput(after))).toEqual({
      phone: '081-234-5678',
    });
    expect(changes(accountInput(before), accountInput(after))).toEqual({});
  });

  it('should send empty fields as null, หมู่ as a number, and leave an empty route order out', () => {
    const v = { ...emptyForm(1), name: ' ทดสอบ ', moo: '4', nationalId: '1-1014-00000-00-1' };
    expect(waterUserInput(v)).toMatchObject({
      name: 'ทดสอบ',
      moo: 4,
      phone: null,
      nationalId: '1101400000001',
    });
    expect(accountInput(v)).toEqual({
      waterworksId: 1,
      villageId: null,
      routeOrder: undefined,
      status: 'pending',
      tariffCode: null,
    });
  });

  it('should put each of the engine’s messages on its field', () => {
    // given a 422 naming the phone, and a nested path
    const problem = toProblemView({
      status: 422,
      error: {
        code: 'validation',
        message: { th: 'ข้อมูลไม่ถูกต้อง', en: 'Invalid' },
        errors: [
          { path: 'body.phone', message: { th: 'รูปแบบไม่ถูกต้อง', en: 'Bad format' } },
          { path: 'body.waterUser.name', message: { th: 'จำเป็น', en: 'Required' } },
          { path: 'body.nonsense', message: { th: '?', en: '?' } },
        ],
      },
    });
    // when / then
    expect(serverFieldErrors(problem, 'th')).toEqual({ phone: 'รูปแบบไม่ถูกต้อง', name: 'จำเป็น' });
    expect(serverFieldErrors(problem, 'en').phone).toBe('Bad format');
  });
});
