import { fieldMessage, localize, toProblemView } from './problem';

const wrongPassword = {
  type: 'https://prapa.dev/problems/invalid-credentials',
  title: 'Unauthorized',
  status: 401,
  detail: 'Wrong user name or password.',
  code: 'invalid_credentials',
  message: { th: 'ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง', en: 'Wrong user name or password.' },
  requestId: 'req-42',
};

describe('toProblemView', () => {
  it('should show the engine’s own message for a problem+json answer', () => {
    // given an HttpErrorResponse-like error carrying a problem
    const err = { status: 401, error: wrongPassword };
    // when
    const view = toProblemView(err);
    // then
    expect(view.code).toBe('invalid_credentials');
    expect(localize(view.message!, 'th')).toBe('ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง');
    expect(localize(view.message!, 'en')).toBe('Wrong user name or password.');
    expect(view.requestId).toBe('req-42');
  });

  it('should read a problem that arrived as text', () => {
    const view = toProblemView({
      status: 429,
      error: JSON.stringify({ ...wrongPassword, status: 429, code: 'too_many' }),
    });
    expect(view.code).toBe('too_many');
    expect(view.status).toBe(429);
  });

  it('should map per-field errors and find them by field name', () => {
    // given
    const err = {
      status: 422,
      error: {
        ...wrongPassword,
        status: 422,
        code: 'validation',
        errors: [
          { path: 'body.username', message: { th: 'จำเป็นต้องกรอก', en: 'Required' } },
          { path: 'broken' },
        ],
      },
    };
    // when
    const view = toProblemView(err);
    // then
    expect(view.fields).toHaveLength(1);
    expect(fieldMessage(view, 'username', 'th')).toBe('จำเป็นต้องกรอก');
    expect(fieldMessage(view, 'username', 'en')).toBe('Required');
    expect(fieldMessage(view, 'password', 'en')).toBeNull();
  });

  it.each([
    [0, 'errors.network'],
    [403, 'errors.forbidden'],
    [404, 'errors.notFound'],
    [429, 'errors.tooMany'],
    [502, 'errors.server'],
    [418, 'errors.unexpected'],
  ])('should fall back to our own message when status %i is not a problem', (status, key) => {
    const view = toProblemView({ status, error: '<html>Bad gateway</html>' });
    expect(view.message).toBeNull();
    expect(view.messageKey).toBe(key);
  });

  it('should survive something that is not an HTTP error at all', () => {
    const view = toProblemView(new TypeError('boom'));
    expect(view.status).toBe(0);
    expect(view.messageKey).toBe('errors.network');
  });
});

describe('localize', () => {
  it('should fall back to Thai when the English text is empty', () => {
    expect(localize({ th: 'ไม่พบรายการ', en: '' }, 'en')).toBe('ไม่พบรายการ');
  });
});
