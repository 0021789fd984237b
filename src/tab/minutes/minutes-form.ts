import type { MinutesContent } from '../../api/minutes.js';

type Agreement = MinutesContent['agreements'][number];

const blank = (a: Agreement) => !a.what.trim() && !a.owner.trim() && !a.dueDate && !a.followUpDate;

/** What is saved: rows nobody wrote in are left out (an empty "Tilføj aftale" row never blocks saving). */
export function tidyForSave(content: MinutesContent): MinutesContent {
  return {
    ...content,
    decisions: content.decisions.filter((d) => d.text.trim()),
    agreements: content.agreements.filter((a) => !blank(a)),
  };
}

export type RowProblem = { field: string; key: 'needWhat' | 'needOwner' | 'dueInPast' | 'followUpBeforeDue'; blocking: boolean };

/**
 * Problems in a half-filled agreement, said next to the field: what and owner
 * are needed; a due date in the past, or a follow-up before the due date, is
 * allowed but pointed out.
 */
export function agreementProblems(content: MinutesContent, today: string): RowProblem[] {
  const problems: RowProblem[] = [];
  for (const a of content.agreements) {
    if (blank(a)) continue;
    if (!a.what.trim()) problems.push({ field: `agreement:${a.id}:what`, key: 'needWhat', blocking: true });
    if (!a.owner.trim()) problems.push({ field: `agreement:${a.id}:owner`, key: 'needOwner', blocking: true });
    if (a.dueDate && a.dueDate < today) problems.push({ field: `agreement:${a.id}:due`, key: 'dueInPast', blocking: false });
    if (a.dueDate && a.followUpDate && a.followUpDate < a.dueDate) {
      problems.push({ field: `agreement:${a.id}:followUp`, key: 'followUpBeforeDue', blocking: false });
    }
  }
  return problems;
}

/**
 * A short first draft of the public note: the decisions and what was agreed,
 * without the internal notes (which may hold test results and names). The
 * agreements' owners are shown in the note's own table.
 */
export function shortSummary(content: MinutesContent, headings: { decisions: string; agreements: string }): string {
  const decisions = content.decisions.map((d) => d.text.trim()).filter(Boolean);
  const agreements = content.agreements.map((a) => a.what.trim()).filter(Boolean);
  const section = (title: string, lines: string[]) => (lines.length ? `${title}\n${lines.map((l) => `- ${l}`).join('\n')}` : '');
  return [section(headings.decisions, decisions), section(headings.agreements, agreements)].filter(Boolean).join('\n\n');
}
