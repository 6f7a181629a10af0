import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { AuthService, LanguageService, type User } from '@prapa/ui';
import { providePrapaTesting } from '@prapa/ui/testing';
import { HomePage } from './home.page';

const user: User = {
  id: 7,
  username: 'someone',
  displayName: 'มาลี ศรีสวัสดิ์',
  kind: 'resident',
  roles: ['resident'],
  tenant: { id: 1, code: 'nbt', name: 'อบต.หนองบัวทอง', nameEn: null, logoUrl: null },
};

async function render() {
  localStorage.clear();
  const signOut = vi.fn();
  TestBed.configureTestingModule({
    providers: [
      providePrapaTesting({
        app: { id: 'mobile' },
        dictionaries: {
          th: { mobile: { title: 'ประปาของฉัน', account: 'ผู้ใช้น้ำของ{{tenant}}' } },
          en: {},
        },
      }),
      { provide: AuthService, useValue: { user: signal(user), isLoggedIn: signal(true), signOut } },
    ],
  });
  const fixture = TestBed.createComponent(HomePage);
  await fixture.whenStable();
  return { fixture, el: fixture.nativeElement as HTMLElement, signOut };
}

describe('mobile HomePage', () => {
  it('should welcome the signed-in user by name', async () => {
    const { el } = await render();
    expect(el.querySelector('h1')?.textContent).toContain('มาลี ศรีสวัสดิ์');
    expect(el.textContent).toContain('ยินดีต้อนรับ');
    expect(el.textContent).toContain('ผู้ใช้น้ำของอบต.หนองบัวทอง');
  });

  it('should sign out from the big button', async () => {
    // given
    const { el, signOut } = await render();
    const button = [...el.querySelectorAll('button')].find((b) =>
      b.textContent?.includes('ออกจากระบบ'),
    );
    // when
    button?.click();
    // then
    expect(signOut).toHaveBeenCalled();
  });

  it('should switch to English', async () => {
    // given
    const { fixture, el } = await render();
    // when
    TestBed.inject(LanguageService).use('en');
    await fixture.whenStable();
    // then
    expect(el.textContent).toContain('Welcome');
    expect(document.documentElement.lang).toBe('en');
  });
});
