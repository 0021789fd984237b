import type { Queryable } from './database.js';

export interface M365Links {
  eventId: string | null;
  /** The iCalendar UID all copies of the meeting share. */
  iCalUId: string | null;
  eventWebLink: string | null;
  joinUrl: string | null;
  folderItemId: string | null;
  folderWebUrl: string | null;
  agendaItemId: string | null;
  agendaWebUrl: string | null;
  /** Hash of the invitation Graph has now; a different hash means the event must be patched. */
  invitationHash: string | null;
  /** When Outlook cancelled the event for everyone. */
  eventCancelledAt: string | null;
  /** When invitees' answers were last read from the organiser's event. */
  responsesSyncedAt: string | null;
  /** The Teams meeting behind the event, by Graph's ids: its online meeting and its chat's thread id. */
  onlineMeetingId: string | null;
  chatThreadId: string | null;
  /** When the app was installed in the meeting's chat (with its side-panel tab). */
  meetingAppInstalledAt: string | null;
  meetingTabId: string | null;
  /** When Teams said the meeting started. */
  meetingStartedAt: string | null;
  /** The folder's path in the library once created, e.g. ["Skoleudviklingssamtaler", "2026-27", "Bakkeskolen", "2027-03-10 kl. 09.00"]. */
  folderPath: string[] | null;
}

const columns: Record<keyof M365Links, string> = {
  eventId: 'event_id',
  iCalUId: 'ical_uid',
  eventWebLink: 'event_web_link',
  joinUrl: 'join_url',
  folderItemId: 'folder_item_id',
  folderWebUrl: 'folder_web_url',
  agendaItemId: 'agenda_item_id',
  agendaWebUrl: 'agenda_web_url',
  invitationHash: 'invitation_hash',
  eventCancelledAt: 'event_cancelled_at',
  responsesSyncedAt: 'responses_synced_at',
  folderPath: 'folder_path',
  onlineMeetingId: 'online_meeting_id',
  chatThreadId: 'chat_thread_id',
  meetingAppInstalledAt: 'meeting_app_installed_at',
  meetingTabId: 'meeting_tab_id',
  meetingStartedAt: 'meeting_started_at',
};

export const m365LinksRepository = {
  /** The conversation whose meeting has this iCalendar UID. */
  async conversationByICalUid(db: Queryable, iCalUId: string): Promise<string | null> {
    const [row] = await db.query<{ conversation_id: string }>('select conversation_id from m365_links where ical_uid = $1', [iCalUId]);
    return row?.conversation_id ?? null;
  },

  /** The conversation whose Teams meeting has this chat (the side panel and the bot know only the chat). */
  async conversationByChatThread(db: Queryable, chatThreadId: string): Promise<string | null> {
    const [row] = await db.query<{ conversation_id: string }>('select conversation_id from m365_links where chat_thread_id = $1', [
      chatThreadId,
    ]);
    return row?.conversation_id ?? null;
  },

  async get(db: Queryable, conversationId: string): Promise<M365Links> {
    const [row] = await db.query<Record<string, any>>('select * from m365_links where conversation_id = $1', [conversationId]);
    return Object.fromEntries(Object.entries(columns).map(([key, column]) => [key, row?.[column] ?? null])) as unknown as M365Links;
  },

  async save(db: Queryable, conversationId: string, links: Partial<M365Links>): Promise<void> {
    // folder_path is jsonb: arrays travel as JSON text.
    const entries = Object.entries(links)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]): [string, unknown] => [k, Array.isArray(v) ? JSON.stringify(v) : v]);
    if (entries.length === 0) return;
    const sets = entries.map(([key], i) => `${columns[key as keyof M365Links]} = $${i + 2}`).join(', ');
    await db.query(`update m365_links set ${sets} where conversation_id = $1`, [conversationId, ...entries.map(([, v]) => v)]);
  },
};
