import type { Queryable } from './database.js';
import type { Conversation, Participant } from '../domain/conversation.js';
import { conversationStatusSchema } from '../domain/conversation-lifecycle.js';
import { templateSchema } from '../domain/template.js';
import { participantSchema } from '../domain/conversation.js';
import { AppError } from '../domain/errors.js';

export interface StoredConversation {
  conversation: Conversation;
  version: number;
  /** When it was planned. */
  createdAt: Date;
}

type Row = Record<string, any>;

const toDate = (value: unknown): Date => (value instanceof Date ? value : new Date(String(value)));

function fromRows(row: Row, participants: Row[]): StoredConversation {
  return {
    version: Number(row.version),
    createdAt: toDate(row.created_at),
    conversation: {
      id: row.id,
      municipality: row.municipality,
      schoolId: row.school_id,
      schoolName: row.school_name,
      schoolYear: row.school_year,
      organizerUpn: row.organizer_upn,
      schoolLeaderUpn: row.school_leader_upn,
      template: templateSchema.parse(row.template),
      theme: row.theme,
      extraTopics: row.extra_topics as string[],
      startsAt: toDate(row.starts_at),
      endsAt: toDate(row.ends_at),
      status: conversationStatusSchema.parse(row.status),
      developmentAreas: row.development_areas,
      learningFocus: row.learning_focus,
      agendaSentAt: row.agenda_sent_at ? toDate(row.agenda_sent_at) : null,
      firstConversation: row.first_conversation === true,
      cancellationMessage: row.cancellation_message ?? '',
      participants: participants.map((p) =>
        participantSchema.parse({
          upn: p.upn,
          displayName: p.display_name,
          role: p.role,
          response: p.response,
          external: p.external,
          invited: p.invited,
        }),
      ),
    },
  };
}

/** The participants in their order, in one statement (a fresh conversation has none to delete first). */
async function writeParticipants(tx: Queryable, id: string, participants: readonly Participant[], fresh = false): Promise<void> {
  if (!fresh) await tx.query('delete from participants where conversation_id = $1', [id]);
  if (participants.length === 0) return;
  await tx.query(
    `insert into participants (conversation_id, upn, display_name, role, response, position, external, invited)
     select $1, * from unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $7::boolean[], $8::boolean[])`,
    [
      id,
      participants.map((p) => p.upn),
      participants.map((p) => p.displayName),
      participants.map((p) => p.role),
      participants.map((p) => p.response),
      participants.map((_, position) => position),
      participants.map((p) => p.external),
      participants.map((p) => p.invited),
    ],
  );
}

