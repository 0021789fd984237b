import { readFileSync } from 'node:fs';
import { parseTemplate, type Template, type TemplateItem } from '../../src/domain/template.js';
import { planConversation, type Conversation, type PlanInput } from '../../src/domain/conversation.js';

export const seedTemplate = (id: 'holbaek-2024' | 'aarhus-2025' | 'cbl-erfaringer-viden-ansvar'): Template =>
  parseTemplate(JSON.parse(readFileSync(new URL(`../../templates/${id}.json`, import.meta.url), 'utf8')));

export const item = (overrides: Partial<TemplateItem> = {}): TemplateItem => ({
  key: 'item',
  title: 'Punkt',
  goal: '',
  minutes: 10,
  responsibleRoles: ['schoolLeader'],
  process: '',
  preparationQuestions: [],
  reflectionQuestions: [],
  minutesPrompt: '',
  covers: [],
  ...overrides,
});

export const now = new Date('2026-11-22T10:00:00Z');
/** 10 March 2027, 09:00 in Copenhagen. */
export const meetingStart = new Date('2027-03-10T08:00:00Z');

export function planInput(overrides: Partial<PlanInput> = {}): PlanInput {
  const template = seedTemplate('aarhus-2025');
  return {
    id: '11111111-1111-4111-8111-111111111111',
    municipality: 'Søhavn Kommune',
    school: { id: 'bakkeskolen', name: 'Bakkeskolen', leaderUpn: 'anders.holm@sohavn.example', leaderName: 'Anders Holm' },
    organizer: { upn: 'mette.lund@sohavn.example', displayName: 'Mette Lund' },
    template,
    theme: 'Deltagelsesmuligheder for alle børn',
    extraTopics: [],
    startsAt: meetingStart,
    endsAt: new Date(meetingStart.getTime() + 120 * 60_000),
    ...overrides,
  };
}

export const plannedConversation = (overrides: Partial<PlanInput> = {}): Conversation => planConversation(planInput(overrides), now);
