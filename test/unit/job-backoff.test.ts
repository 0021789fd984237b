import { describe, expect, it } from 'vitest';
import { backoffMs } from '../../src/jobs/job-queue.js';

describe('job retry backoff', () => {
  it('grows exponentially within half to full of the step (jitter)', () => {
    expect(backoffMs(1, 1000, 60_000, 0, () => 0)).toBe(500);
    expect(backoffMs(1, 1000, 60_000, 0, () => 0.999)).toBeCloseTo(1000, -1);
    expect(backoffMs(4, 1000, 60_000, 0, () => 0.999)).toBeCloseTo(8000, -2);
  });
  it('never exceeds the cap', () => {
    expect(backoffMs(30, 1000, 60_000, 0, () => 0.999)).toBeLessThanOrEqual(60_000);
  });
  it('waits at least as long as the server’s Retry-After', () => {
    expect(backoffMs(1, 1000, 60_000, 30_000, () => 0)).toBe(30_000);
  });
});
