import type { RateWindow } from './teams-rate-limits.js';
import { chatReadyAt, firstFreeSlot, longestWindowMs, slotAt, slotStart } from './teams-send-slots.js';

/**
 * The send-slot timeline kept in this process, for embedded PGlite: that
 * database belongs to one process, so there is no other instance to share
 * slots with, and the timeline costs no database round trip per message.
 * The decisions are the same pure ones the PostgreSQL timeline makes
 * (src/store/send-slots-repository.ts).
 */
export function memorySendTimeline(chatWindows: readonly RateWindow[], clock: () => number = Date.now) {
  const tenants = new Map<string, number[]>();
  const chats = new Map<string, number[]>();
  const keepMs = longestWindowMs(chatWindows);

  return async (tenantId: string, conversationId: string): Promise<{ waitMs: number }> => {
    const nowMs = clock();
    const oldest = slotAt(nowMs - keepMs);
    const chatKey = `${tenantId}\u0000${conversationId}`;
    const chat = (chats.get(chatKey) ?? []).filter((s) => s >= oldest);
    const from = slotAt(chatReadyAt(nowMs, chat, chatWindows));
    // The tenant's slots from now on, ascending (the past ones can no longer be taken).
    const taken = (tenants.get(tenantId) ?? []).filter((s) => s >= slotAt(nowMs));
    const slot = firstFreeSlot(from, taken);
    const at = taken.findIndex((s) => s > slot);
    taken.splice(at === -1 ? taken.length : at, 0, slot);
    tenants.set(tenantId, taken);
    chat.push(slot);
    chats.set(chatKey, chat);
    if (chats.size > 50_000) for (const [key, slots] of chats) if (slots.at(-1)! < oldest) chats.delete(key);
    return { waitMs: Math.max(0, slotStart(slot) - nowMs) };
  };
}
