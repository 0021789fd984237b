import type { TemplateItem } from '../../domain/template.js';
import { totalMinutes } from '../../domain/agenda-timing.js';

/** Item operations for the agenda editor, pure so they are tested without a browser. */

export const moveItem = (items: readonly TemplateItem[], index: number, by: -1 | 1): TemplateItem[] => {
  const to = index + by;
  if (to < 0 || to >= items.length) return [...items];
  const next = [...items];
  [next[index], next[to]] = [next[to]!, next[index]!];
  return next;
};

export const removeItem = (items: readonly TemplateItem[], index: number): TemplateItem[] => items.filter((_, i) => i !== index);

/** A key for a new item, unique in the agenda ("punkt-2", "punkt-3" …). */
export function newItemKey(items: readonly Pick<TemplateItem, 'key'>[], base = 'punkt'): string {
  const keys = new Set(items.map((i) => i.key));
  for (let n = items.length + 1; ; n++) if (!keys.has(`${base}-${n}`)) return `${base}-${n}`;
}

export const blankItem = (items: readonly TemplateItem[], title = '', minutes = 10): TemplateItem => ({
  key: newItemKey(items),
  title,
  goal: '',
  minutes,
  responsibleRoles: ['schoolLeader'],
  process: '',
  preparationQuestions: [],
  reflectionQuestions: [],
  minutesPrompt: '',
  covers: [],
});

/**
 * Makes the items fill the meeting: the difference is shared out over the
 * items in proportion to their length (whole minutes, never below one), the
 * rest going to the longest items first.
 */
export function distributeDifference(items: readonly TemplateItem[], meetingMinutes: number): TemplateItem[] {
  const total = totalMinutes(items);
  if (items.length === 0 || total === meetingMinutes) return [...items];
  const target = Math.max(meetingMinutes, items.length);
  const scaled = items.map((item) => Math.max(1, Math.floor((item.minutes * target) / Math.max(1, total))));
  let rest = target - scaled.reduce((a, b) => a + b, 0);
  const order = items.map((item, i) => ({ i, minutes: item.minutes })).sort((a, b) => b.minutes - a.minutes);
  for (let k = 0; rest !== 0 && k < order.length * 240; k++) {
    const i = order[k % order.length]!.i;
    if (rest > 0) {
      scaled[i]! += 1;
      rest--;
    } else if (scaled[i]! > 1) {
      scaled[i]! -= 1;
      rest++;
    }
  }
  return items.map((item, i) => ({ ...item, minutes: scaled[i]! }));
}

/** Fills a gap with a break before the last item (the thanks); the title is the person's language's word for it. */
export function addBreak(items: readonly TemplateItem[], minutes: number, title: string): TemplateItem[] {
  const pause = { ...blankItem(items, title, minutes), key: newItemKey(items, 'pause'), responsibleRoles: ['facilitator' as const] };
  const at = Math.max(0, items.length - 1);
  return [...items.slice(0, at), pause, ...items.slice(at)];
}
