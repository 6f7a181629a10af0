import { parseProgress } from './billing-runs.api';
import { SseParser } from './sse';

describe('reading a server-sent event stream', () => {
  it('should give each event once its blank line arrives, across chunk boundaries', () => {
    // given a stream cut at awkward places
    const parser = new SseParser();
    // when / then
    expect(parser.push('event: progress\nda')).toEqual([]);
    expect(parser.push('ta: {"done":1,"total":4}\n')).toEqual([]);
    expect(parser.push('\nevent: progress\r\ndata: {"done":4,"total":4}\r\n\r\n')).toEqual([
      { event: 'progress', data: '{"done":1,"total":4}', id: null },
      { event: 'progress', data: '{"done":4,"total":4}', id: null },
    ]);
  });

  it('should skip comments and join multi-line data', () => {
    const parser = new SseParser();
    expect(parser.push(': keep-alive\n\ndata: a\ndata: b\n\n')).toEqual([
      { event: 'message', data: 'a\nb', id: null },
    ]);
  });

  it('should NOT mistake a keep-alive or junk for progress', () => {
    expect(parseProgress('{"done":2,"total":5,"status":"running"}')).toEqual({
      done: 2,
      total: 5,
      status: 'running',
    });
    expect(parseProgress('ping')).toBeNull();
    expect(parseProgress('{"done":"2"}')).toBeNull();
  });
});
