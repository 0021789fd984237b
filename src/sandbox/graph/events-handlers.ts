import { randomUUID } from 'node:crypto';
import type { SandboxAttendee, SandboxEvent, SandboxMeetingChat, SandboxMessage, SandboxUser } from '../sandbox-state.js';
import { requireActionBody, requireBody } from './body-check.js';
import { GraphHttpError, nowIso, type GraphResponse, type SandboxGraphContext } from './graph-types.js';
import { sandboxTexts } from '../sandbox-texts.js';
import { escapeHtml } from '../../documents/html-escape.js';
import { fromCopenhagenWallClock, toCopenhagenWallClock } from '../../domain/copenhagen-time.js';

const knownTimeZones = new Set(['Romance Standard Time', 'UTC', 'Europe/Copenhagen', 'W. Europe Standard Time']);
const neverResponded = '0001-01-01T00:00:00Z';

function mailboxOf(ctx: SandboxGraphContext, id: string): SandboxUser {
  const user = ctx.state.findUser(id);
  if (!user) throw new GraphHttpError(404, 'ErrorInvalidUser', `The requested user '${decodeURIComponent(id)}' is invalid.`);
  return user;
}

function eventOf(ctx: SandboxGraphContext, mailbox: SandboxUser, eventId: string): SandboxEvent {
  const event = ctx.state.events.find((e) => e.id === decodeURIComponent(eventId) && e.mailbox === mailbox.userPrincipalName);
  if (!event) throw new GraphHttpError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
  return event;
}

/** The zone a request asks times in (Prefer: outlook.timezone="…"); Graph answers in UTC otherwise. */
export function preferredZone(headers: Record<string, string | undefined>): 'UTC' | 'Romance Standard Time' {
  const asked = /outlook\.timezone="([^"]+)"/.exec(headers['prefer'] ?? '')?.[1];
  return asked === 'Romance Standard Time' || asked === 'Europe/Copenhagen' ? 'Romance Standard Time' : 'UTC';
}

/** A stored start or end in the zone asked for, as Exchange converts it ("2027-03-10T08:00:00.0000000"). */
function inZone(value: { dateTime: string; timeZone: string }, zone: 'UTC' | 'Romance Standard Time') {
  const utc = value.timeZone === 'UTC';
  const instant = utc ? new Date(`${value.dateTime.slice(0, 19)}Z`) : fromCopenhagenWallClock(value.dateTime);
  const dateTime = zone === 'UTC' ? instant.toISOString().slice(0, 19) : toCopenhagenWallClock(instant);
  return { dateTime: `${dateTime}.0000000`, timeZone: zone };
}

export function presentEvent(ctx: SandboxGraphContext, e: SandboxEvent, zone: 'UTC' | 'Romance Standard Time' = 'UTC') {
  return {
    '@odata.etag': `W/"${Buffer.from(e.lastModifiedDateTime).toString('base64')}"`,
    id: e.id,
    createdDateTime: e.createdDateTime,
    lastModifiedDateTime: e.lastModifiedDateTime,
    transactionId: e.transactionId,
    subject: e.subject,
    iCalUId: e.iCalUId ?? `040000008200E00074C5B7101A82E008${e.meetingId.replace(/-/g, '').toUpperCase()}`,
    bodyPreview: e.body.content
      .replace(/<[^>]*>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 255),
    body: e.body,
    start: inZone(e.start, zone),
    end: inZone(e.end, zone),
    location: e.location,
    attendees: e.attendees,
    organizer: e.organizer,
    isOrganizer: e.isOrganizer,
    isCancelled: e.isCancelled,
    isOnlineMeeting: e.isOnlineMeeting,
    onlineMeetingProvider: e.onlineMeetingProvider,
    onlineMeeting: e.onlineMeeting,
    responseStatus: e.responseStatus,
    allowNewTimeProposals: e.allowNewTimeProposals,
    webLink: `${ctx.publicUrl}/sandbox/mail/${encodeURIComponent(e.mailbox)}#${e.id}`,
  };
}

function checkTimes(body: Record<string, any>): void {
  for (const key of ['start', 'end'] as const) {
    const value = body[key];
    if (value && !knownTimeZones.has(value.timeZone ?? 'UTC')) {
      throw new GraphHttpError(
        400,
        'TimeZoneNotSupportedException',
        `A valid TimeZone value must be specified. The following TimeZone value is not supported: '${value.timeZone}'.`,
      );
    }
  }
  if (body.start && body.end && String(body.end.dateTime) <= String(body.start.dateTime)) {
    throw new GraphHttpError(400, 'ErrorInvalidRequest', 'The end time of the event must be after its start time.');
  }
}

