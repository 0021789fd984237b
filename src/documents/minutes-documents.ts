import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { Conversation } from '../domain/conversation.js';
import type { MinutesContent } from '../domain/minutes.js';
import { timeAgenda } from '../domain/agenda-timing.js';
import { escapeHtml } from './html-escape.js';
import { serverTexts } from '../i18n/messages.js';

const t = serverTexts.da.documents;
const dateFormat = new Intl.DateTimeFormat('da-DK', { timeZone: 'Europe/Copenhagen', day: 'numeric', month: 'long', year: 'numeric' });
/** An agreement's date as people read it ("1. juni 2027"), not the stored ISO form. */
const day = (iso: string | null) => (iso ? dateFormat.format(new Date(`${iso}T12:00:00Z`)) : '–');
const paragraphs = (value: string) => value.split('\n').map((line) => new Paragraph({ children: [new TextRun(line)] }));
const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]) => new Paragraph({ text, heading: level });

function agreementsTable(minutes: MinutesContent): Table {
  const cell = (text: string, bold = false) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        tableHeader: true,
        children: [t.agreementWhat, t.agreementOwner, t.agreementDue, t.agreementFollowUp].map((h) => cell(h, true)),
      }),
      ...minutes.agreements.map(
        (a) => new TableRow({ children: [cell(a.what), cell(a.owner), cell(day(a.dueDate)), cell(day(a.followUpDate))] }),
      ),
    ],
  });
}

/**
 * Core properties name the product only: the files travel to the website and
 * to participants, and an author field would carry a person's name.
 */
const properties = (title: string) => ({ creator: 'Udviklingssamtale', lastModifiedBy: 'Udviklingssamtale', title });

/** The full minutes for participants: every item's notes, decisions and agreements. */
export async function renderInternalMinutesDocx(conversation: Conversation, minutes: MinutesContent): Promise<Buffer> {
  const items = timeAgenda(conversation.template.items, conversation.startsAt);
  const document = new Document({
    ...properties(`${t.minutesTitle} – ${conversation.schoolName}`),
    sections: [
      {
        children: [
          new Paragraph({ text: t.minutesTitle, heading: HeadingLevel.TITLE }),
          new Paragraph({
            text: `${conversation.schoolName} · ${dateFormat.format(conversation.startsAt)}`,
            heading: HeadingLevel.HEADING_2,
          }),
          new Paragraph({ children: [new TextRun({ text: t.internalNotice, italics: true })] }),
          ...items.flatMap(({ item, number }) => [
            heading(`${number}. ${item.title}`, HeadingLevel.HEADING_3),
            ...(minutes.itemNotes[item.key]?.trim()
              ? paragraphs(minutes.itemNotes[item.key]!)
              : [new Paragraph({ children: [new TextRun({ text: t.noNotes, italics: true })] })]),
          ]),
          ...(minutes.decisions.length
            ? [
                heading(t.decisions, HeadingLevel.HEADING_2),
                ...minutes.decisions.map((d) => new Paragraph({ text: d.text, bullet: { level: 0 } })),
              ]
            : []),
          ...(minutes.agreements.length ? [heading(t.agreements, HeadingLevel.HEADING_2), agreementsTable(minutes)] : []),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

/** The note for the school website: the public note text and the agreements with their owners. */
export async function renderPublicNoteDocx(conversation: Conversation, minutes: MinutesContent): Promise<Buffer> {
  const document = new Document({
    ...properties(`${t.publicNoteTitle} – ${conversation.schoolName}`),
    sections: [
      {
        children: [
          new Paragraph({ text: t.publicNoteTitle, heading: HeadingLevel.TITLE }),
          new Paragraph({
            text: `${conversation.schoolName} · ${dateFormat.format(conversation.startsAt)}`,
            heading: HeadingLevel.HEADING_2,
          }),
          ...paragraphs(minutes.publicNote),
          ...(minutes.agreements.length ? [heading(t.agreements, HeadingLevel.HEADING_2), agreementsTable(minutes)] : []),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

/** The same note as a standalone HTML page, everything escaped, no metadata beyond the title. */
export function renderPublicNoteHtml(conversation: Pick<Conversation, 'schoolName' | 'startsAt'>, minutes: MinutesContent): string {
  const rows = minutes.agreements
    .map(
      (a) =>
        `<tr><td>${escapeHtml(a.what)}</td><td>${escapeHtml(a.owner)}</td><td>${escapeHtml(day(a.dueDate))}</td><td>${escapeHtml(day(a.followUpDate))}</td></tr>`,
    )
    .join('');
  const body = minutes.publicNote
    .split(/\n{2,}/)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
  return `<!doctype html>
<html lang="da"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(`${t.publicNoteTitle} – ${conversation.schoolName}`)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:760px;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#222}table{border-collapse:collapse;width:100%}th,td{border:1px solid #ccc;padding:6px;text-align:left}</style>
</head><body><main>
<h1>${escapeHtml(t.publicNoteTitle)}</h1>
<p>${escapeHtml(conversation.schoolName)} · ${escapeHtml(dateFormat.format(conversation.startsAt))}</p>
${body}
${rows ? `<h2>${escapeHtml(t.agreements)}</h2><table><thead><tr><th>${escapeHtml(t.agreementWhat)}</th><th>${escapeHtml(t.agreementOwner)}</th><th>${escapeHtml(t.agreementDue)}</th><th>${escapeHtml(t.agreementFollowUp)}</th></tr></thead><tbody>${rows}</tbody></table>` : ''}
</main></body></html>`;
}
