/**
 * Where a chat card's links point. In local mode the tab's own address; in
 * Microsoft 365 a Teams deep link to the personal tab, so the link opens the
 * conversation inside Teams rather than in a browser.
 */
export interface ConversationLinks {
  conversationUrl(conversationId: string): string;
  /** The public note's stable address, for the school website. */
  publicNoteUrl(publicId: string): string;
}

export function conversationLinks(options: { mode: 'local' | 'm365'; publicUrl: string; manifestAppId?: string }): ConversationLinks {
  return {
    conversationUrl(conversationId) {
      if (options.mode === 'm365' && options.manifestAppId) {
        const context = encodeURIComponent(JSON.stringify({ subEntityId: conversationId }));
        return `https://teams.microsoft.com/l/entity/${options.manifestAppId}/conversations?context=${context}`;
      }
      return `${options.publicUrl}/#/conversations/${conversationId}`;
    },
    publicNoteUrl: (publicId) => `${options.publicUrl}/offentligt/notat/${publicId}`,
  };
}
