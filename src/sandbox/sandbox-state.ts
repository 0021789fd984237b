import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface SandboxUser {
  id: string;
  displayName: string;
  userPrincipalName: string;
  mail: string;
  jobTitle: string;
  department: string;
}

export interface EmailAddress {
  address: string;
  name: string;
}

export interface SandboxAttendee {
  emailAddress: EmailAddress;
  type: string;
  status: { response: string; time: string };
}

export interface SandboxEvent {
  id: string;
  mailbox: string;
  /** The organiser's event id; attendee copies share it, as Exchange's meeting series do. */
  meetingId: string;
  /** The iCalendar UID every copy of the meeting shares (older sandbox data lacks it: then the meeting id stands in). */
  iCalUId?: string;
  transactionId: string | null;
  subject: string;
  body: { contentType: string; content: string };
  start: { dateTime: string; timeZone: string };
  end: { dateTime: string; timeZone: string };
  location: { displayName: string };
  attendees: SandboxAttendee[];
  organizer: { emailAddress: EmailAddress };
  isOrganizer: boolean;
  isOnlineMeeting: boolean;
  onlineMeetingProvider: string;
  onlineMeeting: { joinUrl: string } | null;
  isCancelled: boolean;
  responseStatus: { response: string; time: string };
  allowNewTimeProposals: boolean;
  createdDateTime: string;
  lastModifiedDateTime: string;
}

export interface SandboxMessage {
  id: string;
  mailbox: string;
  kind: 'meetingRequest' | 'meetingUpdate' | 'meetingCancelled' | 'meetingResponse' | 'mail';
  subject: string;
  from: EmailAddress;
  bodyHtml: string;
  eventId: string | null;
  response: string | null;
  receivedDateTime: string;
}

export interface SandboxDriveItem {
  id: string;
  name: string;
  parentId: string | null;
  isFolder: boolean;
  mimeType: string | null;
  size: number;
  blob: string | null;
  createdBy: string;
  createdDateTime: string;
  lastModifiedDateTime: string;
}

export interface UploadSession {
  id: string;
  parentId: string;
  name: string;
  size: number;
  received: number;
  expiresAt: string;
}

/** One message in a person's 1:1 chat with the bot, as the Bot Connector holds it. */
export interface SandboxChatActivity {
  id: string;
  from: 'bot' | 'user';
  type: string;
  text: string;
  attachments: { contentType: string; content: unknown }[];
  timestamp: string;
  updatedAt: string | null;
}

/** The app installed in a person's personal scope, and the 1:1 chat that comes with it. */
export interface SandboxChat {
  id: string;
  userId: string;
  installationId: string;
  teamsAppId: string;
  activities: SandboxChatActivity[];
}

/**
 * A Teams meeting's online meeting and its chat, made by Exchange with a Teams
 * meeting event: the apps installed in the chat, their tabs, and what the
 * sandbox's meeting view has done (started, shared to the stage, ended).
 */
export interface SandboxMeetingChat {
  /** The chat's thread id, 19:meeting_…@thread.v2. */
  id: string;
  onlineMeetingId: string;
  joinUrl: string;
  /** The organiser's event in their mailbox. */
  eventId: string;
  organizerUserId: string;
  installedApps: { id: string; teamsAppId: string; permissions: { permissionValue: string; permissionType: string }[] }[];
  tabs: { id: string; teamsAppId: string; displayName: string; entityId: string; contentUrl: string; websiteUrl: string }[];
  stageUrl: string | null;
  startedAt: string | null;
  endedAt: string | null;
}

interface PersistedState {
  users: SandboxUser[];
  events: SandboxEvent[];
  messages: SandboxMessage[];
  driveItems: SandboxDriveItem[];
  chats?: SandboxChat[];
  meetingChats?: SandboxMeetingChat[];
  botBlockedBy?: string[];
}

/** The collections a journal line can change, each an array of records with an id. */
export type SandboxCollection = 'users' | 'events' | 'messages' | 'driveItems' | 'chats' | 'meetingChats';
type JournalLine =
  { c: SandboxCollection; v: { id: string } } | { c: SandboxCollection; removed: string } | { c: 'botBlockedBy'; v: string[] };

/** Past this size the journal is folded into a fresh snapshot. */
const compactAfterBytes = 32 * 1024 * 1024;

/**
 * The sandbox tenant's data. In a data folder it survives restarts: a
 * snapshot (state.json) plus a journal of the records changed since
 * (journal.jsonl), and one file per blob. Handlers name the records they
 * changed; the journal is appended off the request path, so the cost of a
 * change is the size of what changed, never the size of the whole tenant.
 * At start the journal is replayed and folded into the snapshot. Without a
 * folder everything lives in memory, for tests.
 */
