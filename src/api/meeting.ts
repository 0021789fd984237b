import * as z from 'zod/mini';
import { instant, nullableString, roleSchema } from './common.js';

/** The live agenda's state as the domain keeps it (src/domain/agenda-clock.ts): every view computes its clock from it. */
export const agendaRunSchema = z.object({
  status: z.enum(['notStarted', 'running', 'paused', 'ended']),
  currentIndex: z.number(),
  minutes: z.record(z.string(), z.number()),
  actuals: z.record(z.string(), z.object({ startedAt: nullableString, endedAt: nullableString, runningMs: z.number() })),
  runningSince: nullableString,
  startedAt: nullableString,
  endedAt: nullableString,
});

/** What changes while the meeting runs, pushed to every open view (server-sent events) and read on load. */
export const liveRunSchema = z.object({
  run: agendaRunSchema,
  version: z.number(),
  /** The server's clock when this was sent: views count down from it, whatever their own clock says. */
  serverNow: instant,
});
export type LiveRun = z.infer<typeof liveRunSchema>;

export const liveAgendaSchema = z.object({
  conversationId: z.string(),
  schoolName: z.string(),
  startsAt: instant,
  endsAt: instant,
  /** Facilitator, school leader or the municipality's representative: may start, pause, move on and move minutes. */
  canDrive: z.boolean(),
  canFacilitate: z.boolean(),
  items: z.array(
    z.object({
      key: z.string(),
      title: z.string(),
      goal: z.string(),
      /** As the agenda planned it; the run's `minutes` holds what it has now. */
      minutes: z.number(),
      responsibleRoles: z.array(roleSchema),
      reflectionQuestions: z.array(z.string()),
    }),
  ),
  live: liveRunSchema,
});
export type LiveAgenda = z.infer<typeof liveAgendaSchema>;

export const agendaActionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('start') }),
  z.object({ kind: z.literal('pause') }),
  z.object({ kind: z.literal('resume') }),
  z.object({ kind: z.literal('next'), fromItemKey: z.string() }),
  z.object({ kind: z.literal('moveMinutes'), fromItemKey: z.string(), toItemKey: z.string(), minutes: z.number() }),
  z.object({ kind: z.literal('end') }),
]);
