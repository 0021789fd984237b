import { conversationRepository } from '../../store/conversation-repository.js';
import { minutesRepository } from '../../store/minutes-repository.js';
import { escapeHtml } from '../../documents/html-escape.js';
import { serverTexts, interpolate } from '../../i18n/messages.js';
import type { AppContext } from '../app-context.js';

const t = serverTexts.da.documents;

/** One mail from the school leader's mailbox with the links, to a participant the bot could not reach. */
export async function mailMinutes(ctx: AppContext, conversationId: string, upn: string): Promise<void> {
  const stored = await conversationRepository.get(ctx.db, conversationId);
  const minutes = await minutesRepository.get(ctx.db, conversationId);
  if (!stored || !minutes.publicId || !minutes.internalWebUrl || !minutes.publicDocxWebUrl) return;
  const { conversation } = stored;
  const person = conversation.participants.find((p) => p.upn.toLowerCase() === upn.toLowerCase());
  if (!person) return;
  const link = (url: string, label: string) => `<li><a href="${escapeHtml(url)}">${escapeHtml(label)}</a></li>`;
  await ctx.mailer.send(conversation.schoolLeaderUpn, {
    subject: interpolate(t.minutesMailSubject, { school: conversation.schoolName }),
    bodyHtml:
      `<p>${escapeHtml(interpolate(t.minutesMailIntro, { school: conversation.schoolName }))}</p><ul>` +
      link(minutes.internalWebUrl, t.minutesMailInternal) +
      link(minutes.publicDocxWebUrl, t.minutesMailPublic) +
      link(ctx.links.publicNoteUrl(minutes.publicId), t.minutesMailPublicLink) +
      '</ul>',
    to: [{ address: person.upn, name: person.displayName }],
  });
}
