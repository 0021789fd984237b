import * as z from 'zod/mini';
import { instant } from './common.js';

/** The season planner's proposal: a slot per school, or why none and the nearest. */
export const seasonProposalSchema = z.object({
  schoolYear: z.string(),
  meetingMinutes: z.number(),
  proposals: z.array(
    z.object({
      schoolId: z.string(),
      schoolName: z.string(),
      leaderUpn: z.string(),
      kind: z.enum(['slot', 'noSlot']),
      startsAt: z.optional(instant),
      endsAt: z.optional(instant),
      reason: z.optional(z.object({ kind: z.enum(['busy', 'noSchoolDays']), people: z.optional(z.array(z.string())) })),
      nearest: z.optional(z.nullable(z.object({ startsAt: instant, endsAt: instant }))),
      unreadable: z.array(z.string()),
    }),
  ),
  alreadyPlanned: z.array(z.object({ schoolId: z.string(), schoolName: z.string(), conversationId: z.string(), startsAt: instant })),
  unreadable: z.array(z.string()),
});
export type SeasonProposalView = z.infer<typeof seasonProposalSchema>;

export const seasonPlanResultSchema = z.object({
  outcomes: z.array(
    z.object({
      schoolId: z.string(),
      outcome: z.enum(['planned', 'alreadyPlanned', 'refused']),
      conversationId: z.optional(z.string()),
      code: z.optional(z.string()),
      message: z.optional(z.string()),
    }),
  ),
});
export type SeasonPlanResult = z.infer<typeof seasonPlanResultSchema>;
