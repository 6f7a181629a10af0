import { safeReturnUrl } from './auth.guards';

describe('safeReturnUrl', () => {
  it.each([
    ['/organisation', '/organisation'],
    ['/dashboard?x=1', '/dashboard?x=1'],
    [null, '/'],
    ['', '/'],
    ['https://evil.example/', '/'],
    ['//evil.example/', '/'],
    ['/\\evil.example/', '/'],
    ['/login?returnUrl=%2F', '/'],
  ])('should turn %j into %j', (given, expected) => {
    expect(safeReturnUrl(given)).toBe(expected);
  });
});
