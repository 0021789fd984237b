import type { Database } from './database.js';
import { chatReadyAt, firstFreeSlot, longestWindowMs, slotAt, slotStart } from '../m365/teams-send-slots.js';
import type { RateWindow } from '../m365/teams-rate-limits.js';

/**
 * Reserves a send slot on the tenant's shared timeline in one short
 * transaction under an advisory lock (per tenant), so two instances never
 * take the same slot or overfill a chat's window. Time is the database's
 * clock, the one clock every instance shares; the caller gets how long to
 * wait from now. A reservation an instance never uses (it crashed) only
 * leaves a gap.
 */
export async function reserveSendSlot(
  db: Database,
  tenantId: string,
  conversationId: string,
  chatWindows: readonly RateWindow[],
): Promise<{ waitMs: number }> {
  return db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock(5050, hashtext($1))', [tenantId]);
    const [clock] = await tx.query<{ now_ms: number }>(`select (extract(epoch from clock_timestamp()) * 1000)::float8 as now_ms`);
    const nowMs = Number(clock!.now_ms);
    const oldest = slotAt(nowMs - longestWindowMs(chatWindows));
    const chat = await tx.query<{ slot: string }>(
      `select slot from teams_send_slots where tenant_id = $1 and conversation_id = $2 and slot >= $3 order by slot`,
      [tenantId, conversationId, oldest],
    );
    const from = slotAt(
      chatReadyAt(
        nowMs,
        chat.map((r) => Number(r.slot)),
        chatWindows,
      ),
    );
    const taken = await tx.query<{ slot: string }>(
      `select slot from teams_send_slots where tenant_id = $1 and slot >= $2 order by slot limit 20000`,
      [tenantId, from],
    );
    const slot = firstFreeSlot(
      from,
      taken.map((r) => Number(r.slot)),
    );
    await tx.query('insert into teams_send_slots (tenant_id, slot, conversation_id) values ($1, $2, $3)', [tenantId, slot, conversationId]);
    // Now and then (one reservation in 500), slots older than every window go.
    if (slot % 500 === 0) await tx.query('delete from teams_send_slots where tenant_id = $1 and slot < $2', [tenantId, oldest]);
    return { waitMs: Math.max(0, slotStart(slot) - nowMs) };
  });
}
