import type { Conversation } from '../domain/conversation.js';
import { toCopenhagenWallClock } from '../domain/copenhagen-time.js';
import { serverTexts } from '../i18n/messages.js';

/**
 * One folder per school year / school / conversation, named for the meeting's
 * date and time, e.g. "Skoleudviklingssamtaler/2026-27/Bakkeskolen/2027-03-10 kl. 09.00"
 * (one conversation per school per start time, so the name is unique). A
 * moved conversation's folder is renamed to match.
 */
export function conversationFolder(conversation: Pick<Conversation, 'schoolYear' | 'schoolName' | 'startsAt'>): string[] {
  return [
    serverTexts.da.documents.rootFolder,
    conversation.schoolYear.replace('/', '-'),
    conversation.schoolName,
    folderLeaf(conversation),
  ];
}

export const folderLeaf = (conversation: Pick<Conversation, 'startsAt'>): string => {
  const wall = toCopenhagenWallClock(conversation.startsAt);
  return `${wall.slice(0, 10)} kl. ${wall.slice(11, 16).replace(':', '.')}`;
};
