import { DomainError } from './errors.js';

export const maxMeetingMinutes = 8 * 60;

/** A conversation is planned for the future, ends after it starts, and fits in a working day. */
export function assertPlannableTime(now: Date, startsAt: Date, endsAt: Date): void {
  if (startsAt.getTime() <= now.getTime()) throw new DomainError('MEETING_IN_PAST', { startsAt: startsAt.toISOString() });
  if (endsAt.getTime() <= startsAt.getTime()) {
    throw new DomainError('MEETING_END_BEFORE_START', { startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString() });
  }
  const minutes = (endsAt.getTime() - startsAt.getTime()) / 60_000;
  if (minutes > maxMeetingMinutes) throw new DomainError('MEETING_TOO_LONG', { minutes, maxMinutes: maxMeetingMinutes });
}

export const meetingMinutes = (startsAt: Date, endsAt: Date): number => Math.round((endsAt.getTime() - startsAt.getTime()) / 60_000);
