import { z } from 'zod';
import type { ConversationStatus } from './conversation-lifecycle.js';
import { DomainError } from './errors.js';

/** "Samtale om samtalen": three open questions and a 1–5 rating, per participant. */
export const evaluationAnswerSchema = z.object({
  wentWell: z.string().trim().max(4000).default(''),
  adjust: z.string().trim().max(4000).default(''),
  carryForward: z.string().trim().max(4000).default(''),
  rating: z.coerce.number().int().min(1).max(5),
});
export type EvaluationAnswer = z.infer<typeof evaluationAnswerSchema>;

export interface StoredEvaluation extends EvaluationAnswer {
  conversationId: string;
  upn: string;
  answeredAt: Date;
}

/**
 * Answerable once the meeting has begun — it is sent at the planned end, or
 * earlier when Teams says the meeting ended — until the minutes are approved.
 * Null when open, else why not.
 */
export function evaluationClosedReason(
  status: ConversationStatus,
  startsAt: Date,
  now: Date,
): 'EVALUATION_CLOSED' | 'EVALUATION_NOT_YET' | null {
  if (['minutesApproved', 'published', 'cancelled'].includes(status)) return 'EVALUATION_CLOSED';
  if (now.getTime() < startsAt.getTime()) return 'EVALUATION_NOT_YET';
  return null;
}

export function assertEvaluationOpen(status: ConversationStatus, startsAt: Date, now: Date): void {
  const reason = evaluationClosedReason(status, startsAt, now);
  if (reason) throw new DomainError(reason, {});
}

export interface EvaluationSummary {
  responses: number;
  /** How many gave each rating, index 0 = rating 1. */
  ratingCounts: [number, number, number, number, number];
  averageRating: number | null;
  wentWell: string[];
  adjust: string[];
  carryForward: string[];
}

/** The aggregate is anonymous on purpose: texts without names, so people write freely. */
export function summarizeEvaluations(evaluations: readonly EvaluationAnswer[]): EvaluationSummary {
  const ratingCounts: EvaluationSummary['ratingCounts'] = [0, 0, 0, 0, 0];
  for (const e of evaluations) ratingCounts[e.rating - 1]!++;
  const total = evaluations.reduce((sum, e) => sum + e.rating, 0);
  const texts = (pick: (e: EvaluationAnswer) => string) => evaluations.map(pick).filter((t) => t.trim().length > 0);
  return {
    responses: evaluations.length,
    ratingCounts,
    averageRating: evaluations.length === 0 ? null : Math.round((total / evaluations.length) * 10) / 10,
    wentWell: texts((e) => e.wentWell),
    adjust: texts((e) => e.adjust),
    carryForward: texts((e) => e.carryForward),
  };
}

/**
 * The evaluation as a first draft for the minutes' evaluation item: the
 * figures and the texts, without names. Danish, as the minutes are.
 */
export function evaluationDraft(summary: EvaluationSummary): string | null {
  if (summary.responses === 0) return null;
  const lines = [
    `Evaluering i Teams-chatten: ${summary.responses} svar, gennemsnitlig vurdering ${String(summary.averageRating).replace('.', ',')} af 5.`,
  ];
  const section = (title: string, texts: string[]) => {
    if (texts.length > 0) lines.push(`${title}\n${texts.map((t) => `- ${t}`).join('\n')}`);
  };
  section('Det fungerede godt:', summary.wentWell);
  section('Kan med fordel justeres:', summary.adjust);
  section('Tages med videre:', summary.carryForward);
  return lines.join('\n\n');
}
