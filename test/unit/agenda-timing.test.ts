import { describe, expect, it } from 'vitest';
import { adjustItemMinutes, timeAgenda } from '../../src/domain/agenda-timing.js';
import { toCopenhagenWallClock } from '../../src/domain/copenhagen-time.js';
import { seedTemplate } from '../support/factories.js';

describe('agenda timing', () => {
  it('computes each item’s clock time from the meeting’s start', () => {
    const start = new Date('2027-03-10T08:00:00Z'); // 09:00 in Copenhagen
    const timed = timeAgenda(seedTemplate('aarhus-2025').items, start);
    const clock = timed.map((t) => `${toCopenhagenWallClock(t.startsAt).slice(11, 16)}-${toCopenhagenWallClock(t.endsAt).slice(11, 16)}`);
    expect(clock).toEqual(['09:00-09:05', '09:05-09:10', '09:10-09:35', '09:35-10:20', '10:20-10:50', '10:50-10:59', '10:59-11:00']);
    expect(timed.map((t) => t.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('applies the organiser’s adjusted minutes by item key and leaves the others', () => {
    const items = adjustItemMinutes(seedTemplate('holbaek-2024').items, { reflection: 55 });
    expect(items.map((i) => i.minutes)).toEqual([5, 5, 25, 55, 20, 5, 4, 1]);
  });
});
