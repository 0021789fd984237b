import { describe, expect, it } from 'vitest';
import { assertAgendaFillsMeeting, parseTemplate } from '../../src/domain/template.js';
import { totalMinutes } from '../../src/domain/agenda-timing.js';
import { DomainError } from '../../src/domain/errors.js';
import { item, seedTemplate } from '../support/factories.js';

const thrown = (fn: () => unknown): DomainError => {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
};

describe('templates', () => {
  it('reads the three seed municipalities’ templates with their real timings', () => {
    expect(totalMinutes(seedTemplate('holbaek-2024').items)).toBe(115);
    expect(seedTemplate('holbaek-2024').items.map((i) => i.minutes)).toEqual([5, 5, 25, 50, 20, 5, 4, 1]);
    expect(seedTemplate('aarhus-2025').items.map((i) => i.minutes)).toEqual([5, 5, 25, 45, 30, 9, 1]);
    expect(totalMinutes(seedTemplate('cbl-erfaringer-viden-ansvar').items)).toBe(120);
  });

  it('follows the CBL framework’s experiences / knowledge / responsibility structure', () => {
    const titles = seedTemplate('cbl-erfaringer-viden-ansvar').items.map((i) => i.title);
    expect(titles).toEqual(expect.arrayContaining(['Erfaringer', 'Viden: data, opfølgning og planer', 'Ansvar']));
  });

  it('tags the items that cover test results and follow-up', () => {
    const cbl = seedTemplate('cbl-erfaringer-viden-ansvar');
    expect(cbl.items.flatMap((i) => i.covers)).toEqual(
      expect.arrayContaining(['testResults', 'followUp', 'actionPlanStatus', 'municipalityTopics']),
    );
  });

  it('refuses an unknown responsible role, naming where it is', () => {
    const error = thrown(() => parseTemplate({ ...seedTemplate('aarhus-2025'), items: [{ ...item(), responsibleRoles: ['rektor'] }] }));
    expect(error.code).toBe('TEMPLATE_INVALID');
    expect(JSON.stringify(error.details)).toContain('items.0.responsibleRoles.0');
  });

  it('refuses an item without a title', () => {
    const error = thrown(() => parseTemplate({ ...seedTemplate('aarhus-2025'), items: [item({ title: '   ' })] }));
    expect(error.code).toBe('AGENDA_ITEM_TITLE_EMPTY');
    expect(error.details).toEqual({ item: 1 });
  });

  it('refuses two items with the same key', () => {
    expect(thrown(() => parseTemplate({ ...seedTemplate('aarhus-2025'), items: [item(), item()] })).details).toEqual({
      duplicateKey: 'item',
    });
  });

  it('names the difference when the agenda does not fill the meeting', () => {
    const error = thrown(() => assertAgendaFillsMeeting(seedTemplate('holbaek-2024').items, 120));
    expect(error.code).toBe('AGENDA_TIME_MISMATCH');
    expect(error.details).toEqual({ agendaMinutes: 115, meetingMinutes: 120, difference: 5, direction: 'under' });
  });

  it('accepts an agenda that fills the meeting exactly', () => {
    expect(() => assertAgendaFillsMeeting(seedTemplate('aarhus-2025').items, 120)).not.toThrow();
  });
});
