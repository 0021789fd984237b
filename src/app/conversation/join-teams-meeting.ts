import type { Conversation } from '../../domain/conversation.js';
import { m365LinksRepository, type M365Links } from '../../store/m365-links-repository.js';
import { asRemoteError, type RemoteError } from '../ports/remote-error.js';
import type { SideEffectReport } from './side-effect-recorder.js';
import type { AppContext } from '../app-context.js';
import { serverTexts } from '../../i18n/messages.js';

/**
 * Step 3 of the sync, once Outlook has the Teams meeting: the conversation is
 * linked to the online meeting and its chat by Graph's ids (read once), and
 * when the agenda has been sent the app is installed in that chat — so Teams
 * sends the bot the meeting's start and end — with the live agenda as its
 * tab (the side panel). Each part is recorded, so a retry does only what is
 * missing; a failure is reported and retried with the rest of the sync.
 */
export async function joinTeamsMeeting(
  ctx: AppContext,
  conversation: Conversation,
  links: M365Links,
  report: SideEffectReport,
  fail: (error: RemoteError) => void,
): Promise<void> {
  if (!links.joinUrl || !links.eventId) return;
  const installDue = conversation.agendaSentAt !== null && !links.meetingAppInstalledAt;
  try {
    let thread = links.chatThreadId;
    if (!thread) {
      const found = await ctx.meetingSpace.onlineMeetingOf(conversation.organizerUpn, links.joinUrl);
      if (!found) throw new Error('Teams has not made the online meeting yet');
      await m365LinksRepository.save(ctx.db, conversation.id, { onlineMeetingId: found.onlineMeetingId, chatThreadId: found.chatThreadId });
      thread = found.chatThreadId;
    }
    if (!installDue) return;
    await ctx.meetingSpace.installApp(thread);
    const tabId = await ctx.meetingSpace.ensureTab(thread, {
      displayName: serverTexts.da.documents.meetingTabName,
      entityId: conversation.id,
      contentUrl: ctx.links.meetingPanelUrl(conversation.id),
      websiteUrl: ctx.links.conversationWebUrl(conversation.id),
    });
    await m365LinksRepository.save(ctx.db, conversation.id, { meetingAppInstalledAt: ctx.now().toISOString(), meetingTabId: tabId });
    await report('meetingApp', null);
  } catch (error) {
    const remote = asRemoteError(error, 'MeetingLinkFailed');
    fail(remote);
    if (installDue) await report('meetingApp', remote);
  }
}
