import { contextRows } from './task-context';

describe('task context', () => {
  it('should show the applicant first and lift nested application fields', () => {
    // given an instance whose application is nested
    const vars = {
      status: 'review',
      application: { applicantName: 'นายสมศักดิ์', villageId: 3 },
      documentsOk: 'true',
    };
    // when its rows are made
    const rows = contextRows(vars);
    // then the known ones come first, in reading order, and the rest follow
    expect(rows.map((r) => [r.key, r.known, r.value])).toEqual([
      ['applicantName', true, 'นายสมศักดิ์'],
      ['villageId', true, '3'],
      ['documentsOk', true, 'true'],
      ['status', false, 'review'],
    ]);
  });
});
