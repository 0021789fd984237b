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
