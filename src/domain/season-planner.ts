import { fromCopenhagenWallClock, toCopenhagenWallClock } from './copenhagen-time.js';

/**
 * Proposing a slot for every school in the season: the weeks the municipality
 * chose, on school days (no weekends, no school holidays), in working hours,
 * when everyone who must attend is free, and never two schools at once (the
 * municipality's people attend them all). Pure: calendars come in as busy
 * intervals, and a calendar nobody could read is planned without (and said).
 */
export interface Interval {
  start: Date;
  end: Date;
}

export interface SeasonSchool {
  id: string;
  /** Everyone whose calendar decides: the school leader, the municipal lead, the facilitator. */
  attendees: string[];
}

export interface Holiday {
  name: string;
  /** Copenhagen dates, inclusive: "2026-10-12". */
  from: string;
  to: string;
}

export interface SeasonRequest {
  /** Copenhagen dates, inclusive. */
  from: string;
  to: string;
  meetingMinutes: number;
  schools: SeasonSchool[];
  /** Busy time per attendee (lower-case UPN); null: their calendar could not be read. */
  busy: Map<string, Interval[] | null>;
  holidays: Holiday[];
  /** Slots already taken (conversations planned before, other proposals). */
  taken?: Interval[];
  /** Working hours, Copenhagen wall clock. */
  dayStartsAt?: string;
  dayEndsAt?: string;
  /** At most this many conversations a day (the municipality's people attend each). */
  perDay?: number;
  /** How far past the chosen weeks to look for the nearest free slot, in days. */
  nearestWithinDays?: number;
}

export type Proposal =
  | { schoolId: string; kind: 'slot'; startsAt: Date; endsAt: Date; unreadable: string[] }
  | {
      schoolId: string;
      kind: 'noSlot';
      /** Why: whose calendars left no common time, or no school days at all in the weeks. */
      reason: { kind: 'busy'; people: string[] } | { kind: 'noSchoolDays' };
      /** The first slot after the chosen weeks where it would fit, when there is one. */
      nearest: { startsAt: Date; endsAt: Date } | null;
      unreadable: string[];
    };

const overlaps = (a: Interval, b: Interval) => a.start < b.end && b.start < a.end;

function* days(from: string, to: string): Generator<string> {
  for (let d = new Date(`${from}T12:00:00Z`); d.toISOString().slice(0, 10) <= to; d = new Date(d.getTime() + 86_400_000)) {
    yield d.toISOString().slice(0, 10);
  }
}

const weekday = (date: string) => new Date(`${date}T12:00:00Z`).getUTCDay();
const isSchoolDay = (date: string, holidays: readonly Holiday[]) =>
  weekday(date) !== 0 && weekday(date) !== 6 && !holidays.some((h) => date >= h.from && date <= h.to);

/** The day's candidate slots, every half hour within working hours. */
function slotsOn(date: string, minutes: number, dayStartsAt: string, dayEndsAt: string): Interval[] {
  const slots: Interval[] = [];
  const dayEnd = fromCopenhagenWallClock(`${date}T${dayEndsAt}`);
  for (let start = fromCopenhagenWallClock(`${date}T${dayStartsAt}`); ; start = new Date(start.getTime() + 30 * 60_000)) {
    const end = new Date(start.getTime() + minutes * 60_000);
    if (end > dayEnd) return slots;
    slots.push({ start, end });
  }
}

export function proposeSeason(request: SeasonRequest): Proposal[] {
  const dayStartsAt = request.dayStartsAt ?? '08:00';
  const dayEndsAt = request.dayEndsAt ?? '16:00';
  const perDay = request.perDay ?? 2;
  const taken: Interval[] = [...(request.taken ?? [])];
  const busyOf = (upn: string) => request.busy.get(upn.toLowerCase());
  const dayOf = (at: Date) => toCopenhagenWallClock(at).slice(0, 10);

  const firstFree = (school: SeasonSchool, from: string, to: string): Interval | null => {
    for (const date of days(from, to)) {
      if (!isSchoolDay(date, request.holidays)) continue;
      if (taken.filter((t) => dayOf(t.start) === date).length >= perDay) continue;
      for (const slot of slotsOn(date, request.meetingMinutes, dayStartsAt, dayEndsAt)) {
        if (taken.some((t) => overlaps(t, slot))) continue;
        if (school.attendees.every((upn) => !(busyOf(upn) ?? []).some((b) => overlaps(b, slot)))) return slot;
      }
    }
    return null;
  };

  return request.schools.map((school): Proposal => {
    const unreadable = school.attendees.filter((upn) => busyOf(upn) === null);
    const slot = firstFree(school, request.from, request.to);
    if (slot) {
      taken.push(slot);
      return { schoolId: school.id, kind: 'slot', startsAt: slot.start, endsAt: slot.end, unreadable };
    }
    const schoolDays = [...days(request.from, request.to)].some((d) => isSchoolDay(d, request.holidays));
    // Whose calendars are full in the weeks: everyone who is busy at some candidate slot of a school day.
    const people = school.attendees.filter((upn) =>
      [...days(request.from, request.to)]
        .filter((d) => isSchoolDay(d, request.holidays))
        .some((d) =>
          slotsOn(d, request.meetingMinutes, dayStartsAt, dayEndsAt).some((s) => (busyOf(upn) ?? []).some((b) => overlaps(b, s))),
        ),
    );
    const after = new Date(`${request.to}T12:00:00Z`);
    const nearestTo = new Date(after.getTime() + (request.nearestWithinDays ?? 56) * 86_400_000).toISOString().slice(0, 10);
    const nearest = firstFree(school, new Date(after.getTime() + 86_400_000).toISOString().slice(0, 10), nearestTo);
    return {
      schoolId: school.id,
      kind: 'noSlot',
      reason: schoolDays ? { kind: 'busy', people } : { kind: 'noSchoolDays' },
      nearest: nearest ? { startsAt: nearest.start, endsAt: nearest.end } : null,
      unreadable,
    };
  });
}
