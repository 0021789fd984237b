import { fileURLToPath } from 'node:url';
import type { AppContext } from '../../src/app/app-context.js';
import { appLinks } from '../../src/app/app-links.js';
import type { CalendarGateway, MeetingEvent, MeetingInvitation } from '../../src/app/ports/calendar-gateway.js';
import type { DocumentLibrary, FolderPath, LibraryFile, LibraryItem } from '../../src/app/ports/document-library.js';
import type { Directory, DirectoryUser } from '../../src/app/ports/directory.js';
import type { ChatPrompt, ChatReference, ChatSender, PersonalChats } from '../../src/app/ports/chat-sender.js';
import type { MailMessage, Mailer } from '../../src/app/ports/mailer.js';
import type { MeetingSpace, MeetingTab } from '../../src/app/ports/meeting-space.js';
import { RemoteError } from '../../src/app/ports/remote-error.js';
import { loadOrganisation, loadTemplates } from '../../src/store/catalog-files.js';
import { openTestDatabase } from './test-database.js';
import { danishLexicon } from '../../src/store/danish-lexicon.js';

/**
 * In-memory stand-ins for the ports, for unit tests of the use cases: they
 * remember what was asked of them and can be told to fail the next call.
 */
type Failure = RemoteError | null;

class FailureQueue {
  private readonly queued: RemoteError[] = [];
  failNext(error: RemoteError, times = 1) {
    for (let i = 0; i < times; i++) this.queued.push(error);
  }
  take(): Failure {
    return this.queued.shift() ?? null;
  }
}

export class FakeCalendar extends FailureQueue implements CalendarGateway {
  readonly events = new Map<
    string,
    { organizerUpn: string; invitation: MeetingInvitation; transactionId: string; cancelled: string | null }
  >();
  readonly calls: { op: 'create' | 'update' | 'cancel'; eventId: string }[] = [];

  async createMeeting(organizerUpn: string, invitation: MeetingInvitation, transactionId: string): Promise<MeetingEvent> {
    const failure = this.take();
    if (failure) throw failure;
    // As Graph does with transactionId: a repeated create returns the first event.
    const existing = [...this.events.entries()].find(([, e]) => e.transactionId === transactionId);
    const id = existing?.[0] ?? `event-${this.events.size + 1}`;
    if (!existing) this.events.set(id, { organizerUpn, invitation, transactionId, cancelled: null });
    this.calls.push({ op: 'create', eventId: id });
    return { id, iCalUId: `ical-${id}`, webLink: `https://outlook.example/${id}`, joinUrl: `https://teams.example/meet/${id}` };
  }

  async updateMeeting(_organizerUpn: string, eventId: string, invitation: MeetingInvitation): Promise<MeetingEvent> {
    const failure = this.take();
    if (failure) throw failure;
    const event = this.events.get(eventId);
    if (!event) throw new RemoteError(404, 'ErrorItemNotFound', 'no such event');
    event.invitation = invitation;
    this.calls.push({ op: 'update', eventId });
    return {
      id: eventId,
      iCalUId: `ical-${eventId}`,
      webLink: `https://outlook.example/${eventId}`,
      joinUrl: `https://teams.example/meet/${eventId}`,
    };
  }

  async cancelMeeting(_organizerUpn: string, eventId: string, comment: string): Promise<boolean> {
    const failure = this.take();
    if (failure) throw failure;
    const event = this.events.get(eventId);
    this.calls.push({ op: 'cancel', eventId });
    if (!event) return false;
    event.cancelled = comment;
    return true;
  }

  async attendeeResponses() {
    return [];
  }
}

export class FakeLibrary extends FailureQueue implements DocumentLibrary {
  readonly files = new Map<string, { id: string; content: Uint8Array; contentType: string }>();
  uploads = 0;

  async upload(folder: FolderPath, file: LibraryFile): Promise<LibraryItem> {
    const failure = this.take();
    if (failure) throw failure;
    this.uploads++;
    const path = [...folder, file.fileName].join('/');
    const id = this.files.get(path)?.id ?? `item-${this.files.size + 1}`;
    this.files.set(path, { id, content: file.content, contentType: file.contentType });
    return { id, name: file.fileName, webUrl: `https://sharepoint.example/${encodeURI(path)}`, parentId: `folder:${folder.join('/')}` };
  }

  async replace(itemId: string, file: LibraryFile): Promise<LibraryItem> {
    const entry = [...this.files.entries()].find(([, f]) => f.id === itemId);
    if (!entry) throw new RemoteError(404, 'itemNotFound', 'no such item');
    this.files.set(entry[0], { id: itemId, content: file.content, contentType: file.contentType });
    return { id: itemId, name: file.fileName, webUrl: `https://sharepoint.example/${encodeURI(entry[0])}`, parentId: null };
  }