export const conversationRepository = {
  /**
   * Inserts unless a plan is there already (same key, or same school and
   * start); then returns the one that holds the place, with the key and the
   * request hash it was made with, so the caller can tell a retry from a clash.
   */
  async insert(
    tx: Queryable,
    conversation: Conversation,
    idempotencyKey: string,
    requestHash: string,
  ): Promise<{ id: string; created: true } | { id: string; created: false; idempotencyKey: string; requestHash: string | null }> {
    const inserted = await tx.query<{ id: string }>(
      `insert into conversations (id, idempotency_key, municipality, school_id, school_name, school_year, organizer_upn,
         school_leader_upn, template, theme, extra_topics, starts_at, ends_at, status, request_hash)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
       on conflict do nothing returning id`,
      [
        conversation.id,
        idempotencyKey,
        conversation.municipality,
        conversation.schoolId,
        conversation.schoolName,
        conversation.schoolYear,
        conversation.organizerUpn,
        conversation.schoolLeaderUpn,
        JSON.stringify(conversation.template),
        conversation.theme,
        JSON.stringify(conversation.extraTopics),
        conversation.startsAt,
        conversation.endsAt,
        conversation.status,
        requestHash,
      ],
    );
    if (inserted.length === 0) {
      const [existing] = await tx.query<{ id: string; idempotency_key: string; request_hash: string | null }>(
        `select id, idempotency_key, request_hash from conversations where idempotency_key = $1 or (school_id = $2 and starts_at = $3)
         order by (idempotency_key = $1) desc limit 1`,
        [idempotencyKey, conversation.schoolId, conversation.startsAt],
      );
      return { id: existing!.id, created: false, idempotencyKey: existing!.idempotency_key, requestHash: existing!.request_hash };
    }
    await writeParticipants(tx, conversation.id, conversation.participants, true);
    await tx.query('insert into m365_links (conversation_id) values ($1)', [conversation.id]);
    return { id: conversation.id, created: true };
  },

  async get(db: Queryable, id: string, options: { forUpdate?: boolean } = {}): Promise<StoredConversation | null> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
    // One round trip: the participants come along as a JSON array.
    const [row] = await db.query<Row>(
      `select c.*, (select coalesce(json_agg(p order by p.position), '[]'::json) from participants p where p.conversation_id = c.id)
         as participant_rows
       from conversations c where c.id = $1${options.forUpdate ? ' for update of c' : ''}`,
      [id],
    );
    if (!row) return null;
    return fromRows(row, row.participant_rows as Row[]);
  },

  /** A change of status alone (the invitation went out): one statement, no rewrite of the participants. */
  async updateStatus(tx: Queryable, id: string, status: Conversation['status'], expectedVersion: number): Promise<number> {
    const updated = await tx.query<{ version: number }>(
      `update conversations set status = $3, version = version + 1, updated_at = now() where id = $1 and version = $2 returning version`,
      [id, expectedVersion, status],
    );
    if (!updated[0]) throw new AppError('VERSION_CONFLICT', { id });
    return Number(updated[0].version);
  },

  /**
   * Optimistic concurrency: the save wins only if nobody saved since
   * `expectedVersion` was read. Moving onto another conversation's school and
   * start is refused (one conversation per school per start time).
   */
  async update(tx: Queryable, conversation: Conversation, expectedVersion: number): Promise<number> {
    const clash = await tx.query<{ id: string }>('select id from conversations where school_id = $1 and starts_at = $2 and id <> $3', [
      conversation.schoolId,
      conversation.startsAt,
      conversation.id,
    ]);
    if (clash[0])
      throw new AppError('CONVERSATION_EXISTS', {
        id: clash[0].id,
        schoolName: conversation.schoolName,
        startsAt: conversation.startsAt.toISOString(),
      });
    const updated = await tx.query<{ version: number }>(
      `update conversations set status = $3, development_areas = $4, learning_focus = $5, agenda_sent_at = $6,
          starts_at = $7, ends_at = $8, school_year = $9, theme = $10, extra_topics = $11, template = $12, first_conversation = $13,
          cancellation_message = $14,
          version = version + 1, updated_at = now()
       where id = $1 and version = $2 returning version`,
      [
        conversation.id,
        expectedVersion,
        conversation.status,
        conversation.developmentAreas,
        conversation.learningFocus,
        conversation.agendaSentAt,
        conversation.startsAt,
        conversation.endsAt,
        conversation.schoolYear,
        conversation.theme,
        JSON.stringify(conversation.extraTopics),
        JSON.stringify(conversation.template),
        conversation.firstConversation,
        conversation.cancellationMessage,
      ],
    );
    if (updated.length === 0) throw new AppError('VERSION_CONFLICT', { id: conversation.id });
    await writeParticipants(tx, conversation.id, conversation.participants);
    return Number(updated[0]!.version);
  },

  async setResponses(db: Queryable, id: string, responses: readonly { upn: string; response: string }[]): Promise<void> {
    for (const r of responses) {
      await db.query(
        `update participants set response = $3 where conversation_id = $1 and lower(upn) = lower($2) and role <> 'municipalLead'`,
        [id, r.upn, r.response],
      );
    }
  },

  /** Conversations a person may see: all of the municipality's for a municipal lead, else those they take part in. */
  async listVisible(db: Queryable, upn: string, isMunicipalLead: boolean): Promise<StoredConversation[]> {
    const rows = isMunicipalLead
      ? await db.query<Row>('select * from conversations order by starts_at desc limit 500')
      : await db.query<Row>(
          `select c.* from conversations c
           where exists (select 1 from participants p where p.conversation_id = c.id and lower(p.upn) = lower($1))
           order by c.starts_at desc limit 500`,
          [upn],
        );
    if (rows.length === 0) return [];
    const participants = await db.query<Row>('select * from participants where conversation_id = any($1::uuid[]) order by position', [
      rows.map((r) => r.id),
    ]);
    return rows.map((row) =>
      fromRows(
        row,
        participants.filter((p) => p.conversation_id === row.id),
      ),
    );
  },

  /** Conversations the chat scheduler looks at: active, starting within the horizon or ended in the last month. */
  async listForSchedule(db: Queryable, now: Date, horizonDays: number): Promise<Conversation[]> {
    const rows = await db.query<Row>(
      `select * from conversations
       where status in ('draft', 'invited', 'agendaSent', 'held', 'minutesDrafted')
         and starts_at <= $1::timestamptz + make_interval(days => $2) and ends_at >= $1::timestamptz - interval '30 days'
       order by starts_at limit 2000`,
      [now, horizonDays],
    );
    if (rows.length === 0) return [];
    const participants = await db.query<Row>('select * from participants where conversation_id = any($1::uuid[]) order by position', [
      rows.map((r) => r.id),
    ]);
    return rows.map(
      (row) =>
        fromRows(
          row,
          participants.filter((p) => p.conversation_id === row.id),
        ).conversation,
    );
  },

  /** How many conversations (not cancelled) the school had before this start: none means this may be its first. */
  async countEarlier(db: Queryable, schoolId: string, startsAt: Date): Promise<number> {
    const [row] = await db.query<{ n: number }>(
      `select count(*)::int as n from conversations where school_id = $1 and starts_at < $2 and status <> 'cancelled'`,
      [schoolId, startsAt],
    );
    return Number(row?.n ?? 0);
  },

  /** Every conversation of a school year, cancelled ones included (the annual cycle shows them). */
  async listForSchoolYear(db: Queryable, schoolYear: string): Promise<StoredConversation[]> {
    const rows = await db.query<Row>('select * from conversations where school_year = $1 order by starts_at', [schoolYear]);
    if (rows.length === 0) return [];
    const participants = await db.query<Row>('select * from participants where conversation_id = any($1::uuid[])', [rows.map((r) => r.id)]);
    return rows.map((row) =>
      fromRows(
        row,
        participants.filter((p) => p.conversation_id === row.id),
      ),
    );
  },

  /** The schools that have a conversation (planned or held, not cancelled) in a school year. */
  async schoolsWithConversation(db: Queryable, schoolYear: string): Promise<Set<string>> {
    const rows = await db.query<{ school_id: string }>(
      `select distinct school_id from conversations where school_year = $1 and status <> 'cancelled'`,
      [schoolYear],
    );
    return new Set(rows.map((r) => r.school_id));
  },

  async idByJoinUrl(db: Queryable, joinUrl: string): Promise<string | null> {
    const [row] = await db.query<{ conversation_id: string }>('select conversation_id from m365_links where join_url = $1', [joinUrl]);
    return row?.conversation_id ?? null;
  },

  /**
   * The conversation with only one participant's row: what a chat message to
   * that person needs. A round for a thousand people reads one row each, not
   * a thousand.
   */
  async getForParticipant(db: Queryable, id: string, upn: string): Promise<Conversation | null> {
    const [row] = await db.query<Row>('select * from conversations where id = $1', [id]);
    if (!row) return null;
    const participants = await db.query<Row>('select * from participants where conversation_id = $1 and lower(upn) = lower($2)', [id, upn]);
    return fromRows(row, participants).conversation;
  },
};
