import { DomainError } from './errors.js';

/**
 * The live agenda during the meeting: which item is on, how long it has run,
 * and the minutes each item has now that the facilitator may have moved some
 * from one item to another. Pure: every change takes the clock's `now`, every
 * reading is computed for a `now`, so the same state shows the same thing on
 * every screen and any instance. No zod here: the tab runs this file too.
 */
export interface ItemActual {
  startedAt: string | null;
  endedAt: string | null;
  /** Milliseconds it ran, pauses excluded. */
  runningMs: number;
}

export interface AgendaRun {
  status: 'notStarted' | 'running' | 'paused' | 'ended';
  currentIndex: number;
  /** Minutes per item as now planned (moves included), by item key. */
  minutes: Record<string, number>;
  /** What each item actually took: first started, ended, and how long it ran. */
  actuals: Record<string, ItemActual>;
  /** When the current item's running stretch began (null while paused or not running). */
  runningSince: string | null;
  startedAt: string | null;
  endedAt: string | null;
}

export interface ClockItem {
  key: string;
  minutes: number;
}

export type AgendaAction =
  | { kind: 'start' }
  | { kind: 'pause' }
  | { kind: 'resume' }
  /** Move on from this item: pressed twice at once (two facilitators), only the first moves. */
  | { kind: 'next'; fromItemKey: string }
  | { kind: 'moveMinutes'; fromItemKey: string; toItemKey: string; minutes: number }
  | { kind: 'end' };

export function newAgendaRun(items: readonly ClockItem[]): AgendaRun {
  return {
    status: 'notStarted',
    currentIndex: 0,
    minutes: Object.fromEntries(items.map((i) => [i.key, i.minutes])),
    actuals: Object.fromEntries(items.map((i) => [i.key, { startedAt: null, endedAt: null, runningMs: 0 }])),
    runningSince: null,
    startedAt: null,
    endedAt: null,
  };
}

const refuse = (reason: string, details: Record<string, unknown> = {}): never => {
  throw new DomainError('AGENDA_ACTION_NOT_POSSIBLE', { reason, ...details });
};

/** The current stretch's milliseconds folded into the current item (when it was running). */
function settle(run: AgendaRun, items: readonly ClockItem[], now: Date): AgendaRun {
  const key = items[run.currentIndex]?.key;
  if (!key || !run.runningSince) return run;
  const actual = run.actuals[key]!;
  const ran = Math.max(0, now.getTime() - Date.parse(run.runningSince));
  return { ...run, actuals: { ...run.actuals, [key]: { ...actual, runningMs: actual.runningMs + ran } }, runningSince: null };
}

/**
 * Applies one action. Returns the same object when the action changes nothing
 * (a second "next" from an item already left), so callers can tell a move
 * from a no-op; refuses what cannot be done in the run's state.
 */
export function applyAgendaAction(run: AgendaRun, items: readonly ClockItem[], action: AgendaAction, now: Date): AgendaRun {
  const iso = now.toISOString();
  const current = items[run.currentIndex];
  switch (action.kind) {
    case 'start': {
      if (run.status !== 'notStarted') return run;
      const first = items[0] ?? refuse('noItems');
      return {
        ...run,
        status: 'running',
        currentIndex: 0,
        startedAt: iso,
        runningSince: iso,
        actuals: { ...run.actuals, [first.key]: { ...run.actuals[first.key]!, startedAt: iso } },
      };
    }
    case 'pause':
      if (run.status !== 'running') return run;
      return { ...settle(run, items, now), status: 'paused' };
    case 'resume':
      if (run.status !== 'paused') return run;
      return { ...run, status: 'running', runningSince: iso };
    case 'next': {
      if (run.status === 'notStarted' || run.status === 'ended') refuse('notRunning');
      if (!current || current.key !== action.fromItemKey) return run;
      const settled = settle(run, items, now);
      const left = { ...settled.actuals[current.key]!, endedAt: iso };
      const following = items[run.currentIndex + 1];
      if (!following) {
        return { ...settled, status: 'ended', endedAt: iso, actuals: { ...settled.actuals, [current.key]: left } };
      }
      const arriving = settled.actuals[following.key]!;
      return {
        ...settled,
        currentIndex: run.currentIndex + 1,
        runningSince: run.status === 'running' ? iso : null,
        actuals: {
          ...settled.actuals,
          [current.key]: left,
          [following.key]: { ...arriving, startedAt: arriving.startedAt ?? iso },
        },
      };
    }
    case 'moveMinutes': {
      if (run.status === 'ended') refuse('ended');
      const from = items.findIndex((i) => i.key === action.fromItemKey);
      const to = items.findIndex((i) => i.key === action.toItemKey);
      if (from < 0 || to < 0 || from === to) refuse('unknownItems');
      // Time already spent cannot be given away: only the current item and those still to come.
      if (from < run.currentIndex || to < run.currentIndex) refuse('itemDone');
      if (!Number.isInteger(action.minutes) || action.minutes < 1) refuse('minutes');
      const available = run.minutes[action.fromItemKey]!;
      if (action.minutes > available) refuse('notEnoughMinutes', { available });
      return {
        ...run,
        minutes: {
          ...run.minutes,
          [action.fromItemKey]: available - action.minutes,
          [action.toItemKey]: run.minutes[action.toItemKey]! + action.minutes,
        },
      };
    }
    case 'end': {
      if (run.status === 'ended') return run;
      if (run.status === 'notStarted') return { ...run, status: 'ended', endedAt: iso };
      const settled = settle(run, items, now);
      const key = current!.key;
      return {
        ...settled,
        status: 'ended',
        endedAt: iso,
        actuals: { ...settled.actuals, [key]: { ...settled.actuals[key]!, endedAt: iso } },
      };
    }
  }
}

