import { describe, expect, it } from 'vitest';
import { preparationQuestionsFor } from '../../src/app/preparation/preparation-questions.js';
import { replaceInvitedParticipants } from '../../src/domain/conversation.js';
import { parseTemplate } from '../../src/domain/template.js';
import { meetingStart, plannedConversation, seedTemplate } from '../support/factories.js';
import { totalMinutes } from '../../src/domain/agenda-timing.js';
import { preparationCard } from '../../bot/cards/preparation-card.js';

const withPeople = (templateId: 'aarhus-2025' | 'holbaek-2024' | 'cbl-erfaringer-viden-ansvar') =>
  replaceInvitedParticipants(
    plannedConversation({
      template: seedTemplate(templateId),
      endsAt: new Date(meetingStart.getTime() + totalMinutes(seedTemplate(templateId).items) * 60_000),
    }),
    [
      { upn: 'elev@x.dk', displayName: 'Elevrådsformand', role: 'pupilRepresentative' },
      { upn: 'forælder@x.dk', displayName: 'Bestyrelsesformand', role: 'boardMember' },
      { upn: 'tr@x.dk', displayName: 'TR', role: 'staffRepresentative' },
      { upn: 'konsulent@x.dk', displayName: 'Konsulent', role: 'facilitator' },
    ],
  );
const texts = (conversation: ReturnType<typeof withPeople>, upn: string) => preparationQuestionsFor(conversation, upn).map((q) => q.text);

describe('preparation for each role', () => {
  for (const templateId of ['aarhus-2025', 'holbaek-2024', 'cbl-erfaringer-viden-ansvar'] as const) {
    it(`${templateId}: everyone gets questions for their own role, and only those`, () => {
      const conversation = withPeople(templateId);
      for (const upn of [
        'elev@x.dk',
        'forælder@x.dk',
        'tr@x.dk',
        'konsulent@x.dk',
        'anders.holm@sohavn.example',
        'mette.lund@sohavn.example',
      ]) {
        expect(texts(conversation, upn).length, upn).toBeGreaterThan(0);
      }
      expect(texts(conversation, 'elev@x.dk').join(' ')).not.toMatch(/læringsfokus|ledelse|overgangstest/i);
      expect(texts(conversation, 'elev@x.dk').join(' ')).toMatch(/elever/);
    });
  }

  it('never turns the data package’s headings into answer boxes', () => {
    const conversation = withPeople('cbl-erfaringer-viden-ansvar');
    const leader = texts(conversation, 'anders.holm@sohavn.example');
    expect(leader).not.toContain('Resultaterne fra de obligatoriske test i læsning og matematik (folkeskolelovens § 13 a).');
    expect(leader).toContain('Hvad viser jeres data, når I ser dem samlet – og hvad undrer I jer over?');
  });

  it('reads older templates: a plain question is for the item’s responsible roles', () => {
    const template = parseTemplate({
      id: 'gammel',
      name: 'Gammel',
      municipality: 'X',
      items: [{ key: 'data', title: 'Data', minutes: 120, responsibleRoles: ['schoolLeader'], preparationQuestions: ['Hvad viser data?'] }],
    });
    expect(template.items[0]!.preparationQuestions).toEqual([{ text: 'Hvad viser data?', for: ['schoolLeader'], kind: 'question' }]);
  });

  it('warns under a question about the national tests that every participant reads the answers', () => {
    const conversation = withPeople('aarhus-2025');
    const questions = preparationQuestionsFor(conversation, 'anders.holm@sohavn.example');
    expect(questions.filter((q) => q.aboutTests).map((q) => q.text)).toEqual([
      'Giver resultaterne fra de nationale overgangstest anledning til skærpet opmærksomhed? Hvis ja: hvordan håndteres det?',
    ]);
    const card = JSON.stringify(
      preparationCard(
        { conversationId: conversation.id, schoolName: 'Bakkeskolen', startsAt: conversation.startsAt, questions, answers: null },
        'da',
      ),
    );
    expect(card).toContain('Skriv ikke testresultater her');
  });
});