function toAttendees(raw: any[] | undefined, previous: SandboxAttendee[] = []): SandboxAttendee[] {
  return (raw ?? []).map((a) => {
    const address = String(a.emailAddress?.address ?? '');
    const kept = previous.find((p) => p.emailAddress.address.toLowerCase() === address.toLowerCase());
    return {
      emailAddress: { address, name: String(a.emailAddress?.name ?? address) },
      type: a.type ?? 'required',
      status: kept?.status ?? { response: 'none', time: neverResponded },
    };
  });
}

function deliver(ctx: SandboxGraphContext, message: Omit<SandboxMessage, 'id' | 'receivedDateTime'>): void {
  if (!ctx.state.findUser(message.mailbox)) return;
  const delivered = { ...message, id: randomUUID(), receivedDateTime: nowIso() };
  ctx.state.messages.push(delivered);
  ctx.state.changed('messages', delivered);
}

/** Exchange keeps a copy of a meeting in each attendee's calendar and mails them the request. */
function syncAttendeeCopies(
  ctx: SandboxGraphContext,
  organizerEvent: SandboxEvent,
  previousAttendees: SandboxAttendee[],
  isUpdate: boolean,
): void {
  const current = new Set(organizerEvent.attendees.map((a) => a.emailAddress.address.toLowerCase()));
  for (const attendee of organizerEvent.attendees) {
    const user = ctx.state.findUser(attendee.emailAddress.address);
    if (!user) continue;
    let copy = ctx.state.events.find((e) => e.meetingId === organizerEvent.id && e.mailbox === user.userPrincipalName);
    const isNew = !copy;
    if (!copy) {
      copy = {
        ...structuredClone(organizerEvent),
        id: randomUUID(),
        mailbox: user.userPrincipalName,
        isOrganizer: false,
        transactionId: null,
        responseStatus: { response: 'none', time: neverResponded },
      };
      ctx.state.events.push(copy);
    } else {
      Object.assign(copy, {
        subject: organizerEvent.subject,
        body: organizerEvent.body,
        start: organizerEvent.start,
        end: organizerEvent.end,
        location: organizerEvent.location,
        attendees: structuredClone(organizerEvent.attendees),
        isCancelled: false,
        lastModifiedDateTime: organizerEvent.lastModifiedDateTime,
      });
    }
    ctx.state.changed('events', copy);
    const kind = isUpdate && !isNew ? 'meetingUpdate' : 'meetingRequest';
    deliver(ctx, {
      mailbox: user.userPrincipalName,
      kind,
      subject: (kind === 'meetingUpdate' ? sandboxTexts.subjectPrefix.meetingUpdate : '') + organizerEvent.subject,
      from: organizerEvent.organizer.emailAddress,
      bodyHtml: organizerEvent.body.content,
      eventId: copy.id,
      response: null,
    });
  }
  for (const removed of previousAttendees.filter((a) => !current.has(a.emailAddress.address.toLowerCase()))) {
    cancelCopy(ctx, organizerEvent, removed.emailAddress.address);
  }
}

/** Exchange's cancellation: the organiser's comment (if the cancel action carried one) above the meeting's body. */
function cancelCopy(ctx: SandboxGraphContext, organizerEvent: SandboxEvent, address: string, comment = ''): void {
  const user = ctx.state.findUser(address);
  if (!user) return;
  const copy = ctx.state.events.find((e) => e.meetingId === organizerEvent.id && e.mailbox === user.userPrincipalName);
  if (!copy) return;
  copy.isCancelled = true;
  ctx.state.changed('events', copy);
  deliver(ctx, {
    mailbox: user.userPrincipalName,
    kind: 'meetingCancelled',
    subject: sandboxTexts.subjectPrefix.meetingCancelled + organizerEvent.subject,
    from: organizerEvent.organizer.emailAddress,
    bodyHtml: (comment ? `<p>${escapeHtml(comment).replace(/\n/g, '<br>')}</p><hr>` : '') + organizerEvent.body.content,
    eventId: copy.id,
    response: null,
  });
}

