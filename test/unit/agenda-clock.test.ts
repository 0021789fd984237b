import { describe, expect, it } from 'vitest';
import {
  actualTimes,
  applyAgendaAction,
  newAgendaRun,
  readAgenda,
  type AgendaAction,
  type AgendaRun,
} from '../../src/domain/agenda-clock.js';
import { DomainError } from '../../src/domain/errors.js';

/** The Aarhus template's rhythm: 5/5/25/45/30/9/1 minutes, a two-hour meeting from 09:00. */
const items = [
  { key: 'welcome', minutes: 5 },
  { key: 'framing', minutes: 5 },
  { key: 'data', minutes: 25 },
  { key: 'reflection', minutes: 45 },
  { key: 'decision', minutes: 30 },
  { key: 'evaluation', minutes: 9 },
  { key: 'thanks', minutes: 1 },
];
const meetingStart = Date.parse('2027-03-10T08:00:00Z');
const meetingEnd = new Date(meetingStart + 120 * 60_000);
const at = (minutes: number) => new Date(meetingStart + minutes * 60_000);

/** A fake clock: each step happens at the minute given. */
function play(steps: [number, AgendaAction][]): AgendaRun {
  return steps.reduce((run, [minute, action]) => applyAgendaAction(run, items, action, at(minute)), newAgendaRun(items));
}

describe('the live agenda clock', () => {
  it('counts down the current item and the meeting, and names the next item', () => {
    const run = play([[0, { kind: 'start' }]]);
    const reading = readAgenda(run, items, meetingEnd, at(3));
    expect(reading.current).toMatchObject({ key: 'welcome', elapsedMs: 3 * 60_000, leftMs: 2 * 60_000, overtime: false });
    expect(reading.nextKey).toBe('framing');
    expect(reading.meetingLeftMs).toBe(117 * 60_000);
    expect(reading.slackMs).toBe(0);
  });

  it('shows overtime plainly, and how far past the meeting’s end the rest of the agenda now runs', () => {
    const run = play([
      [0, { kind: 'start' }],
      [5, { kind: 'next', fromItemKey: 'welcome' }],
      [10, { kind: 'next', fromItemKey: 'framing' }],
      [35, { kind: 'next', fromItemKey: 'data' }],
    ]);
    const reading = readAgenda(run, items, meetingEnd, at(35 + 58));
    expect(reading.current).toMatchObject({ key: 'reflection', leftMs: -13 * 60_000, overtime: true });
    expect(reading.slackMs).toBe(-13 * 60_000);
  });

  it('stops the item’s time while paused, and carries on where it was', () => {
    const run = play([
      [0, { kind: 'start' }],
      [2, { kind: 'pause' }],
      [10, { kind: 'resume' }],
    ]);
    expect(readAgenda(run, items, meetingEnd, at(11)).current!.elapsedMs).toBe(3 * 60_000);
    expect(
      readAgenda(
        play([
          [0, { kind: 'start' }],
          [2, { kind: 'pause' }],
        ]),
        items,
        meetingEnd,
        at(30),
      ).current!.elapsedMs,
    ).toBe(2 * 60_000);
  });

  it('moves once when two facilitators press "næste punkt" at the same moment', () => {
    const started = play([[0, { kind: 'start' }]]);
    const first = applyAgendaAction(started, items, { kind: 'next', fromItemKey: 'welcome' }, at(5));
    const second = applyAgendaAction(first, items, { kind: 'next', fromItemKey: 'welcome' }, at(5));
    expect(first.currentIndex).toBe(1);
    expect(second).toBe(first);
  });

  it('skips an item by moving on at once, and ends after the last item', () => {
    let run = play([[0, { kind: 'start' }]]);
    for (const [minute, key] of [
      [5, 'welcome'],
      [5, 'framing'],
      [30, 'data'],
      [75, 'reflection'],
      [105, 'decision'],
      [114, 'evaluation'],
      [115, 'thanks'],
    ] as const)
      run = applyAgendaAction(run, items, { kind: 'next', fromItemKey: key }, at(minute));
    expect(run.status).toBe('ended');
    const times = actualTimes(run, items, at(115));
    expect(times.find((t) => t.key === 'framing')).toMatchObject({ actualMinutes: 0, overrunMinutes: -5 });
    expect(times.find((t) => t.key === 'data')).toMatchObject({ actualMinutes: 25, overrunMinutes: 0 });
  });

  it('takes minutes from one item and gives them to another, never from time already spent', () => {
    const run = play([
      [0, { kind: 'start' }],
      [5, { kind: 'next', fromItemKey: 'welcome' }],
      [6, { kind: 'moveMinutes', fromItemKey: 'decision', toItemKey: 'reflection', minutes: 10 }],
    ]);
    expect(run.minutes).toMatchObject({ decision: 20, reflection: 55 });
    expect(readAgenda(run, items, meetingEnd, at(6)).slackMs).toBe(0);
    const refusal = (action: AgendaAction) => {
      try {
        applyAgendaAction(run, items, action, at(7));
        return null;
      } catch (error) {
        return (error as DomainError).details.reason;
      }
    };
    expect(refusal({ kind: 'moveMinutes', fromItemKey: 'welcome', toItemKey: 'data', minutes: 1 })).toBe('itemDone');
    expect(refusal({ kind: 'moveMinutes', fromItemKey: 'thanks', toItemKey: 'data', minutes: 2 })).toBe('notEnoughMinutes');
    expect(refusal({ kind: 'moveMinutes', fromItemKey: 'data', toItemKey: 'data', minutes: 2 })).toBe('unknownItems');
    expect(refusal({ kind: 'moveMinutes', fromItemKey: 'data', toItemKey: 'decision', minutes: 0 })).toBe('minutes');
  });

  it('reports what each item took against the agenda’s plan (punkt 4 tog 58 min. mod planlagt 45)', () => {
    const run = play([
      [0, { kind: 'start' }],
      [5, { kind: 'next', fromItemKey: 'welcome' }],
      [10, { kind: 'next', fromItemKey: 'framing' }],
      [35, { kind: 'next', fromItemKey: 'data' }],
      [93, { kind: 'next', fromItemKey: 'reflection' }],
      [118, { kind: 'end' }],
    ]);
    const times = actualTimes(run, items, at(120));
    expect(times[3]).toEqual({ key: 'reflection', plannedMinutes: 45, actualMinutes: 58, overrunMinutes: 13 });
    expect(times[4]).toMatchObject({ key: 'decision', actualMinutes: 25 });
    expect(times[5]).toMatchObject({ key: 'evaluation', actualMinutes: null, overrunMinutes: null });
  });

  it('refuses to move on before the meeting starts, and ignores a second start', () => {
    expect(() => applyAgendaAction(newAgendaRun(items), items, { kind: 'next', fromItemKey: 'welcome' }, at(0))).toThrow(DomainError);
    const started = play([[0, { kind: 'start' }]]);
    expect(applyAgendaAction(started, items, { kind: 'start' }, at(1))).toBe(started);
  });
});
