import { Document, HeadingLevel, ImageRun, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { AgreementStatus } from '../domain/follow-up.js';
import type { EvaluationSummary } from '../domain/evaluation.js';
import type { OverrunAcross } from '../domain/time-use.js';
import type { RequirementKey } from '../domain/requirements-checklist.js';
import { barChartPng, barChartSvg, chartSize, type BarChart } from './bar-chart.js';
import { serverTexts, interpolate } from '../i18n/messages.js';

const t = serverTexts.da.briefing;

/** What the committee's document shows; built by the application layer (src/app/year/briefing.ts). */
export interface BriefingDocument {
  schoolYear: string;
  municipality: string;
  version: number;
  generatedAt: Date;
  counts: { schools: number; held: number; planned: number; without: number; notesPublished: number; notesLinked: number };
  themes: { text: string; schools: number }[];
  agreements: { byStatus: Record<AgreementStatus, number>; items: { schoolName: string; what: string; status: AgreementStatus }[] };
  evaluation: EvaluationSummary | null;
  evaluationResponses: number;
  ratingsBySchool: { label: string; average: number }[];
  ratingsByYear: { label: string; average: number }[];
  withoutConversation: { schoolName: string; reason: string | null }[];
  requirements: { schoolName: string; met: number; missing: RequirementKey[] }[];
  overrunItems: OverrunAcross[];
  notes: { schoolName: string; text: string }[];
}

const dateFormat = new Intl.DateTimeFormat('da-DK', { timeZone: 'Europe/Copenhagen', day: 'numeric', month: 'long', year: 'numeric' });
const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel] = HeadingLevel.HEADING_2) =>
  new Paragraph({ text, heading: level });
const para = (text: string, italics = false) => new Paragraph({ children: [new TextRun({ text, italics })] });
const cell = (text: string, bold = false) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });
const table = (head: string[] | null, rows: string[][]) =>
  new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      ...(head ? [new TableRow({ tableHeader: true, children: head.map((h) => cell(h, true)) })] : []),
      ...rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) })),
    ],
  });

/**
 * A chart as an image — SVG, with a PNG for processors without SVG (the PNG
 * has bars only) — followed by its numbers as a small table, so it reads the
 * same in every Word processor and to a screen reader.
 */
function chart(data: BarChart): (Paragraph | Table)[] {
  return [
    chartImage(data),
    table(
      null,
      data.bars.map((b) => [b.label, `${b.value} ${data.unit}`]),
    ),
    // Word joins tables that touch: a paragraph keeps this one apart from the next.
    para(''),
  ];
}

function chartImage(data: BarChart): Paragraph {
  const { width, height } = chartSize(data);
  return new Paragraph({
    children: [
      new ImageRun({
        type: 'svg',
        data: Buffer.from(barChartSvg(data)),
        fallback: { type: 'png', data: barChartPng(data) },
        transformation: { width: Math.round(width * 0.75), height: Math.round(height * 0.75) },
        altText: {
          name: data.title,
          title: data.title,
          description: data.bars.map((b) => `${b.label}: ${b.value} ${data.unit}`).join('; '),
        },
      }),
    ],
  });
}

/** The charts the document and the tab show, from the same numbers. */
export function briefingCharts(
  view: Pick<BriefingDocument, 'agreements' | 'evaluation' | 'overrunItems' | 'ratingsBySchool' | 'ratingsByYear'>,
): BarChart[] {
  const charts: BarChart[] = [
    {
      title: t.chartAgreements,
      unit: t.unitAgreements,
      bars: (['open', 'inProgress', 'done', 'dropped'] as const).map((s) => ({ label: t.status[s], value: view.agreements.byStatus[s] })),
    },
  ];
  if (view.evaluation)
    charts.push({
      title: t.chartRatings,
      unit: t.unitAnswers,
      bars: view.evaluation.ratingCounts.map((value, i) => ({ label: interpolate(t.rating, { rating: i + 1 }), value })),
    });
  if (view.ratingsBySchool.length)
    charts.push({
      title: t.chartBySchool,
      unit: t.unitAverage,
      bars: view.ratingsBySchool.map((r) => ({ label: r.label, value: r.average })),
    });
  if (view.ratingsByYear.length > 1)
    charts.push({ title: t.chartByYear, unit: t.unitAverage, bars: view.ratingsByYear.map((r) => ({ label: r.label, value: r.average })) });
  if (view.overrunItems.length)
    charts.push({
      title: t.chartOverruns,
      unit: t.unitMeetings,
      bars: view.overrunItems.map((o) => ({ label: o.title, value: o.overran })),
    });
  return charts;
}

