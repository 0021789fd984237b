import type { StoredConversationRef } from '../store/chat-users-repository.js';
import type { RetryHint } from './job-runner.js';

/** A message for a person's chat: text, a card, or both. */
export interface OutgoingMessage {
  text?: string;
  attachments?: { contentType: string; content: unknown }[];
}

/** The port the delivery job sends through; the Agents SDK adapter implements it. */
export interface ChatSender {
  send(ref: StoredConversationRef, message: OutgoingMessage): Promise<string>;
  update(ref: StoredConversationRef, activityId: string, message: OutgoingMessage): Promise<void>;
}

/** A Bot Connector refusal, with what Teams said about coming back. */
export class ChatDeliveryError extends Error implements RetryHint {
  constructor(
    readonly status: number,
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(`Bot Connector ${status}: ${message}`);
    this.name = 'ChatDeliveryError';
  }

  /** Teams' guidance: back off and retry on 429, 412 and the 5xx gateway errors; the rest will not get better. */
  get retryable(): boolean {
    return [412, 429, 500, 502, 503, 504].includes(this.status);
  }
}
