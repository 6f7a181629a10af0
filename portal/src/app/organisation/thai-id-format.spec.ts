import { formatThaiId } from './thai-id-format';

describe('formatThaiId', () => {
  it('should group a 13-digit ID 1-4-5-2-1', () => {
    expect(formatThaiId('0994000123456')).toBe('0-9940-00123-45-6');
  });

  it('should leave anything else as it is', () => {
    expect(formatThaiId('12345')).toBe('12345');
    expect(formatThaiId('')).toBe('');
  });
});
