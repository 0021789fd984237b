import type { RateWindow } from './teams-rate-limits.js';

/**
 * Teams' limits as a timeline of send slots shared by every server instance
 * (the database holds it). Pure: the repository reads and writes, this decides.
 *
 * The tenant limit (50 messages a second per app) is held by slots of 21 ms
 * with one message each: any second spans at most 48 slots, so even when the
 * sends leave a few milliseconds early or late, Teams never counts 50 in a
 * second, and the timeline still carries 47.6 a second. Slots are taken in any
 * order — a chat waiting for its own window takes a later slot while others
 * fill the earlier ones — so one busy chat does not hold back the rest.
 */
export const sendSlotMs = 21;

export const slotAt = (ms: number): number => Math.ceil(ms / sendSlotMs);
export const slotStart = (slot: number): number => slot * sendSlotMs;

/**
 * The earliest time one more message may go to this chat: after its last
 * reserved message, and for every window, a full window after the message
 * that would otherwise be one too many. `reserved` are the chat's slots,
 * oldest first, future reservations included.
 */
export function chatReadyAt(nowMs: number, reserved: readonly number[], windows: readonly RateWindow[]): number {
  const times = reserved.map(slotStart);
  let ready = nowMs;
  if (times.length > 0) ready = Math.max(ready, times.at(-1)! + sendSlotMs);
  for (const { limit, windowMs } of windows) {
    if (times.length >= limit) ready = Math.max(ready, times[times.length - limit]! + windowMs);
  }
  return ready;
}

/** The first slot from `from` on that no message holds yet; `taken` ascending. */
export function firstFreeSlot(from: number, taken: readonly number[]): number {
  let slot = from;
  for (const t of taken) {
    if (t < slot) continue;
    if (t > slot) break;
    slot++;
  }
  return slot;
}

/** The longest of the chat windows: older reservations no longer matter (and may be cleared). */
export const longestWindowMs = (windows: readonly RateWindow[]): number => Math.max(...windows.map((w) => w.windowMs));
