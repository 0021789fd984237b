/**
 * The Teams meeting behind a conversation's Outlook event: found by Graph's
 * ids, not by reading join links (Teams' newer links carry no chat id), and
 * the app put into its chat — installed with consent to the meeting's
 * resource-specific permissions, so Teams sends the bot the meeting's start
 * and end, and with the live agenda as a tab (the side panel).
 */
export interface MeetingSpace {
  /** The online meeting an organiser's event made, by its join link; null when Teams has none (yet). */
  onlineMeetingOf(organizerUpn: string, joinUrl: string): Promise<{ onlineMeetingId: string; chatThreadId: string } | null>;
  /** Installs the app in the meeting's chat; already there is fine. */
  installApp(chatThreadId: string): Promise<void>;
  /** The app's tab in the chat (added unless it is there): its id. */
  ensureTab(chatThreadId: string, tab: MeetingTab): Promise<string>;
}

export interface MeetingTab {
  displayName: string;
  /** The conversation id: the tab knows which conversation it shows. */
  entityId: string;
  contentUrl: string;
  websiteUrl: string;
}
