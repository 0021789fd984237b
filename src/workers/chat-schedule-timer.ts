import type { AppContext } from '../app/app-context.js';
import { runChatSchedule } from '../app/chat/run-chat-schedule.js';
import type { ChatScheduleSettings } from '../domain/chat-schedule.js';

/**
 * The scheduler's clock: every interval, queue whatever reminders,
 * preparation cards and evaluations are due. Any number of instances may tick;
 * the outbox keys admit each prompt once. Returns a stop function.
 */
export function startChatScheduleTimer(ctx: AppContext, settings: ChatScheduleSettings, everyMs: number): () => void {
  const timer = setInterval(() => void runChatSchedule(ctx, settings).catch((e) => console.error('Chat schedule failed:', e)), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
