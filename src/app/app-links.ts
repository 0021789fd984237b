/**
 * Where links to the product point. In local mode the tab's own address; in
 * Microsoft 365 a Teams deep link to the personal tab, so a link in chat
 * opens the conversation inside Teams rather than in a browser.
 */
export interface AppLinks {
  conversationUrl(conversationId: string): string;
  /** The public note's stable address, for the school website. */
  publicNoteUrl(publicId: string): string;
  /** The live agenda, as the meeting's side-panel tab loads it. */
  meetingPanelUrl(conversationId: string): string;
  /** The conversation in a browser (a tab's "website" address). */
  conversationWebUrl(conversationId: string): string;
}

export function appLinks(options: { publicUrl: string; manifestAppId: string | null }): AppLinks {
  return {
    conversationUrl(conversationId) {
      if (options.manifestAppId) {
        const context = encodeURIComponent(JSON.stringify({ subEntityId: conversationId }));
        return `https://teams.microsoft.com/l/entity/${options.manifestAppId}/conversations?context=${context}`;
      }
      return `${options.publicUrl}/#/conversations/${conversationId}`;
    },
    publicNoteUrl: (publicId) => `${options.publicUrl}/offentligt/notat/${publicId}`,
    meetingPanelUrl: (conversationId) => `${options.publicUrl}/#/meeting/${conversationId}`,
    conversationWebUrl: (conversationId) => `${options.publicUrl}/#/conversations/${conversationId}`,
  };
}
