import { describe, expect, it } from 'vitest';
import { fromCopenhagenWallClock, toCopenhagenWallClock } from '../../src/domain/copenhagen-time.js';
import { schoolYearOf } from '../../src/domain/school-year.js';
import { agendaDeadline } from '../../src/domain/agenda-deadline.js';

describe('Danish time', () => {
  it('converts wall-clock time in winter and summer', () => {
    expect(fromCopenhagenWallClock('2027-01-15T09:00').toISOString()).toBe('2027-01-15T08:00:00.000Z');
    expect(fromCopenhagenWallClock('2027-06-15T09:00').toISOString()).toBe('2027-06-15T07:00:00.000Z');
    expect(toCopenhagenWallClock(new Date('2027-06-15T07:00:00Z'))).toBe('2027-06-15T09:00:00');
  });

  it('handles the day daylight saving starts', () => {
    expect(fromCopenhagenWallClock('2027-03-28T12:00').toISOString()).toBe('2027-03-28T10:00:00.000Z');
  });

  it('places 31 July and 1 August in different school years', () => {
    expect(schoolYearOf(new Date('2026-07-31T12:00:00Z'))).toBe('2025/26');
    expect(schoolYearOf(new Date('2026-08-01T12:00:00Z'))).toBe('2026/27');
    expect(schoolYearOf(new Date('2099-12-01T12:00:00Z'))).toBe('2099/00');
  });
});

describe('the agenda deadline (one week before)', () => {
  const start = new Date('2027-03-10T08:00:00Z');
  it('is seven days before the meeting', () => {
    expect(agendaDeadline(start, null, new Date('2027-03-01T00:00:00Z'))).toEqual({
      dueAt: new Date('2027-03-03T08:00:00Z'),
      status: 'pending',
    });
  });
  it('is overdue when passed without sending', () => {
    expect(agendaDeadline(start, null, new Date('2027-03-05T00:00:00Z')).status).toBe('overdue');
  });
  it('is met or missed by the time of the first sending', () => {
    expect(agendaDeadline(start, new Date('2027-03-03T08:00:00Z'), start).status).toBe('met');
    expect(agendaDeadline(start, new Date('2027-03-04T08:00:00Z'), start).status).toBe('missed');
  });
});