  async remove(itemId: string): Promise<boolean> {
    const entry = [...this.files.entries()].find(([, f]) => f.id === itemId);
    if (!entry) return false;
    this.files.delete(entry[0]);
    return true;
  }

  async rename(itemId: string, name: string): Promise<LibraryItem> {
    const prefix = itemId.replace(/^folder:/, '');
    const renamed = [...prefix.split('/').slice(0, -1), name].join('/');
    for (const [path, file] of [...this.files.entries()]) {
      if (!path.startsWith(`${prefix}/`)) continue;
      this.files.delete(path);
      this.files.set(`${renamed}${path.slice(prefix.length)}`, file);
    }
    return { id: `folder:${renamed}`, name, webUrl: `https://sharepoint.example/${encodeURI(renamed)}`, parentId: null };
  }

  async folder(folder: FolderPath) {
    return { id: `folder:${folder.join('/')}`, webUrl: `https://sharepoint.example/${encodeURI(folder.join('/'))}` };
  }

  fileNamed(name: string) {
    return [...this.files.entries()].find(([path]) => path.endsWith(`/${name}`));
  }
}

export class FakeDirectory implements Directory {
  constructor(private readonly users: DirectoryUser[]) {}
  async getUser(idOrUpn: string) {
    const key = idOrUpn.toLowerCase();
    return this.users.find((u) => u.id === key || u.upn.toLowerCase() === key) ?? null;
  }
  async search(text: string) {
    return this.users.filter((u) => u.displayName.toLowerCase().includes(text.toLowerCase()));
  }
}

export class FakeChat implements ChatSender, PersonalChats {
  readonly sent: { ref: ChatReference; prompt: ChatPrompt }[] = [];
  async open(aadObjectId: string): Promise<ChatReference> {
    return { serviceUrl: 'https://connector.example/', channelId: 'msteams', conversation: { id: `chat-${aadObjectId}` } };
  }
  async send(ref: ChatReference, prompt: ChatPrompt) {
    this.sent.push({ ref, prompt });
    return `activity-${this.sent.length}`;
  }
  async update() {}
}

export class FakeMailer implements Mailer {
  readonly sent: { from: string; message: MailMessage }[] = [];
  async send(from: string, message: MailMessage) {
    this.sent.push({ from, message });
  }
}

const person = (upn: string, displayName: string, id: string): DirectoryUser => ({ id, upn, displayName, mail: upn, jobTitle: '' });

/** The Teams meeting of each fake event: its chat, the app installed there and the tabs. */
export class FakeMeetingSpace extends FailureQueue implements MeetingSpace {
  readonly installed = new Set<string>();
  readonly tabs = new Map<string, MeetingTab[]>();
  async onlineMeetingOf(_organizerUpn: string, joinUrl: string) {
    const failure = this.take();
    if (failure) throw failure;
    const id = joinUrl.split('/').at(-1)!;
    return { onlineMeetingId: `online-${id}`, chatThreadId: `19:meeting_${id}@thread.v2` };
  }
  async installApp(chatThreadId: string) {
    const failure = this.take();
    if (failure) throw failure;
    this.installed.add(chatThreadId);
  }
  async ensureTab(chatThreadId: string, tab: MeetingTab) {
    const failure = this.take();
    if (failure) throw failure;
    const list = this.tabs.get(chatThreadId) ?? [];
    if (!list.some((t) => t.entityId === tab.entityId)) list.push(tab);
    this.tabs.set(chatThreadId, list);
    return `tab-${tab.entityId}`;
  }
}

/** An application context on an in-memory database with fake ports and a settable clock. */
export async function fakeContext(start = new Date('2026-11-22T10:00:00Z')) {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const db = await openTestDatabase();
  let now = start;
  const ports = {
    calendar: new FakeCalendar(),
    library: new FakeLibrary(),
    directory: new FakeDirectory([
      person('mette.lund@sohavn.example', 'Mette Lund', 'a1'),
      person('anders.holm@sohavn.example', 'Anders Holm', 'a2'),
      person('camilla.bro@sohavn.example', 'Camilla Bro', 'a3'),
    ]),
    chat: new FakeChat(),
    mailer: new FakeMailer(),
    meetingSpace: new FakeMeetingSpace(),
  };
  const ctx: AppContext = {
    db,
    organisation: await loadOrganisation(`${root}config/organisation.local.json`),
    templates: await loadTemplates(`${root}templates`),
    directory: ports.directory,
    calendar: ports.calendar,
    library: ports.library,
    mailer: ports.mailer,
    chat: ports.chat,
    personalChats: ports.chat,
    meetingSpace: ports.meetingSpace,
    links: appLinks({ publicUrl: 'https://app.example', manifestAppId: null }),
    lexicon: danishLexicon,
    now: () => now,
    wakeJobs: () => {},
    limits: { planBacklog: 1000 },
  };
  return { ctx, ...ports, db, setNow: (at: Date) => (now = at), close: () => db.drop() };
}
