import { describe, expect, it } from 'vitest';
import { proposeSeason, type Interval, type SeasonRequest } from '../../src/domain/season-planner.js';

const lead = 'mette.lund@sohavn.example';
const facilitator = 'jonas.kjaer@sohavn.example';
const school = (id: string, leader: string) => ({ id, attendees: [leader, lead, facilitator] });
const at = (iso: string) => new Date(iso);
const busy = (start: string, end: string): Interval => ({ start: at(start), end: at(end) });

const request = (overrides: Partial<SeasonRequest> = {}): SeasonRequest => ({
  // Monday 2 November – Friday 6 November 2026 (Copenhagen is UTC+1 then).
  from: '2026-11-02',
  to: '2026-11-06',
  meetingMinutes: 120,
  schools: [school('bakkeskolen', 'anders@x'), school('fjordskolen', 'sofie@x'), school('skovbrynet', 'karim@x')],
  busy: new Map([
    [lead, []],
    [facilitator, []],
    ['anders@x', []],
    ['sofie@x', []],
    ['karim@x', []],
  ]),
  holidays: [],
  ...overrides,
});

describe('proposing the season’s slots', () => {
  it('gives every school a slot on a school day, in working hours, two a day at most, never two at once', () => {
    const proposals = proposeSeason(request());
    expect(proposals.map((p) => p.kind === 'slot' && p.startsAt.toISOString())).toEqual([
      '2026-11-02T07:00:00.000Z',
      '2026-11-02T09:00:00.000Z',
      '2026-11-03T07:00:00.000Z',
    ]);
  });

  it('avoids the busy time of the school leader, the lead and the facilitator', () => {
    const proposals = proposeSeason(
      request({
        busy: new Map([
          [lead, [busy('2026-11-02T07:00:00Z', '2026-11-02T15:00:00Z')]],
          [facilitator, [busy('2026-11-03T07:00:00Z', '2026-11-03T09:30:00Z')]],
          ['anders@x', []],
          ['sofie@x', []],
          ['karim@x', []],
        ]),
      }),
    );
    expect(proposals.map((p) => p.kind === 'slot' && p.startsAt.toISOString())).toEqual([
      '2026-11-03T09:30:00.000Z',
      '2026-11-03T11:30:00.000Z',
      '2026-11-04T07:00:00.000Z',
    ]);
  });

  it('skips weekends and the school holidays the municipality configured', () => {
    const [first] = proposeSeason(
      request({ from: '2026-10-10', to: '2026-10-20', holidays: [{ name: 'Efterårsferie', from: '2026-10-12', to: '2026-10-16' }] }),
    );
    expect(first?.kind === 'slot' && first.startsAt.toISOString()).toBe('2026-10-19T06:00:00.000Z'); // Monday 08:00 summer time
  });

  it('says which school has no free slot, whose calendars are full, and offers the nearest after the weeks', () => {
    const [only] = proposeSeason(
      request({
        from: '2026-11-02',
        to: '2026-11-03',
        schools: [school('bakkeskolen', 'anders@x')],
        busy: new Map([
          [lead, []],
          [facilitator, []],
          ['anders@x', [busy('2026-11-01T00:00:00Z', '2026-11-04T00:00:00Z')]],
        ]),
      }),
    );
    expect(only).toMatchObject({ kind: 'noSlot', reason: { kind: 'busy', people: ['anders@x'] } });
    expect(only?.kind === 'noSlot' && only.nearest?.startsAt.toISOString()).toBe('2026-11-04T07:00:00.000Z');
  });

  it('plans with a calendar that could not be read, and says whose', () => {
    const [first] = proposeSeason(request({ schools: [school('bakkeskolen', 'anders@x')], busy: new Map([['anders@x', null]]) }));
    expect(first).toMatchObject({ kind: 'slot', unreadable: ['anders@x'] });
  });

  it('keeps clear of conversations planned before', () => {
    const [first] = proposeSeason(
      request({ schools: [school('bakkeskolen', 'anders@x')], taken: [busy('2026-11-02T07:00:00Z', '2026-11-02T09:00:00Z')] }),
    );
    expect(first?.kind === 'slot' && first.startsAt.toISOString()).toBe('2026-11-02T09:00:00.000Z');
  });
});
