import { describe, expect, it } from 'vitest';
import { FaultInjector, roundTripsInSequence } from '../../src/sandbox/fault-injection.js';

/** The season bench's measure of Graph round trips one after another (the latency a person waits through). */
describe('round trips in sequence', () => {
  it('counts round trips at the same time once, and one after another each', () => {
    // Three batches at once, then two more at once after them, then one: three in sequence.
    const waits: [number, number][] = [
      [0, 100],
      [5, 105],
      [10, 110],
      [120, 220],
      [121, 221],
      [400, 500],
    ];
    expect(roundTripsInSequence(waits)).toBe(3);
    expect(roundTripsInSequence([])).toBe(0);
  });

  it('finds the longest chain, not the first one it meets', () => {
    // A long request overlapping two short ones that follow each other: two in sequence, not one.
    expect(
      roundTripsInSequence([
        [0, 300],
        [10, 110],
        [120, 220],
      ]),
    ).toBe(2);
  });

  it('counts only what began after a moment', () => {
    expect(
      roundTripsInSequence(
        [
          [0, 100],
          [200, 300],
          [310, 410],
        ],
        150,
      ),
    ).toBe(2);
  });

  it('is what the sandbox notes as it adds latency', async () => {
    const faults = new FaultInjector();
    faults.configure({ latencyMs: 20 });
    const since = performance.now();
    await Promise.all([faults.delay(), faults.delay()]);
    await faults.delay();
    expect(faults.waits).toHaveLength(3);
    expect(roundTripsInSequence(faults.waits, since)).toBe(2);
    faults.configure({ latencyMs: 0 });
    await faults.delay();
    expect(faults.waits).toHaveLength(3); // no latency, nothing noted
  });
});
