import { actualTimes, type AgendaRun, type ItemActualTime } from './agenda-clock.js';

/** An item reached in the meeting: what it took against the agenda, with its title. */
export interface ItemTimeUse extends ItemActualTime {
  title: string;
}

/** An overrun worth a line: a couple of minutes either way is just a meeting. */
const notable = (overrun: number | null) => overrun !== null && overrun >= 2;

export function timeUse(
  run: AgendaRun | null,
  items: readonly { key: string; title: string; minutes: number }[],
  now: Date,
): ItemTimeUse[] {
  if (!run || run.status === 'notStarted') return [];
  return actualTimes(run, items, now)
    .filter((t) => t.actualMinutes !== null)
    .map((t) => ({ ...t, title: items.find((i) => i.key === t.key)!.title }));
}

/**
 * The line for the minutes' evaluation item (the minutes are in Danish, like
 * the evaluation draft beside it): "punkt 4 „Refleksion over data“ tog 58
 * min. mod planlagt 45". Null when nothing ran notably over.
 */
export function timeUseDraft(uses: readonly ItemTimeUse[], items: readonly { key: string }[]): string | null {
  const over = uses.filter((u) => notable(u.overrunMinutes));
  if (over.length === 0) return null;
  const parts = over.map(
    (u) => `punkt ${items.findIndex((i) => i.key === u.key) + 1} „${u.title}“ tog ${u.actualMinutes} min. mod planlagt ${u.plannedMinutes}`,
  );
  return `Tidsforbrug i mødet: ${parts.join('; ')}.`;
}

export interface OverrunAcross {
  title: string;
  /** Conversations in which the item was reached. */
  held: number;
  /** …and in which it ran notably over. */
  overran: number;
  averageOverrunMinutes: number;
}

/** Which agenda items run over across the municipality's conversations (by title: templates share their items' names). */
export function overrunsAcross(conversations: readonly (readonly ItemTimeUse[])[]): OverrunAcross[] {
  const byTitle = new Map<string, { held: number; overruns: number[] }>();
  for (const uses of conversations) {
    for (const use of uses) {
      const entry = byTitle.get(use.title) ?? { held: 0, overruns: [] };
      entry.held++;
      if (notable(use.overrunMinutes)) entry.overruns.push(use.overrunMinutes!);
      byTitle.set(use.title, entry);
    }
  }
  return [...byTitle.entries()]
    .filter(([, e]) => e.overruns.length > 0)
    .map(([title, e]) => ({
      title,
      held: e.held,
      overran: e.overruns.length,
      averageOverrunMinutes: Math.round(e.overruns.reduce((a, b) => a + b, 0) / e.overruns.length),
    }))
    .sort((a, b) => b.overran - a.overran || b.averageOverrunMinutes - a.averageOverrunMinutes);
}
