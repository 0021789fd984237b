import * as z from 'zod/mini';
import { instant } from './common.js';

/** What the chat brought in: reflection rounds, evaluations, preparation answers. */
export const reflectionRoundSchema = z.object({
  round: z.object({
    id: z.string(),
    itemKey: z.string(),
    status: z.enum(['open', 'revealed', 'closed']),
    minutes: z.number(),
    invitedUpns: z.array(z.string()),
    speakingOrder: z.array(z.string()),
  }),
  version: z.number(),
  itemTitle: z.string(),
  questions: z.array(z.string()),
  answers: z.array(z.object({ upn: z.string(), displayName: z.string(), text: z.string(), updatedAt: instant })),
  answeredCount: z.number(),
  notAnswered: z.array(z.object({ upn: z.string(), displayName: z.string() })),
  delivery: z.object({ sent: z.number(), pending: z.number(), failed: z.number() }),
});
export type ReflectionRoundView = z.infer<typeof reflectionRoundSchema>;
export const reflectionRoundsSchema = z.object({ rounds: z.array(reflectionRoundSchema), roundId: z.optional(z.string()) });

export const evaluationSummarySchema = z.object({
  responses: z.number(),
  ratingCounts: z.tuple([z.number(), z.number(), z.number(), z.number(), z.number()]),
  averageRating: z.nullable(z.number()),
  wentWell: z.array(z.string()),
  adjust: z.array(z.string()),
  carryForward: z.array(z.string()),
});
export type EvaluationSummary = z.infer<typeof evaluationSummarySchema>;
const timeUseSchema = z.object({
  key: z.string(),
  title: z.string(),
  plannedMinutes: z.number(),
  actualMinutes: z.nullable(z.number()),
  overrunMinutes: z.nullable(z.number()),
});
export const conversationEvaluationSchema = z.object({
  ...evaluationSummarySchema.shape,
  invited: z.number(),
  timeUse: z.array(timeUseSchema),
});
export type ConversationEvaluation = z.infer<typeof conversationEvaluationSchema>;

export const municipalityEvaluationSchema = z.object({
  overall: evaluationSummarySchema,
  conversations: z.number(),
  bySchoolYear: z.array(z.object({ ...evaluationSummarySchema.shape, schoolYear: z.string() })),
  /** Agenda items that ran over across the schools' meetings (live agenda), most often first. */
  overrunItems: z.array(z.object({ title: z.string(), held: z.number(), overran: z.number(), averageOverrunMinutes: z.number() })),
});
export type MunicipalityEvaluation = z.infer<typeof municipalityEvaluationSchema>;

export const preparationAnswersSchema = z.object({
  upn: z.string(),
  displayName: z.string(),
  updatedAt: instant,
  answers: z.array(z.object({ questionId: z.string(), itemTitle: z.string(), text: z.string(), answer: z.string() })),
});
export type PreparationAnswers = z.infer<typeof preparationAnswersSchema>;
export const preparationListSchema = z.object({ answers: z.array(preparationAnswersSchema) });

/** A participant's own preparation: the questions for their role, their answers, whether answering is still open. */
export const ownPreparationSchema = z.object({
  questions: z.array(z.object({ id: z.string(), itemTitle: z.string(), text: z.string(), aboutTests: z.boolean() })),
  answers: z.record(z.string(), z.string()),
  open: z.boolean(),
});
export type OwnPreparation = z.infer<typeof ownPreparationSchema>;
