import { convertToParamMap } from '@angular/router';
import { EMPTY_QUERY, paramsFromQuery, queryFromParams, toHttpParams } from './account-query';

describe('the registry list’s query in the URL', () => {
  it('should read a search, a village, a status and a page', () => {
    // given
    const params = convertToParamMap({ q: ' สม ', village: '3', status: 'active', page: '2' });
    // when
    const q = queryFromParams(params);
    // then
    expect(q).toEqual({ q: 'สม', village: 3, status: 'active', page: 2, limit: 20 });
  });

  it('should NOT take junk from a hand-edited address', () => {
    const q = queryFromParams(convertToParamMap({ village: 'x', status: 'deleted', page: '-1' }));
    expect(q).toEqual(EMPTY_QUERY);
  });

  it('should leave defaults out of the address', () => {
    expect(paramsFromQuery(EMPTY_QUERY)).toEqual({
      q: null,
      village: null,
      status: null,
      page: null,
    });
  });

  it('should ask the API for the page with only the filters set', () => {
    expect(toHttpParams({ ...EMPTY_QUERY, q: 'WW1-00', page: 3 })).toEqual({
      q: 'WW1-00',
      page: '3',
      limit: '20',
    });
  });
});