export interface AgendaReading {
  status: AgendaRun['status'];
  currentIndex: number;
  /** The current item's minutes as now planned, how long it has run, and what is left (negative: overtime). */
  current: { key: string; plannedMs: number; elapsedMs: number; leftMs: number; overtime: boolean } | null;
  nextKey: string | null;
  /** The planned minutes still ahead: what is left of the current item plus every item after it. */
  planLeftMs: number;
  /** Until the meeting's end in the calendar. */
  meetingLeftMs: number;
  /** Positive: the agenda fits with this to spare; negative: it runs this much past the meeting's end. */
  slackMs: number;
}

/**
 * The end the agenda is measured against: the calendar's, unless the agenda
 * was started well before the meeting's time (a rehearsal, a meeting held
 * early by agreement) — then its own planned length from when it started.
 */
export function agendaEndsAt(run: AgendaRun, items: readonly ClockItem[], meeting: { startsAt: Date; endsAt: Date }): Date {
  const started = run.startedAt ? Date.parse(run.startedAt) : null;
  if (started === null || started >= meeting.startsAt.getTime() - 30 * 60_000) return meeting.endsAt;
  return new Date(started + items.reduce((sum, i) => sum + i.minutes, 0) * 60_000);
}

/** What every screen shows at `now`. */
export function readAgenda(run: AgendaRun, items: readonly ClockItem[], meetingEndsAt: Date, now: Date): AgendaReading {
  const item = items[run.currentIndex];
  const meetingLeftMs = meetingEndsAt.getTime() - now.getTime();
  const later = items.slice(run.currentIndex + 1).reduce((sum, i) => sum + (run.minutes[i.key] ?? i.minutes) * 60_000, 0);
  if (!item || run.status === 'ended') {
    return {
      status: run.status,
      currentIndex: run.currentIndex,
      current: null,
      nextKey: null,
      planLeftMs: 0,
      meetingLeftMs,
      slackMs: meetingLeftMs,
    };
  }
  const plannedMs = (run.minutes[item.key] ?? item.minutes) * 60_000;
  const actual = run.actuals[item.key]!;
  const elapsedMs = actual.runningMs + (run.runningSince ? Math.max(0, now.getTime() - Date.parse(run.runningSince)) : 0);
  const leftMs = plannedMs - elapsedMs;
  const planLeftMs = (run.status === 'notStarted' ? plannedMs : Math.max(0, leftMs)) + later;
  return {
    status: run.status,
    currentIndex: run.currentIndex,
    current: { key: item.key, plannedMs, elapsedMs, leftMs, overtime: leftMs < 0 },
    nextKey: items[run.currentIndex + 1]?.key ?? null,
    planLeftMs,
    meetingLeftMs,
    slackMs: meetingLeftMs - planLeftMs,
  };
}

export interface ItemActualTime {
  key: string;
  plannedMinutes: number;
  /** Whole minutes it ran (null: never reached). */
  actualMinutes: number | null;
  /** Actual minus planned (positive: it overran). */
  overrunMinutes: number | null;
}

/** What each item took against what the agenda planned (the template's minutes, before any move). */
export function actualTimes(run: AgendaRun, items: readonly ClockItem[], now: Date): ItemActualTime[] {
  const settled = run.status === 'running' ? settle(run, items, now) : run;
  return items.map((item) => {
    const actual = settled.actuals[item.key];
    const reached = Boolean(actual?.startedAt);
    const actualMinutes = reached ? Math.round(actual!.runningMs / 60_000) : null;
    return {
      key: item.key,
      plannedMinutes: item.minutes,
      actualMinutes,
      overrunMinutes: actualMinutes === null ? null : actualMinutes - item.minutes,
    };
  });
}