export function createEvent(ctx: SandboxGraphContext, mailboxId: string, json: unknown): GraphResponse {
  const mailbox = mailboxOf(ctx, mailboxId);
  const body = requireBody(ctx, 'microsoft.graph.event', json);
  checkTimes(body);
  // transactionId: a retried create returns the event the first one made.
  if (body.transactionId) {
    const existing = ctx.state.events.find((e) => e.mailbox === mailbox.userPrincipalName && e.transactionId === body.transactionId);
    if (existing) return { status: 201, body: presentEvent(ctx, existing) };
  }
  const id = randomUUID();
  const now = nowIso();
  const event: SandboxEvent = {
    id,
    mailbox: mailbox.userPrincipalName,
    meetingId: id,
    // Exchange's global object id form: the same for the organiser's event and every attendee's copy.
    iCalUId: `040000008200E00074C5B7101A82E008${id.replace(/-/g, '').toUpperCase()}`,
    transactionId: body.transactionId ?? null,
    subject: body.subject ?? '',
    body: { contentType: body.body?.contentType ?? 'text', content: body.body?.content ?? '' },
    start: body.start ?? { dateTime: now, timeZone: 'UTC' },
    end: body.end ?? { dateTime: now, timeZone: 'UTC' },
    location: { displayName: body.location?.displayName ?? '' },
    attendees: toAttendees(body.attendees),
    organizer: { emailAddress: { address: mailbox.mail, name: mailbox.displayName } },
    isOrganizer: true,
    isOnlineMeeting: body.isOnlineMeeting === true,
    onlineMeetingProvider: body.isOnlineMeeting ? (body.onlineMeetingProvider ?? 'teamsForBusiness') : 'unknown',
    // Shaped like Teams' newer join links (teams.microsoft.com/meet/<id>?p=<passcode>): nothing of the chat's id is in them.
    onlineMeeting: body.isOnlineMeeting ? { joinUrl: newJoinUrl(ctx.publicUrl) } : null,
    isCancelled: false,
    responseStatus: { response: 'organizer', time: now },
    allowNewTimeProposals: body.allowNewTimeProposals ?? true,
    createdDateTime: now,
    lastModifiedDateTime: now,
  };
  // Exchange appends the Teams meeting's join information to an online meeting's body.
  if (event.onlineMeeting)
    event.body = { contentType: 'html', content: `${event.body.content}${teamsMeetingBlob(event.onlineMeeting.joinUrl)}` };
  ctx.state.events.push(event);
  // Exchange makes the Teams meeting behind it: an online meeting and its chat.
  if (event.onlineMeeting) {
    const chat: SandboxMeetingChat = {
      id: `19:meeting_${randomUUID().replace(/-/g, '')}@thread.v2`,
      onlineMeetingId: Buffer.from(`1*${mailbox.id}*0**${randomUUID()}`).toString('base64url'),
      joinUrl: event.onlineMeeting.joinUrl,
      eventId: event.id,
      organizerUserId: mailbox.id,
      installedApps: [],
      tabs: [],
      stageUrl: null,
      startedAt: null,
      endedAt: null,
    };
    ctx.state.meetingChats.push(chat);
    ctx.state.changed('meetingChats', chat);
  }
  syncAttendeeCopies(ctx, event, [], false);
  ctx.state.changed('events', event);
  return { status: 201, body: presentEvent(ctx, event) };
}

export function updateEvent(ctx: SandboxGraphContext, mailboxId: string, eventId: string, json: unknown): GraphResponse {
  const mailbox = mailboxOf(ctx, mailboxId);
  const event = eventOf(ctx, mailbox, eventId);
  const body = requireBody(ctx, 'microsoft.graph.event', json);
  checkTimes(body);
  if (!event.isOrganizer && (body.attendees || body.start || body.end)) {
    throw new GraphHttpError(403, 'ErrorAccessDenied', 'Only the organizer can change the meeting.');
  }
  const previousAttendees = event.attendees;
  if (body.subject !== undefined) event.subject = body.subject;
  if (body.body) event.body = { contentType: body.body.contentType ?? 'text', content: body.body.content ?? '' };
  if (body.start) event.start = body.start;
  if (body.end) event.end = body.end;
  if (body.location) event.location = { displayName: body.location.displayName ?? '' };
  if (body.attendees) event.attendees = toAttendees(body.attendees, previousAttendees);
  if (body.allowNewTimeProposals !== undefined) event.allowNewTimeProposals = body.allowNewTimeProposals;
  event.lastModifiedDateTime = nowIso();
  if (event.isOrganizer) syncAttendeeCopies(ctx, event, previousAttendees, true);
  ctx.state.changed('events', event);
  return { status: 200, body: presentEvent(ctx, event) };
}

export function getEvent(
  ctx: SandboxGraphContext,
  mailboxId: string,
  eventId: string,
  zone: 'UTC' | 'Romance Standard Time' = 'UTC',
): GraphResponse {
  return { status: 200, body: presentEvent(ctx, eventOf(ctx, mailboxOf(ctx, mailboxId), eventId), zone) };
}

