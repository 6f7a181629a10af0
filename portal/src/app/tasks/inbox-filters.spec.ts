import { convertToParamMap } from '@angular/router';
import {
  dueState,
  filtersFromParams,
  paramsFromFilters,
  queryFromFilters,
  villageOf,
} from './inbox-filters';

describe('inbox filters', () => {
  it('should read the URL back into the same filters it wrote', () => {
    // given filters with every field set
    const f = {
      scope: 'unclaimed' as const,
      process: 'new-connection',
      businessKey: 'NC-1',
      overdue: true,
      village: 3,
      page: 2,
    };
    // when written to the URL and read again
    const params = Object.fromEntries(
      Object.entries(paramsFromFilters(f)).filter(([, v]) => v !== null),
    ) as Record<string, string>;
    // then nothing is lost
    expect(filtersFromParams(convertToParamMap(params))).toEqual(f);
  });

  it('should NOT page on the server when a village is chosen (it is filtered here)', () => {
    const f = filtersFromParams(convertToParamMap({ village: '3', page: '4' }));
    expect(queryFromFilters(f)).toEqual({ scope: 'all', limit: 200, offset: 0 });
  });

  it.each([
    [{ villageId: 3 }, 3],
    [{ application: { villageId: '5' } }, 5],
    [{ villageId: 'x' }, null],
    [{}, null],
  ])('should find the village in %j', (vars, village) => {
    expect(villageOf(vars)).toBe(village);
  });

  it('should call a task due within a day "soon" and a past one overdue', () => {
    const now = new Date('2026-12-01T00:00:00Z');
    expect(dueState({ due: '2026-12-01T12:00:00Z', overdue: false }, now)).toBe('soon');
    expect(dueState({ due: '2026-12-05T00:00:00Z', overdue: false }, now)).toBe('later');
    expect(dueState({ due: '2026-11-30T00:00:00Z', overdue: true }, now)).toBe('overdue');
    expect(dueState({ due: null, overdue: false }, now)).toBe('none');
  });
});
