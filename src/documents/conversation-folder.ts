import type { Conversation } from '../domain/conversation.js';
import { toCopenhagenWallClock } from '../domain/copenhagen-time.js';
import { serverTexts } from '../i18n/messages.js';

/**
 * One folder per school year / school / conversation, e.g.
 * "Skoleudviklingssamtaler/2025-26/Bakkeskolen/2026-03-12 samtale 1a2b3c4d".
 * The id suffix keeps two conversations on one day apart.
 */
export function conversationFolder(conversation: Pick<Conversation, 'schoolYear' | 'schoolName' | 'startsAt' | 'id'>): string[] {
  return [
    serverTexts.da.documents.rootFolder,
    conversation.schoolYear.replace('/', '-'),
    conversation.schoolName,
    `${toCopenhagenWallClock(conversation.startsAt).slice(0, 10)} samtale ${conversation.id.slice(0, 8)}`,
  ];
}
