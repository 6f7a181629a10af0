import { filtersFromParams, paramsFromFilters, queryFromFilters } from './invoice-filters';

const url = (query: string) => {
  const p = new URLSearchParams(query);
  return { get: (name: string) => p.get(name) };
};

describe('the invoice list’s filters', () => {
  it('should ask the engine for one billing run’s invoices when the URL names the run', () => {
    // given the run page's link
    const f = filtersFromParams(url('period=2026-11&billingRun=42'));
    // when
    const q = queryFromFilters(f);
    // then
    expect(q).toMatchObject({ period: '2026-11', billingRunId: 42, offset: 0 });
    expect(paramsFromFilters(f)).toMatchObject({ period: '2026-11', billingRun: '42' });
  });

  it('should NOT filter by a run the URL does not name properly', () => {
    expect(queryFromFilters(filtersFromParams(url('billingRun=abc'))).billingRunId).toBeNull();
    expect(paramsFromFilters(filtersFromParams(url('')))['billingRun']).toBeNull();
  });
});
