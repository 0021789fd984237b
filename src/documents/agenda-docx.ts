import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { AgendaView, AgendaViewItem } from './agenda-view.js';
import { serverTexts } from '../i18n/messages.js';

const t = serverTexts.da.documents;

const text = (value: string, options: { bold?: boolean; italics?: boolean } = {}) =>
  new Paragraph({ children: [new TextRun({ text: value, ...options })] });
const labelled = (label: string, value: string) =>
  new Paragraph({ children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(value)] });
const bullets = (values: readonly string[]) => values.map((v) => new Paragraph({ text: v, bullet: { level: 0 } }));
const multiline = (value: string) => value.split('\n').map((line) => text(line));

const cellBorder = { style: BorderStyle.SINGLE, size: 4, color: '999999' };
const cell = (children: Paragraph[], widthPercent: number, shade = false) =>
  new TableCell({
    children: children.length > 0 ? children : [text('')],
    width: { size: widthPercent, type: WidthType.PERCENTAGE },
    borders: { top: cellBorder, bottom: cellBorder, left: cellBorder, right: cellBorder },
    ...(shade ? { shading: { fill: 'E8EEF4' } } : {}),
  });

function itemRows(item: AgendaViewItem): TableRow {
  const topic: Paragraph[] = [text(`${item.number}. ${item.title}`, { bold: true })];
  if (item.goal) topic.push(labelled(t.goal, item.goal));
  if (item.extraTopics.length) topic.push(text(t.municipalityTopics, { bold: true }), ...bullets(item.extraTopics));
  if (item.followUpAgreements.length) topic.push(text(t.followUpAgreements, { bold: true }), ...bullets(item.followUpAgreements));
  if (item.preparationQuestions.length) topic.push(text(t.preparation, { bold: true }), ...bullets(item.preparationQuestions));
  if (item.dataPackage.length) topic.push(text(t.dataPackage, { bold: true }), ...bullets(item.dataPackage));
  const process: Paragraph[] = item.process ? [text(item.process)] : [];
  if (item.reflectionQuestions.length) process.push(text(item.reflectionHeading, { bold: true }), ...bullets(item.reflectionQuestions));
  if (item.minutesPrompt) process.push(labelled(t.minutesPrompt, item.minutesPrompt));
  return new TableRow({
    cantSplit: false,
    children: [
      cell([text(item.clock), text(item.minutesText, { italics: true })], 14),
      cell(topic, 40),
      cell([text(item.responsible)], 16),
      cell(process, 30),
    ],
  });
}

/**
 * The agenda as a Word document following the municipal templates' shape:
 * a header block, then a four-column table (time, topic and goal, responsible,
 * process) with preparation and reflection questions where the item has them.
 * Core properties name the product, never a person (the file may be shared).
 */
export async function renderAgendaDocx(view: AgendaView): Promise<Buffer> {
  const header = new TableRow({
    tableHeader: true,
    children: [t.itemColumnTime, t.itemColumnTopic, t.itemColumnResponsible, t.itemColumnProcess].map((h, i) =>
      cell([text(h, { bold: true })], [14, 40, 16, 30][i]!, true),
    ),
  });
  const documents = view.documents;
  const document = new Document({
    creator: 'Udviklingssamtale',
    lastModifiedBy: 'Udviklingssamtale',
    title: `${view.title} – ${view.schoolName}`,
    description: `${view.schoolName}, ${view.schoolYear}`,
    sections: [
      {
        properties: { page: { margin: { top: 1000, bottom: 1000, left: 1000, right: 1000 } } },
        children: [
          new Paragraph({ text: view.title, heading: HeadingLevel.TITLE }),
          new Paragraph({ text: `${view.schoolName} · ${view.municipality}`, heading: HeadingLevel.HEADING_2 }),
          labelled(t.date, `${view.dateText}, ${view.timeText}`),
          labelled(t.schoolYear, view.schoolYear),
          labelled(t.theme, view.theme),
          ...(view.joinUrl
            ? [
                new Paragraph({
                  children: [
                    new ExternalHyperlink({ link: view.joinUrl, children: [new TextRun({ text: t.joinTeams, style: 'Hyperlink' })] }),
                  ],
                }),
              ]
            : []),
          ...(view.purpose ? [new Paragraph({ text: t.purpose, heading: HeadingLevel.HEADING_3 }), text(view.purpose)] : []),
          ...(view.goals.length ? [new Paragraph({ text: t.goals, heading: HeadingLevel.HEADING_3 }), ...bullets(view.goals)] : []),
          new Paragraph({ text: t.developmentAreas, heading: HeadingLevel.HEADING_3 }),
          ...(view.developmentAreas.trim() ? multiline(view.developmentAreas) : [text(t.notYetDescribed, { italics: true })]),
          new Paragraph({ text: t.learningFocus, heading: HeadingLevel.HEADING_3 }),
          view.learningFocus.trim() ? text(view.learningFocus) : text(t.notYetDescribed, { italics: true }),
          new Paragraph({ text: t.participants, heading: HeadingLevel.HEADING_3 }),
          ...bullets(view.participants.map((p) => `${p.name} – ${p.role}`)),
          new Paragraph({ text: '', spacing: { after: 120 } }),
          new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [header, ...view.items.map(itemRows)] }),
          ...(documents.length
            ? [
                new Paragraph({ text: t.documents, heading: HeadingLevel.HEADING_3 }),
                ...documents.map(
                  (d) =>
                    new Paragraph({
                      bullet: { level: 0 },
                      children: d.url
                        ? [new ExternalHyperlink({ link: d.url, children: [new TextRun({ text: d.name, style: 'Hyperlink' })] })]
                        : [new TextRun(d.name)],
                    }),
                ),
              ]
            : []),
          ...(view.deadlineText
            ? [new Paragraph({ text: view.deadlineText, alignment: AlignmentType.LEFT, spacing: { before: 240 } })]
            : []),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
