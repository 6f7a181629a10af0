import { initialLang } from './language';

describe('initialLang', () => {
  it('should start in Thai when nothing is remembered', () => {
    expect(initialLang(null)).toBe('th');
    expect(initialLang(undefined)).toBe('th');
  });

  it('should start in the remembered language', () => {
    expect(initialLang('en')).toBe('en');
    expect(initialLang('th')).toBe('th');
  });

  it('should NOT start in a language we do not speak', () => {
    expect(initialLang('fr')).toBe('th');
    expect(initialLang('EN')).toBe('th');
  });
});
