import { requireActionBody } from './body-check.js';
import { GraphHttpError, type GraphResponse, type SandboxGraphContext } from './graph-types.js';
import { fromCopenhagenWallClock } from '../../domain/copenhagen-time.js';
import type { SandboxEvent } from '../sandbox-state.js';

/** An event's start or end as an instant (stored as Graph got it: UTC or Copenhagen wall clock). */
const instantOf = (value: { dateTime: string; timeZone: string }) =>
  value.timeZone === 'UTC' ? new Date(`${value.dateTime.slice(0, 19)}Z`) : fromCopenhagenWallClock(value.dateTime);
const utc = (at: Date) => ({ dateTime: `${at.toISOString().slice(0, 19)}.0000000`, timeZone: 'UTC' });

/**
 * POST /users/{id}/calendar/getSchedule: free/busy of the addresses asked for,
 * from the sandbox mailboxes' calendars, as Exchange answers it (busy and
 * tentative time, never the subject of a meeting the asker is not in; an
 * address it cannot read comes back with an error in its entry).
 */
export function getSchedule(ctx: SandboxGraphContext, userId: string, json: unknown): GraphResponse {
  if (!ctx.state.findUser(userId))
    throw new GraphHttpError(404, 'ErrorInvalidUser', `The requested user '${decodeURIComponent(userId)}' is invalid.`);
  const body = requireActionBody(ctx, 'getSchedule', 'microsoft.graph.calendar', json) as {
    Schedules?: string[];
    StartTime?: { dateTime: string; timeZone: string };
    EndTime?: { dateTime: string; timeZone: string };
    AvailabilityViewInterval?: number;
  };
  if (!body.Schedules?.length || !body.StartTime || !body.EndTime)
    throw new GraphHttpError(400, 'ErrorInvalidParameter', 'Schedules, StartTime and EndTime are required.');
  if (body.Schedules.length > 20) throw new GraphHttpError(400, 'ErrorInvalidParameter', 'At most 20 schedules per request.');
  const from = instantOf(body.StartTime);
  const to = instantOf(body.EndTime);
  const interval = (body.AvailabilityViewInterval ?? 30) * 60_000;
  const value = body.Schedules.map((address) => {
    const user = ctx.state.findUser(address);
    if (!user || ctx.unreadableCalendars.has(address.toLowerCase()))
      return {
        scheduleId: address,
        availabilityView: '',
        scheduleItems: [],
        error: { message: 'The free/busy information of this mailbox could not be retrieved.', responseCode: 'ErrorMailRecipientNotFound' },
      };
    const busy = ctx.state.events
      .filter((e: SandboxEvent) => e.mailbox === user.userPrincipalName && !e.isCancelled && e.responseStatus.response !== 'declined')
      .map((e) => ({ event: e, start: instantOf(e.start), end: instantOf(e.end) }))
      .filter((b) => b.start < to && b.end > from);
    const status = (b: (typeof busy)[number]) => (b.event.responseStatus.response === 'tentativelyAccepted' ? 'tentative' : 'busy');
    let view = '';
    for (let at = from.getTime(); at < to.getTime(); at += interval) {
      const here = busy.filter((b) => b.start.getTime() < at + interval && b.end.getTime() > at);
      view += here.some((b) => status(b) === 'busy') ? '2' : here.length ? '1' : '0';
    }
    return {
      scheduleId: address,
      availabilityView: view,
      scheduleItems: busy.map((b) => ({ status: status(b), start: utc(b.start), end: utc(b.end), isPrivate: false })),
    };
  });
  return { status: 200, body: { value } };
}
