import { describe, expect, it } from 'vitest';
import { applyAgendaAction, newAgendaRun, type AgendaAction } from '../../src/domain/agenda-clock.js';
import { overrunsAcross, timeUse, timeUseDraft } from '../../src/domain/time-use.js';

const items = [
  { key: 'welcome', title: 'Velkomst', minutes: 5 },
  { key: 'data', title: 'Præsentation af data', minutes: 25 },
  { key: 'reflection', title: 'Refleksion over data', minutes: 45 },
  { key: 'thanks', title: 'Tak for i dag', minutes: 1 },
];
const at = (minutes: number) => new Date(Date.parse('2027-03-10T08:00:00Z') + minutes * 60_000);
const run = (steps: [number, AgendaAction][]) => steps.reduce((r, [m, a]) => applyAgendaAction(r, items, a, at(m)), newAgendaRun(items));

describe('what the meeting’s items actually took', () => {
  const held = run([
    [0, { kind: 'start' }],
    [6, { kind: 'next', fromItemKey: 'welcome' }],
    [31, { kind: 'next', fromItemKey: 'data' }],
    [89, { kind: 'next', fromItemKey: 'reflection' }],
  ]);

  it('lists the items reached, against the agenda’s minutes', () => {
    const uses = timeUse(held, items, at(90));
    expect(uses.map((u) => [u.key, u.actualMinutes, u.plannedMinutes])).toEqual([
      ['welcome', 6, 5],
      ['data', 25, 25],
      ['reflection', 58, 45],
      ['thanks', 1, 1],
    ]);
    expect(timeUse(null, items, at(0))).toEqual([]);
  });

  it('writes the minutes’ line for what ran notably over, and nothing when all kept time', () => {
    expect(timeUseDraft(timeUse(held, items, at(90)), items)).toBe(
      'Tidsforbrug i mødet: punkt 3 „Refleksion over data“ tog 58 min. mod planlagt 45.',
    );
    const onTime = run([
      [0, { kind: 'start' }],
      [5, { kind: 'next', fromItemKey: 'welcome' }],
    ]);
    expect(timeUseDraft(timeUse(onTime, items, at(6)), items)).toBeNull();
  });

  it('counts which items run over across conversations', () => {
    const second = run([
      [0, { kind: 'start' }],
      [5, { kind: 'next', fromItemKey: 'welcome' }],
      [40, { kind: 'next', fromItemKey: 'data' }],
      [85, { kind: 'next', fromItemKey: 'reflection' }],
      [86, { kind: 'next', fromItemKey: 'thanks' }],
    ]);
    expect(overrunsAcross([timeUse(held, items, at(90)), timeUse(second, items, at(90))])).toEqual([
      { title: 'Refleksion over data', held: 2, overran: 1, averageOverrunMinutes: 13 },
      { title: 'Præsentation af data', held: 2, overran: 1, averageOverrunMinutes: 10 },
    ]);
  });
});
