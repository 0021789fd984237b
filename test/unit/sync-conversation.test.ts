import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { planConversationCommand } from '../../src/app/conversation/plan-conversation.js';
import { syncConversation } from '../../src/app/conversation/sync-conversation.js';
import { viewConversation } from '../../src/app/conversation/view-conversation.js';
import { updateSchoolPart } from '../../src/app/conversation/update-school-part.js';
import { sendAgendaCommand } from '../../src/app/conversation/send-agenda.js';
import { cancelConversationCommand } from '../../src/app/conversation/cancel-conversation.js';
import { addDocument } from '../../src/app/conversation/add-document.js';
import { RemoteError } from '../../src/app/ports/remote-error.js';
import { fakeContext } from '../support/fake-ports.js';

/** The plan sync as a use case over CalendarGateway and DocumentLibrary, with in-memory fakes: no HTTP, no Graph. */
const lead = { upn: 'mette.lund@sohavn.example', displayName: 'Mette Lund', isMunicipalLead: true };
const leader = { upn: 'anders.holm@sohavn.example', displayName: 'Anders Holm', isMunicipalLead: false };
const attempt = { attempt: 1, isLast: false };
const lastAttempt = { attempt: 10, isLast: true };

let world: Awaited<ReturnType<typeof fakeContext>>;
beforeEach(async () => {
  world = await fakeContext();
});
afterEach(() => world.close());

async function planned(): Promise<string> {
  const { id } = await planConversationCommand(world.ctx, lead, {
    schoolId: 'bakkeskolen',
    templateId: 'aarhus-2025',
    startsAt: new Date('2027-03-10T08:00:00Z'),
    endsAt: new Date('2027-03-10T10:00:00Z'),
    theme: 'Deltagelsesmuligheder for alle børn',
    extraTopics: [],
  });
  return id;
}

const view = (id: string) => viewConversation(world.ctx, lead, id);
const statusOf = async (id: string, kind: string) => (await view(id)).sideEffects.find((s) => s.kind === kind)?.status;

