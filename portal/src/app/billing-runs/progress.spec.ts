import { progressPercent } from './progress';

describe('a billing run’s progress bar', () => {
  it.each([
    [{ done: 0, total: 0, status: 'running' as const }, 0],
    [{ done: 1, total: 3, status: 'running' as const }, 33],
    [{ done: 3, total: 3, status: 'running' as const }, 100],
    [{ done: 0, total: 0, status: 'completed' as const }, 100],
  ])('should show %o as %i %', (p, percent) => {
    expect(progressPercent(p)).toBe(percent);
  });
});
