// No zod here: the tab imports this file, and its bundle stays small.
import type { TemplateItem } from './template.js';

export interface TimedAgendaItem {
  item: TemplateItem;
  number: number;
  startsAt: Date;
  endsAt: Date;
}

/** Each item's clock time, computed from the meeting's start; items follow each other without gaps. */
export function timeAgenda(items: readonly TemplateItem[], meetingStart: Date): TimedAgendaItem[] {
  let cursor = meetingStart.getTime();
  return items.map((item, index) => {
    const startsAt = new Date(cursor);
    cursor += item.minutes * 60_000;
    return { item, number: index + 1, startsAt, endsAt: new Date(cursor) };
  });
}

export const totalMinutes = (items: readonly Pick<TemplateItem, 'minutes'>[]): number => items.reduce((sum, item) => sum + item.minutes, 0);

/** The items with the organiser's minute adjustments (by item key) applied. */
export function adjustItemMinutes(items: readonly TemplateItem[], itemMinutes: Record<string, number> = {}): TemplateItem[] {
  return items.map((item) => ({ ...item, minutes: itemMinutes[item.key] ?? item.minutes }));
}
