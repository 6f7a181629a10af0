import { BahtPipe, rateText } from './baht.pipe';

describe('money on screen', () => {
  const baht = new BahtPipe();

  it.each([
    [123450, 'plain', '1,234.50'],
    [123450, 'symbol', '฿1,234.50'],
    [-500, 'symbol', '-฿5.00'],
    [0, 'plain', '0.00'],
  ] as const)('should show %i satang (%s) as %s', (satang, style, text) => {
    expect(baht.transform(satang, style)).toBe(text);
  });

  it('should show nothing for a missing amount', () => {
    expect(baht.transform(null)).toBe('');
  });

  it.each([
    [1020, '10.20'],
    [850.5, '8.505'],
    [15, '0.15'],
    [1000, '10.00'],
  ])('should show a rate of %s satang per m³ as %s baht', (satang, text) => {
    expect(rateText(satang)).toBe(text);
  });
});
