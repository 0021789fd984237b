import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { buildAgendaView } from '../../src/documents/agenda-view.js';
import { renderAgendaDocx } from '../../src/documents/agenda-docx.js';
import { renderInvitationHtml } from '../../src/documents/invitation-html.js';
import { describeSchoolPart } from '../../src/domain/conversation.js';
import { plannedConversation, seedTemplate } from '../support/factories.js';

const noLinks = { documents: [], agendaUrl: null, joinUrl: null };

async function docxParts(buffer: Buffer) {
  const zip = await JSZip.loadAsync(buffer);
  const xml = await zip.file('word/document.xml')!.async('string');
  const text = xml
    .replace(/<w:tab\/>/g, '\t')
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '');
  const core = await zip.file('docProps/core.xml')!.async('string');
  return { text, core };
}

describe('the agenda .docx', () => {
  it('shows every item with its clock time, minutes, goal, responsible role, process and questions', async () => {
    const conversation = describeSchoolPart(
      plannedConversation({ template: seedTemplate('aarhus-2025'), extraTopics: ['Omstillingsplanen'] }),
      'Pauserne i udskolingen',
      'Hvordan bliver frikvarteret et læringsrum?',
    );
    const { text } = await docxParts(await renderAgendaDocx(buildAgendaView(conversation, noLinks)));
    for (const expected of [
      'Dagsorden – skoleudviklingssamtale',
      'Bakkeskolen',
      '09:00–09:05',
      '1. Velkomst og præsentationsrunde',
      '10:59–11:00',
      '45 min.',
      'Refleksion over data',
      'Mål: Bedre forståelse af data',
      'Individuel refleksion (2 min.)',
      'Hvad bliver du optaget af?',
      'Kommunens repræsentant',
      'Omstillingsplanen',
      'Pauserne i udskolingen',
      'Hvordan bliver frikvarteret et læringsrum?',
      'Dagsorden og datapakke sendes senest',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('names the product, never a person, in its document properties', async () => {
    const { core } = await docxParts(await renderAgendaDocx(buildAgendaView(plannedConversation(), noLinks)));
    expect(core).toContain('<dc:creator>Udviklingssamtale</dc:creator>');
    expect(core).not.toMatch(/Mette|Anders|Lund|Holm/);
  });
});

describe('the invitation body', () => {
  it('escapes what people typed, so markup is shown as text and never runs', () => {
    const conversation = describeSchoolPart(
      plannedConversation({ theme: '<script>alert(1)</script>', extraTopics: ['"><img src=x onerror=alert(2)>'] }),
      'a & b <b>',
      'Hvorfor?',
    );
    const html = renderInvitationHtml(buildAgendaView(conversation, noLinks));
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('a &amp; b &lt;b&gt;');
  });

  it('links only http(s) documents', () => {
    const html = renderInvitationHtml(
      buildAgendaView(
        { ...plannedConversation(), agendaSentAt: new Date() },
        {
          documents: [
            { name: 'data.pdf', url: 'javascript:alert(1)' },
            { name: 'ok.pdf', url: 'https://contoso.sharepoint.com/ok.pdf' },
          ],
          agendaUrl: null,
          joinUrl: null,
        },
      ),
    );
    expect(html).not.toContain('javascript:');
    expect(html).toContain('<a href="https://contoso.sharepoint.com/ok.pdf">ok.pdf</a>');
  });
});

describe('the deadline sentence in the invitation and the agenda', () => {
  const c = plannedConversation(); // 10 March 2027, deadline 3 March
  it('gives the date while it lies ahead, "hurtigst muligt" once passed, and nothing once the agenda is sent', async () => {
    const ahead = buildAgendaView(c, { ...noLinks, drawnAt: new Date('2027-02-01T10:00:00Z') });
    expect(ahead.deadlineText).toMatch(/^Dagsorden og datapakke sendes senest .*3\. marts 2027\.$/);
    const passed = buildAgendaView(c, { ...noLinks, drawnAt: new Date('2027-03-08T10:00:00Z') });
    expect(passed.deadlineText).toContain('sendes hurtigst muligt');
    expect(renderInvitationHtml(passed)).not.toContain('senest 3. marts');
    const sent = buildAgendaView(
      { ...c, agendaSentAt: new Date('2027-03-08T12:00:00Z') },
      { ...noLinks, drawnAt: new Date('2027-03-08T12:00:00Z') },
    );
    expect(sent.deadlineText).toBe('');
    expect(renderInvitationHtml(sent)).not.toContain('sendes');
    expect((await docxParts(await renderAgendaDocx(sent))).text).not.toContain('sendes senest');
  });

  it('scales the template’s process timings when an item was shortened', () => {
    const template = seedTemplate('aarhus-2025');
    // The reflection item shortened by 15 minutes, a break of 15 added: the meeting's length holds.
    const items = [
      ...template.items.map((i) => (i.key === 'reflection' ? { ...i, minutes: 30 } : i)),
      { ...template.items.at(-1)!, key: 'break', title: 'Pause', minutes: 15, process: '' },
    ];
    const view = buildAgendaView(plannedConversation({ template: { ...template, items } }), noLinks);
    expect(view.items.find((i) => i.title === 'Refleksion over data')!.process).toContain('Individuel refleksion (1 min.)');
  });
});
