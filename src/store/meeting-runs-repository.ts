import { z } from 'zod';
import type { AgendaRun } from '../domain/agenda-clock.js';
import type { Queryable } from './database.js';

const agendaRunSchema: z.ZodType<AgendaRun> = z.object({
  status: z.enum(['notStarted', 'running', 'paused', 'ended']),
  currentIndex: z.number().int().min(0),
  minutes: z.record(z.string(), z.number().int().min(0)),
  actuals: z.record(
    z.string(),
    z.object({ startedAt: z.string().nullable(), endedAt: z.string().nullable(), runningMs: z.number().min(0) }),
  ),
  runningSince: z.string().nullable(),
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
});

/** Changes to a conversation's live agenda are announced on this channel, with the conversation id as payload. */
export const meetingChangesChannel = 'meeting_changes';

export const meetingRunsRepository = {
  async get(
    db: Queryable,
    conversationId: string,
    options: { forUpdate?: boolean } = {},
  ): Promise<{ run: AgendaRun; version: number } | null> {
    const [row] = await db.query<{ state: unknown; version: number }>(
      `select state, version from meeting_runs where conversation_id = $1${options.forUpdate ? ' for update' : ''}`,
      [conversationId],
    );
    return row ? { run: agendaRunSchema.parse(row.state), version: Number(row.version) } : null;
  },

  /** Stores the run and announces the change; the announcement reaches listeners when the transaction commits. */
  async save(tx: Queryable, conversationId: string, run: AgendaRun): Promise<number> {
    const [row] = await tx.query<{ version: number }>(
      `insert into meeting_runs (conversation_id, state) values ($1, $2)
       on conflict (conversation_id) do update set state = excluded.state, version = meeting_runs.version + 1, updated_at = now()
       returning version`,
      [conversationId, JSON.stringify(run)],
    );
    await announceMeetingChange(tx, conversationId);
    return Number(row!.version);
  },

  /** Every run that was started, with its conversation (the municipality's overview of overrunning items). */
  async started(db: Queryable): Promise<{ conversationId: string; run: AgendaRun }[]> {
    const rows = await db.query<{ conversation_id: string; state: unknown }>(
      `select conversation_id, state from meeting_runs where state->>'status' <> 'notStarted'`,
    );
    return rows.map((r) => ({ conversationId: r.conversation_id, run: agendaRunSchema.parse(r.state) }));
  },
};

/** Something shown live in the meeting changed (the agenda, a reflection round): every open view reads again. */
export async function announceMeetingChange(tx: Queryable, conversationId: string): Promise<void> {
  await tx.query('select pg_notify($1, $2)', [meetingChangesChannel, conversationId]);
}
