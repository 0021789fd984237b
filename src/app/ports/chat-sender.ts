import { z } from 'zod';
import type { Role } from '../../domain/roles.js';
import type { RoundStatus } from '../../domain/reflection-round.js';
import type { EvaluationAnswer } from '../../domain/evaluation.js';
import { RemoteError } from './remote-error.js';

/** The parts of a Bot Framework conversation reference we keep: enough to write into a person's 1:1 chat later. */
export const chatReferenceSchema = z.object({
  serviceUrl: z.url(),
  channelId: z.string(),
  conversation: z.object({ id: z.string(), conversationType: z.string().optional(), tenantId: z.string().optional() }),
  bot: z.object({ id: z.string(), name: z.string().optional() }).optional(),
  user: z.object({ id: z.string(), aadObjectId: z.string().optional(), name: z.string().optional() }).optional(),
});
export type ChatReference = z.infer<typeof chatReferenceSchema>;

export type ChatLocale = 'da' | 'en';

/** What a chat card says about a conversation (welcome, reminders, "mine samtaler"). */
export interface ConversationFacts {
  id: string;
  schoolName: string;
  startsAt: Date;
  theme: string;
  role: Role;
  conversationUrl: string;
  agendaUrl: string | null;
}

export interface PreparationQuestion {
  /** "<itemKey>:<index>": stable across edits of other items. */
  id: string;
  itemTitle: string;
  text: string;
  /** About the national tests: the answer is read by every participant, so results must not be typed here. */
  aboutTests: boolean;
}

export interface ReflectionPrompt {
  roundId: string;
  itemTitle: string;
  questions: string[];
  minutes: number;
  roundStatus: RoundStatus;
  /** The person's own answer, if any. */
  answer: string | null;
}

export interface PreparationPrompt {
  conversationId: string;
  schoolName: string;
  startsAt: Date;
  questions: PreparationQuestion[];
  answers: Record<string, string> | null;
}

export interface EvaluationPrompt {
  conversationId: string;
  schoolName: string;
  answer: EvaluationAnswer | null;
  open: boolean;
}

export interface MinutesLinks {
  schoolName: string;
  internalUrl: string;
  publicDocxUrl: string;
  publicNoteUrl: string;
}

/**
 * What the product says to a person in chat, as data. The use cases decide
 * what to say from the state at sending time; the bot adapter draws it (an
 * Adaptive Card in the person's language).
 */
export type ChatPrompt =
  | { kind: 'welcome'; facts: ConversationFacts }
  | {
      kind: 'deadlineReminder';
      facts: ConversationFacts;
      /** When the card is drawn, and the agenda deadline: the card says how long is left, or that the deadline passed. */
      drawnAt: Date;
      agendaDueAt: Date;
    }
  /** The municipality reminds the school leader of what it is waiting for. */
  | { kind: 'nudge'; facts: ConversationFacts; items: ('agendaLate' | 'minutesLate' | 'noteNotLinked')[] }
  | { kind: 'preparation'; preparation: PreparationPrompt }
  | { kind: 'reflection'; reflection: ReflectionPrompt }
  | { kind: 'evaluation'; evaluation: EvaluationPrompt }
  | { kind: 'minutes'; minutes: MinutesLinks }
  /** A card redrawn for someone who was taken off the conversation: nothing more to answer. */
  | { kind: 'noLongerParticipant'; schoolName: string };

/** Sends into a person's 1:1 chat with the bot (the Bot Connector through the Agents SDK). */
export interface ChatSender {
  /** Returns the activity id the connector gave the message, for later updates. */
  send(ref: ChatReference, prompt: ChatPrompt, locale: ChatLocale): Promise<string>;
  /** Redraws a sent message in place (a round closed, the evaluation closed). */
  update(ref: ChatReference, activityId: string, prompt: ChatPrompt, locale: ChatLocale): Promise<void>;
}

/** Opens the 1:1 chat between a person and the bot, installing the app for them first when needed. */
export interface PersonalChats {
  open(aadObjectId: string): Promise<ChatReference>;
}

/** A Bot Connector refusal, with what Teams said about coming back. */
export class ChatDeliveryError extends RemoteError {
  constructor(status: number, message: string, retryAfterMs?: number) {
    super(status, 'BotConnector', `Bot Connector ${status}: ${message}`, retryAfterMs);
    this.name = 'ChatDeliveryError';
  }
}
