import { applyAgendaAction, newAgendaRun, type AgendaAction, type AgendaRun, type ClockItem } from '../../domain/agenda-clock.js';
import type { Conversation } from '../../domain/conversation.js';
import { AppError, DomainError } from '../../domain/errors.js';
import { conversationPolicy, type Actor } from '../../policies/conversation-policy.js';
import { meetingChangesChannel, meetingRunsRepository } from '../../store/meeting-runs-repository.js';
import { conversationRepository } from '../../store/conversation-repository.js';
import type { Queryable } from '../../store/database.js';
import { loadReadableConversation } from '../conversation/load-conversation.js';
import type { AppContext } from '../app-context.js';

export interface LiveRunView {
  run: AgendaRun;
  version: number;
  serverNow: Date;
}

export interface LiveAgendaView {
  conversation: Conversation;
  canDrive: boolean;
  live: LiveRunView;
}

const clockItems = (conversation: Conversation): ClockItem[] =>
  conversation.template.items.map((item) => ({ key: item.key, minutes: item.minutes }));

/** The run as stored, or a fresh one (not started) for a meeting nobody has started yet. */
export async function currentRun(db: Queryable, conversation: Conversation, now: Date): Promise<LiveRunView> {
  const stored = await meetingRunsRepository.get(db, conversation.id);
  return { run: stored?.run ?? newAgendaRun(clockItems(conversation)), version: stored?.version ?? 0, serverNow: now };
}

/** The live agenda for the side panel and the stage: every participant (and the municipal lead) may watch it. */
export async function viewLiveAgenda(ctx: AppContext, actor: Actor, conversationId: string): Promise<LiveAgendaView> {
  const { conversation } = await loadReadableConversation(ctx.db, actor, conversationId);
  return {
    conversation,
    canDrive: conversationPolicy.canFacilitate(actor, conversation),
    live: await currentRun(ctx.db, conversation, ctx.now()),
  };
}

/**
 * Start, pause, move on, move minutes, end: only those who run the meeting
 * (the facilitator, or the school leader or the municipality's representative
 * standing in). The run is locked while it changes, so two presses at once
 * are taken one after the other; "next" names the item it moves on from, so
 * the second of two simultaneous presses changes nothing. Every open view
 * hears the change when the transaction commits.
 */
export async function driveAgenda(ctx: AppContext, actor: Actor, conversationId: string, action: AgendaAction): Promise<LiveRunView> {
  return ctx.db.transaction(async (tx) => {
    const { conversation } = await loadReadableConversation(tx, actor, conversationId, true);
    if (!conversationPolicy.canFacilitate(actor, conversation)) throw new AppError('MEETING_NOT_DRIVER');
    if (conversation.status === 'cancelled') throw new DomainError('AGENDA_ACTION_NOT_POSSIBLE', { reason: 'cancelled' });
    const now = ctx.now();
    const stored = await meetingRunsRepository.get(tx, conversationId, { forUpdate: true });
    const run = stored?.run ?? newAgendaRun(clockItems(conversation));
    const next = applyAgendaAction(run, clockItems(conversation), action, now);
    if (next === run && stored) return { run, version: stored.version, serverNow: now };
    const version = await meetingRunsRepository.save(tx, conversationId, next);
    return { run: next, version, serverNow: now };
  });
}

/** Teams says the meeting ended: a run still going stops there, so what each item took is known. */
export async function endRunAtMeetingEnd(db: Queryable, conversation: Conversation, now: Date): Promise<void> {
  const stored = await meetingRunsRepository.get(db, conversation.id, { forUpdate: true });
  if (!stored || stored.run.status === 'ended' || stored.run.status === 'notStarted') return;
  await meetingRunsRepository.save(db, conversation.id, applyAgendaAction(stored.run, clockItems(conversation), { kind: 'end' }, now));
}

/** The run as every open view should now show it (the stream has checked each viewer when they opened it). */
export async function liveRunOf(ctx: AppContext, conversationId: string): Promise<LiveRunView | null> {
  const stored = await conversationRepository.get(ctx.db, conversationId);
  return stored ? currentRun(ctx.db, stored.conversation, ctx.now()) : null;
}

/** Hears every change to any conversation's live agenda or rounds, from any instance (the id of the conversation that changed). */
export function followMeetingChanges(ctx: AppContext, handler: (conversationId: string) => void): Promise<() => Promise<void>> {
  return ctx.db.listen(meetingChangesChannel, handler);
}
