type Send<T> = (value: T) => void;

/**
 * Fans one PostgreSQL notification out to every open view of a conversation
 * on this instance: the run is read once per change, however many side panels
 * and stages watch it. Other instances hear the same notification and do the
 * same for theirs, so every view is in step whichever instance it is on.
 */
export function meetingStreamHub<T>(
  follow: (handler: (conversationId: string) => void) => Promise<() => Promise<void>>,
  load: (conversationId: string) => Promise<T | null>,
) {
  const views = new Map<string, Set<Send<T>>>();
  let listening: Promise<() => Promise<void>> | null = null;

  const onChange = async (conversationId: string): Promise<void> => {
    // The empty id: the database's listener was away and is back; every open view catches up.
    if (conversationId === '') return void (await Promise.all([...views.keys()].map(onChange)));
    const open = views.get(conversationId);
    if (!open || open.size === 0) return;
    const value = await load(conversationId).catch(() => null);
    if (value) for (const send of open) send(value);
  };

  return {
    async subscribe(conversationId: string, send: Send<T>): Promise<() => void> {
      listening ??= follow((conversationId) => void onChange(conversationId));
      // A database that cannot listen now is asked again by the next view, not never.
      await listening.catch((error: unknown) => {
        listening = null;
        throw error;
      });
      const open = views.get(conversationId) ?? new Set();
      open.add(send);
      views.set(conversationId, open);
      return () => {
        open.delete(send);
        if (open.size === 0) views.delete(conversationId);
      };
    },
    /** Open views right now (for the bench and /readyz-style checks). */
    openViews: () => [...views.values()].reduce((sum, set) => sum + set.size, 0),
    async close() {
      if (listening) await (await listening)();
    },
  };
}