export class SandboxState {
  users: SandboxUser[] = [];
  events: SandboxEvent[] = [];
  messages: SandboxMessage[] = [];
  driveItems: SandboxDriveItem[] = [];
  chats: SandboxChat[] = [];
  meetingChats: SandboxMeetingChat[] = [];
  /** People who blocked the bot in Teams: the connector refuses messages to them (403). */
  botBlockedBy: string[] = [];
  uploadSessions = new Map<string, UploadSession & { chunks: Buffer[] }>();
  private readonly memoryBlobs = new Map<string, Buffer>();
  private readonly dirty = new Map<string, JournalLine>();
  private saveTimer: NodeJS.Timeout | null = null;

  constructor(private readonly dir: string | null) {
    if (!dir) return;
    mkdirSync(join(dir, 'blobs'), { recursive: true });
    if (existsSync(join(dir, 'state.json'))) {
      const saved = JSON.parse(readFileSync(join(dir, 'state.json'), 'utf8')) as PersistedState;
      Object.assign(this, {
        ...saved,
        chats: saved.chats ?? [],
        meetingChats: saved.meetingChats ?? [],
        botBlockedBy: saved.botBlockedBy ?? [],
      });
    }
    if (existsSync(this.journalPath)) {
      const lines = readFileSync(this.journalPath, 'utf8')
        .split('\n')
        .filter((l) => l.trim());
      lines.forEach((line, index) => {
        try {
          this.replay(JSON.parse(line) as JournalLine);
        } catch (error) {
          // Only the last line can be cut short (a crash mid-append); everything before it stands.
          if (index !== lines.length - 1) throw error;
        }
      });
      this.compact();
    }
  }

  private get journalPath(): string {
    return join(this.dir!, 'journal.jsonl');
  }

  readBlob(key: string): Buffer {
    if (!this.dir) return this.memoryBlobs.get(key) ?? Buffer.alloc(0);
    return readFileSync(join(this.dir, 'blobs', key));
  }

  writeBlob(key: string, content: Buffer): void {
    if (!this.dir) this.memoryBlobs.set(key, content);
    else writeFileSync(join(this.dir, 'blobs', key), content);
  }

  /** Records that these records (new or changed) must be kept; a burst of changes costs one append. */
  changed(collection: SandboxCollection, ...records: { id: string }[]): void {
    for (const record of records) this.mark(`${collection}:${record.id}`, { c: collection, v: record });
  }

  removed(collection: SandboxCollection, id: string): void {
    this.mark(`${collection}:${id}`, { c: collection, removed: id });
  }

  blockedChanged(): void {
    this.mark('botBlockedBy', { c: 'botBlockedBy', v: this.botBlockedBy });
  }

  private mark(key: string, line: JournalLine): void {
    if (!this.dir) return;
    this.dirty.set(key, line);
    this.saveTimer ??= setTimeout(() => this.flush(), 50);
  }

  /** Appends what changed since the last flush (each record as it is now). */
  flush(): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    if (!this.dir || this.dirty.size === 0) return;
    const lines = [...this.dirty.values()].map((line) => JSON.stringify(line)).join('\n') + '\n';
    this.dirty.clear();
    appendFileSync(this.journalPath, lines);
    if (statSync(this.journalPath).size > compactAfterBytes) this.compact();
  }

  private replay(line: JournalLine): void {
    if (line.c === 'botBlockedBy') {
      this.botBlockedBy = line.v;
      return;
    }
    const list = this[line.c] as { id: string }[];
    const id = 'removed' in line ? line.removed : line.v.id;
    const index = list.findIndex((r) => r.id === id);
    if ('removed' in line) {
      if (index >= 0) list.splice(index, 1);
    } else if (index >= 0) list[index] = line.v;
    else list.push(line.v);
  }

  /** Folds the journal into a fresh snapshot. */
  private compact(): void {
    const state: PersistedState = {
      users: this.users,
      events: this.events,
      messages: this.messages,
      driveItems: this.driveItems,
      chats: this.chats,
      meetingChats: this.meetingChats,
      botBlockedBy: this.botBlockedBy,
    };
    const tmp = join(this.dir!, 'state.json.tmp');
    writeFileSync(tmp, JSON.stringify(state));
    renameSync(tmp, join(this.dir!, 'state.json'));
    rmSync(this.journalPath, { force: true });
  }

  findUser(idOrUpn: string): SandboxUser | undefined {
    const key = decodeURIComponent(idOrUpn).toLowerCase();
    return this.users.find((u) => u.id === key || u.userPrincipalName.toLowerCase() === key || u.mail.toLowerCase() === key);
  }
}