describe('syncing a planned conversation to Microsoft 365', () => {
  it('creates the Teams meeting with the conversation id as transaction id and puts the agenda in its folder', async () => {
    const id = await planned();
    await syncConversation(world.ctx, id, attempt);

    const [event] = [...world.calendar.events.values()];
    expect(event?.transactionId).toBe(id);
    expect(event?.invitation.attendees.map((a) => a.address)).toEqual(['anders.holm@sohavn.example']);
    expect(event?.invitation.startLocal).toBe('2027-03-10T09:00:00');
    const agenda = world.library.fileNamed('Dagsorden.docx');
    expect(agenda?.[0]).toMatch(/^Skoleudviklingssamtaler\/2026-27\/Bakkeskolen\//);
    const details = await view(id);
    expect(details.stored.conversation.status).toBe('invited');
    expect(details.links.agendaWebUrl).toContain('Dagsorden.docx');
    expect(details.links.folderWebUrl).toContain('Bakkeskolen');
    expect(details.sideEffects.map((s) => [s.kind, s.status])).toEqual([
      ['invitation', 'done'],
      ['folder', 'done'],
      ['agenda', 'done'],
    ]);
  });

  it('leaves the meeting alone when nothing in the invitation changed', async () => {
    const id = await planned();
    await syncConversation(world.ctx, id, attempt);
    await syncConversation(world.ctx, id, attempt);
    expect(world.calendar.calls.map((c) => c.op)).toEqual(['create']);
  });

  it('updates the meeting for every invitee once the school leader sends the agenda', async () => {
    const id = await planned();
    await syncConversation(world.ctx, id, attempt);
    const { version } = (await view(id)).stored;
    const saved = await updateSchoolPart(world.ctx, leader, id, {
      version,
      developmentAreas: 'Pauserne',
      learningFocus: 'Hvordan?',
      participants: [{ upn: 'camilla.bro@sohavn.example', role: 'participant' }],
    });
    await sendAgendaCommand(world.ctx, leader, id, saved);
    await syncConversation(world.ctx, id, attempt);

    expect(world.calendar.calls.map((c) => c.op)).toEqual(['create', 'update']);
    const [event] = [...world.calendar.events.values()];
    expect(event?.invitation.attendees.map((a) => a.address).sort()).toEqual(['anders.holm@sohavn.example', 'camilla.bro@sohavn.example']);
  });

  it('still sends the invitation when the agenda upload fails, and reports the agenda as retrying', async () => {
    const id = await planned();
    world.library.failNext(new RemoteError(503, 'serviceNotAvailable', 'down', 2000));

    const error = await syncConversation(world.ctx, id, attempt).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RemoteError);
    expect((error as RemoteError).retryAfterMs).toBe(2000);
    expect(world.calendar.events.size).toBe(1);
    expect(await statusOf(id, 'agenda')).toBe('retrying');
    expect(await statusOf(id, 'invitation')).toBe('done');

    await syncConversation(world.ctx, id, attempt);
    expect(await statusOf(id, 'agenda')).toBe('done');
    // The next run adds the agenda's link to the same invitation: one event, updated.
    expect(world.calendar.calls.map((c) => c.op)).toEqual(['create', 'update']);
    expect([...world.calendar.events.values()][0]?.invitation.bodyHtml).toContain('Dagsorden.docx');
  });

  it('reports a throttled invitation as failed on the job’s last attempt', async () => {
    const id = await planned();
    world.calendar.failNext(new RemoteError(429, 'TooManyRequests', 'slow down', 30_000));
    await expect(syncConversation(world.ctx, id, lastAttempt)).rejects.toMatchObject({ retryAfterMs: 30_000 });
    expect(await statusOf(id, 'invitation')).toBe('failed');
    expect((await view(id)).stored.conversation.status).toBe('draft');
  });

  it('uploads the data-package files waiting in the database and links them', async () => {
    const id = await planned();
    await syncConversation(world.ctx, id, attempt);
    await addDocument(world.ctx, leader, id, {
      fileName: 'Trivsel 2026.pdf',
      contentType: 'application/pdf',
      content: new Uint8Array([1, 2, 3]),
    });
    await syncConversation(world.ctx, id, attempt);
    expect(world.library.fileNamed('Trivsel 2026.pdf')?.[1].content).toEqual(new Uint8Array([1, 2, 3]));
    const details = await view(id);
    expect(details.documents).toMatchObject([{ fileName: 'Trivsel 2026.pdf', webUrl: expect.stringContaining('Trivsel') }]);
    expect(await statusOf(id, 'documents')).toBe('done');
  });

  it('cancels the meeting once, with the cancellation comment, and treats an event already gone as cancelled', async () => {
    const id = await planned();
    await syncConversation(world.ctx, id, attempt);
    await cancelConversationCommand(world.ctx, lead, id, (await view(id)).stored.version);
    await syncConversation(world.ctx, id, attempt);
    await syncConversation(world.ctx, id, attempt);
    expect(world.calendar.calls.filter((c) => c.op === 'cancel')).toHaveLength(1);
    expect([...world.calendar.events.values()][0]?.cancelled).toMatch(/aflyst/i);
    expect(await statusOf(id, 'cancellation')).toBe('done');

    const other = await planConversationCommand(world.ctx, lead, {
      schoolId: 'fjordskolen',
      templateId: 'aarhus-2025',
      startsAt: new Date('2027-03-11T08:00:00Z'),
      endsAt: new Date('2027-03-11T10:00:00Z'),
      theme: 'Tema',
      extraTopics: [],
    });
    await syncConversation(world.ctx, other.id, attempt);
    world.calendar.events.clear();
    await cancelConversationCommand(world.ctx, lead, other.id, (await view(other.id)).stored.version);
    await syncConversation(world.ctx, other.id, attempt);
    expect(await statusOf(other.id, 'cancellation')).toBe('done');
  });
});