export function listEvents(ctx: SandboxGraphContext, mailboxId: string, zone: 'UTC' | 'Romance Standard Time' = 'UTC'): GraphResponse {
  const mailbox = mailboxOf(ctx, mailboxId);
  return {
    status: 200,
    body: { value: ctx.state.events.filter((e) => e.mailbox === mailbox.userPrincipalName).map((e) => presentEvent(ctx, e, zone)) },
  };
}

export function cancelEvent(ctx: SandboxGraphContext, mailboxId: string, eventId: string, json: unknown): GraphResponse {
  const mailbox = mailboxOf(ctx, mailboxId);
  const event = eventOf(ctx, mailbox, eventId);
  const body = requireActionBody(ctx, 'cancel', 'microsoft.graph.event', json);
  if (!event.isOrganizer)
    throw new GraphHttpError(
      400,
      'ErrorInvalidRequest',
      "Your request can't be completed. You need to be an organizer to cancel a meeting.",
    );
  event.isCancelled = true;
  const comment = typeof body.Comment === 'string' ? body.Comment : '';
  for (const attendee of event.attendees) cancelCopy(ctx, event, attendee.emailAddress.address, comment);
  ctx.state.changed('events', event);
  return { status: 202 };
}

const responses = { accept: 'accepted', tentativelyAccept: 'tentativelyAccepted', decline: 'declined' } as const;

/** An attendee answers: their copy and the organiser's attendee list change, and the organiser gets a reply. */
export function respondToEvent(
  ctx: SandboxGraphContext,
  mailboxId: string,
  eventId: string,
  action: keyof typeof responses,
  json: unknown,
): GraphResponse {
  const mailbox = mailboxOf(ctx, mailboxId);
  const copy = eventOf(ctx, mailbox, eventId);
  const body = requireActionBody(ctx, action, 'microsoft.graph.event', json);
  if (copy.isOrganizer)
    throw new GraphHttpError(400, 'ErrorInvalidRequest', "Your request can't be completed. You can't respond to a meeting you organized.");
  if (copy.isCancelled) throw new GraphHttpError(400, 'ErrorInvalidRequest', 'The meeting has been cancelled.');
  const response = responses[action];
  const time = nowIso();
  copy.responseStatus = { response, time };
  const organizerEvent = ctx.state.events.find((e) => e.id === copy.meetingId && e.isOrganizer);
  if (organizerEvent) {
    for (const attendee of organizerEvent.attendees) {
      if (attendee.emailAddress.address.toLowerCase() === mailbox.mail.toLowerCase()) attendee.status = { response, time };
    }
    for (const other of ctx.state.events.filter((e) => e.meetingId === organizerEvent.id && !e.isOrganizer)) {
      other.attendees = structuredClone(organizerEvent.attendees);
      ctx.state.changed('events', other);
    }
    ctx.state.changed('events', organizerEvent);
    if (body.SendResponse !== false) {
      deliver(ctx, {
        mailbox: organizerEvent.mailbox,
        kind: 'meetingResponse',
        subject: sandboxTexts.subjectPrefix[response] + organizerEvent.subject,
        from: { address: mailbox.mail, name: mailbox.displayName },
        bodyHtml: typeof body.Comment === 'string' ? body.Comment : '',
        eventId: organizerEvent.id,
        response,
      });
    }
  }
  ctx.state.changed('events', copy);
  return { status: 202 };
}

/** A join link like Teams' newer ones: a meeting number and a passcode. */
function newJoinUrl(publicUrl: string): string {
  const digits = Array.from({ length: 14 }, () => Math.floor(Math.random() * 10)).join('');
  return `${publicUrl}/sandbox/teams/meet/${digits}?p=${randomUUID().replace(/-/g, '').slice(0, 12)}`;
}

/** The join block Exchange writes into a Teams meeting's body (shape as in Outlook, text in Danish). */
function teamsMeetingBlob(joinUrl: string): string {
  const url = joinUrl.replace(/"/g, '&quot;');
  return (
    '<div style="width:100%"><span style="white-space:nowrap;color:#5F5F5F;opacity:.36">' +
    '_'.repeat(80) +
    '</span></div><div class="me-email-text" lang="da-DK"><div style="margin-top:24px;margin-bottom:20px">' +
    '<span style="font-size:24px;color:#252424">Microsoft Teams-møde</span></div><div style="margin-bottom:20px">' +
    `<a class="me-email-headline" href="${url}" target="_blank" rel="noreferrer noopener">Deltag i mødet nu</a></div></div>`
  );
}
