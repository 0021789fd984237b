import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reserveSendSlot } from '../../src/store/send-slots-repository.js';
import { pacedConversationLimits } from '../../bot/chat-pacer.js';
import { SlidingWindowLimiter, teamsConversationLimits, teamsTenantLimits } from '../../src/m365/teams-rate-limits.js';
import { sendSlotMs, slotStart } from '../../src/m365/teams-send-slots.js';
import type { Database } from '../../src/store/database.js';
import { databaseKind, openTestDatabase } from '../support/test-database.js';

let db: Awaited<ReturnType<typeof openTestDatabase>>;
let second: Database;
beforeAll(async () => {
  db = await openTestDatabase();
  second = await db.another();
});
afterAll(() => db.drop());

const tenant = '8f6c1b52-0d3e-4a7b-9c21-5e4d3c2b1a00';

describe(`Teams' limits across instances (${databaseKind()})`, () => {
  it('gives two instances sending at once one shared timeline: every slot once, no window over its limit, 45–50 a second', async () => {
    const reserve = (instance: Database, chat: string) => reserveSendSlot(instance, tenant, chat, pacedConversationLimits);
    const waits = await Promise.all([
      ...Array.from({ length: 300 }, (_, i) => reserve(i % 2 ? second : db, `a:${i}`)),
      // One chat both instances answer in, twenty times.
      ...Array.from({ length: 20 }, (_, i) => reserve(i % 2 ? second : db, 'a:busy')),
    ]);
    const rows = await db.query<{ slot: string; conversation_id: string }>(
      'select slot, conversation_id from teams_send_slots where tenant_id = $1 order by slot',
      [tenant],
    );
    expect(rows).toHaveLength(320);
    const teams = new SlidingWindowLimiter(teamsTenantLimits);
    const chats = new SlidingWindowLimiter(teamsConversationLimits);
    for (const row of rows) {
      const at = slotStart(Number(row.slot)) + (Number(row.slot) % 3) * 7; // each send leaves up to a slot late
      expect(teams.tryTake('app', at).ok).toBe(true);
      expect(chats.tryTake(row.conversation_id, at).ok).toBe(true);
    }
    const fanOut = rows.filter((r) => r.conversation_id !== 'a:busy').map((r) => slotStart(Number(r.slot)));
    const perSecond = (fanOut.length - 1) / ((fanOut.at(-1)! - fanOut[0]!) / 1000);
    expect(perSecond).toBeGreaterThan(45);
    expect(perSecond).toBeLessThanOrEqual(50);
    // The callers were told to wait in step with their slots (a few seconds for the last, not minutes).
    expect(Math.max(...waits.map((w) => w.waitMs))).toBeGreaterThan(300 * sendSlotMs * 0.8);
    expect(Math.max(...waits.map((w) => w.waitMs))).toBeLessThan(60_000);
  });
});
