import { z } from 'zod';
import { evaluationAnswerSchema } from '../src/domain/evaluation.js';
import { maxAnswerLength } from './cards/reflection-card.js';

/**
 * What a card's Action.Execute sends back: the action's own data merged with
 * the inputs. Everything from a card is untrusted input; these schemas are
 * the only way in.
 */
const id = z.string().min(1).max(100);

export const reflectionRefSchema = z.object({ roundId: id });
export const reflectionAnswerSchema = z.object({ roundId: id, answer: z.string().trim().min(1).max(maxAnswerLength) });
export const conversationRefSchema = z.object({ conversationId: z.uuid() });
export const preparationSubmitSchema = z
  .object({ conversationId: z.uuid() })
  .catchall(z.unknown())
  .transform((value, ctx) => {
    const answers: Record<string, string> = {};
    for (const [key, raw] of Object.entries(value)) {
      if (!key.startsWith('q__')) continue;
      if (typeof raw !== 'string' || raw.length > 4000) {
        ctx.addIssue({ code: 'custom', message: 'answer too long', path: [key] });
        return z.NEVER;
      }
      if (raw.trim()) answers[key] = raw.trim();
    }
    return { conversationId: value.conversationId, answers };
  });
export const evaluationSubmitSchema = z.object({ conversationId: z.uuid() }).and(evaluationAnswerSchema);
