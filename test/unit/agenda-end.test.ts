import { describe, expect, it } from 'vitest';
import { agendaEndsAt, applyAgendaAction, newAgendaRun } from '../../src/domain/agenda-clock.js';

const items = [
  { key: 'a', minutes: 30 },
  { key: 'b', minutes: 90 },
];
const meeting = { startsAt: new Date('2027-03-10T08:00:00Z'), endsAt: new Date('2027-03-10T10:00:00Z') };

describe('the end the live agenda is measured against', () => {
  it('is the calendar’s end for an agenda started at the meeting’s time (or a little before)', () => {
    const run = applyAgendaAction(newAgendaRun(items), items, { kind: 'start' }, new Date('2027-03-10T07:45:00Z'));
    expect(agendaEndsAt(run, items, meeting)).toEqual(meeting.endsAt);
  });

  it('is the agenda’s own length from its start when it was started long before (a rehearsal)', () => {
    const run = applyAgendaAction(newAgendaRun(items), items, { kind: 'start' }, new Date('2027-02-01T12:00:00Z'));
    expect(agendaEndsAt(run, items, meeting)).toEqual(new Date('2027-02-01T14:00:00Z'));
  });
});
