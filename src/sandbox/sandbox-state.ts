import { mkdirSync, readFileSync, writeFileSync, existsSync, renameSync } from 'node:fs';
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

interface PersistedState {
  users: SandboxUser[];
  events: SandboxEvent[];
  messages: SandboxMessage[];
  driveItems: SandboxDriveItem[];
  chats?: SandboxChat[];
  botBlockedBy?: string[];
}

/**
 * The sandbox tenant's data. In a data folder it survives restarts (state.json
 * plus one file per blob); without one it lives in memory, for tests.
 */
export class SandboxState {
  users: SandboxUser[] = [];
  events: SandboxEvent[] = [];
  messages: SandboxMessage[] = [];
  driveItems: SandboxDriveItem[] = [];
  chats: SandboxChat[] = [];
  /** People who blocked the bot in Teams: the connector refuses messages to them (403). */
  botBlockedBy: string[] = [];
  uploadSessions = new Map<string, UploadSession & { chunks: Buffer[] }>();
  private readonly memoryBlobs = new Map<string, Buffer>();
  private saveTimer: NodeJS.Timeout | null = null;

  constructor(private readonly dir: string | null) {
    if (dir && existsSync(join(dir, 'state.json'))) {
      const saved = JSON.parse(readFileSync(join(dir, 'state.json'), 'utf8')) as PersistedState;
      Object.assign(this, { ...saved, chats: saved.chats ?? [], botBlockedBy: saved.botBlockedBy ?? [] });
    }
    if (dir) mkdirSync(join(dir, 'blobs'), { recursive: true });
  }

  readBlob(key: string): Buffer {
    if (!this.dir) return this.memoryBlobs.get(key) ?? Buffer.alloc(0);
    return readFileSync(join(this.dir, 'blobs', key));
  }

  writeBlob(key: string, content: Buffer): void {
    if (!this.dir) this.memoryBlobs.set(key, content);
    else writeFileSync(join(this.dir, 'blobs', key), content);
  }

  /** Coalesces writes: a burst of Graph calls costs one file write. */
  changed(): void {
    if (!this.dir || this.saveTimer) return;
    this.saveTimer = setTimeout(() => this.flush(), 50);
  }

  flush(): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    if (!this.dir) return;
    const state: PersistedState = {
      users: this.users,
      events: this.events,
      messages: this.messages,
      driveItems: this.driveItems,
      chats: this.chats,
      botBlockedBy: this.botBlockedBy,
    };
    const tmp = join(this.dir, 'state.json.tmp');
    writeFileSync(tmp, JSON.stringify(state));
    renameSync(tmp, join(this.dir, 'state.json'));
  }

  findUser(idOrUpn: string): SandboxUser | undefined {
    const key = decodeURIComponent(idOrUpn).toLowerCase();
    return this.users.find((u) => u.id === key || u.userPrincipalName.toLowerCase() === key || u.mail.toLowerCase() === key);
  }
}
