import { TestBed } from '@angular/core/testing';
import { LanguageService } from '../i18n/language.service';
import { providePrapaTesting } from '../testing/prapa-testing';
import { toProblemView } from './problem';
import { ProblemAlert } from './problem-alert';

const invalid = toProblemView({
  status: 422,
  error: {
    type: 'https://prapa.dev/problems/validation',
    title: 'Unprocessable Content',
    status: 422,
    code: 'validation',
    message: { th: 'ข้อมูลไม่ถูกต้อง', en: 'Invalid data' },
    errors: [{ path: 'body.username', message: { th: 'จำเป็นต้องกรอก', en: 'Required' } }],
    requestId: 'r-1',
  },
});

async function render(problem = invalid) {
  localStorage.clear();
  TestBed.configureTestingModule({ providers: providePrapaTesting() });
  const fixture = TestBed.createComponent(ProblemAlert);
  fixture.componentRef.setInput('problem', problem);
  fixture.componentRef.setInput('fieldLabels', { username: 'login.username' });
  await fixture.whenStable();
  return fixture;
}

describe('ProblemAlert', () => {
  it('should show the Thai message and the field at fault with its label', async () => {
    const el: HTMLElement = (await render()).nativeElement;
    expect(el.textContent).toContain('ข้อมูลไม่ถูกต้อง');
    expect(el.textContent).toContain('ชื่อผู้ใช้: จำเป็นต้องกรอก');
  });

  it('should follow a switch to English', async () => {
    // given
    const fixture = await render();
    // when
    TestBed.inject(LanguageService).use('en');
    await fixture.whenStable();
    // then
    const text = (fixture.nativeElement as HTMLElement).textContent;
    expect(text).toContain('Invalid data');
    expect(text).toContain('User name: Required');
  });

  it('should show the request id only when the server failed', async () => {
    expect((await render()).nativeElement.textContent).not.toContain('r-1');
    TestBed.resetTestingModule();
    const failed = { ...invalid, status: 500 };
    expect((await render(failed)).nativeElement.textContent).toContain('r-1');
  });

  it('should show our own message when the answer was not a problem', async () => {
    const fixture = await render(toProblemView({ status: 0, error: null }));
    expect(fixture.nativeElement.textContent).toContain('ติดต่อเซิร์ฟเวอร์ไม่ได้');
  });
});