/**
 * The briefing for the political committee as a Word document. Core
 * properties name the product only (an author field would carry a name).
 */
export async function renderBriefingDocx(view: BriefingDocument): Promise<Buffer> {
  const charts = briefingCharts(view);
  const agreementsChart = charts[0];
  const ratingsChart = charts.find((c) => c.title === t.chartRatings);
  const overrunChart = charts.find((c) => c.title === t.chartOverruns);
  const ratingCharts = charts.filter((c) => c.title === t.chartBySchool || c.title === t.chartByYear);
  const c = view.counts;
  const document = new Document({
    creator: 'Udviklingssamtale',
    lastModifiedBy: 'Udviklingssamtale',
    title: interpolate(t.title, { year: view.schoolYear }),
    sections: [
      {
        children: [
          new Paragraph({ text: interpolate(t.title, { year: view.schoolYear }), heading: HeadingLevel.TITLE }),
          para(
            interpolate(t.subtitle, { municipality: view.municipality, date: dateFormat.format(view.generatedAt), version: view.version }),
          ),
          para(t.notice, true),
          heading(t.summary),
          para(interpolate(t.summaryText, { ...c })),
          heading(t.themes),
          ...(view.themes.length
            ? [
                table(
                  [t.theme, t.schools],
                  view.themes.map((x) => [x.text, String(x.schools)]),
                ),
              ]
            : [para(t.none, true)]),
          heading(t.agreements),
          ...(agreementsChart ? chart(agreementsChart) : []),
          ...(view.agreements.items.length
            ? [
                table(
                  [t.school, t.agreement, t.statusColumn],
                  view.agreements.items.map((a) => [a.schoolName, a.what, t.status[a.status]]),
                ),
              ]
            : [para(t.noAgreements, true)]),
          heading(t.evaluation),
          ...(view.evaluation
            ? [
                para(
                  interpolate(t.evaluationText, {
                    responses: view.evaluation.responses,
                    average: String(view.evaluation.averageRating).replace('.', ','),
                  }),
                ),
                ...(ratingsChart ? chart(ratingsChart) : []),
                ...ratingCharts.flatMap(chart),
                ...(
                  [
                    [t.wentWell, view.evaluation.wentWell],
                    [t.adjust, view.evaluation.adjust],
                    [t.carryForward, view.evaluation.carryForward],
                  ] as const
                ).flatMap(([title, texts]) =>
                  texts.length
                    ? [heading(title, HeadingLevel.HEADING_3), ...texts.map((x) => new Paragraph({ text: x, bullet: { level: 0 } }))]
                    : [],
                ),
              ]
            : [para(interpolate(t.tooFewAnswers, { responses: view.evaluationResponses }), true)]),
          heading(t.time),
          ...(view.overrunItems.length && overrunChart
            ? [
                chartImage(overrunChart),
                table(
                  [t.item, t.overranIn, t.averageOverrun],
                  view.overrunItems.map((o) => [
                    o.title,
                    interpolate(t.ofMeetings, { count: o.overran, total: o.held }),
                    `${o.averageOverrunMinutes} min.`,
                  ]),
                ),
              ]
            : [para(t.noTimeData, true)]),
          heading(t.requirements),
          ...(view.requirements.length
            ? [
                table(
                  [t.school, t.met, t.missing],
                  view.requirements.map((r) => [r.schoolName, `${r.met}/7`, r.missing.map((k) => t.requirement[k]).join(', ') || '–']),
                ),
              ]
            : [para(t.none, true)]),
          heading(t.without),
          ...(view.withoutConversation.length
            ? [
                table(
                  [t.school, t.reason],
                  view.withoutConversation.map((w) => [w.schoolName, w.reason ?? t.noReason]),
                ),
              ]
            : [para(t.allHeld, true)]),
          heading(t.notes),
          ...(view.notes.length
            ? view.notes.flatMap((n) => [heading(n.schoolName, HeadingLevel.HEADING_3), ...n.text.split('\n').map((l) => para(l))])
            : [para(t.none, true)]),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
