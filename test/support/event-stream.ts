/**
 * Reads a server-sent event stream with fetch (the API needs an
 * Authorization header, which EventSource cannot send), as the tab does.
 */
export function openEventStream(url: string, token: string) {
  const controller = new AbortController();
  const events: { event: string; data: unknown; at: number }[] = [];
  const waiters: (() => void)[] = [];
  const done = (async () => {
    const response = await fetch(url, { headers: { Authorization: `Bearer ${token}` }, signal: controller.signal });
    if (!response.ok || !response.body) throw new Error(`stream refused: ${response.status}`);
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done: ended } = await reader.read();
      if (ended) return;
      buffer += value;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (event && data) {
          events.push({ event, data: JSON.parse(data), at: Date.now() });
          waiters.splice(0).forEach((w) => w());
        }
      }
    }
  })().catch((error: unknown) => {
    if ((error as Error).name !== 'AbortError') throw error;
  });
  return {
    events,
    /** Resolves with the first event (from index `from`) that matches. */
    async next(match: (data: any) => boolean, from = 0, timeoutMs = 5000): Promise<{ data: any; at: number }> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = events.slice(from).find((e) => match(e.data));
        if (found) return found;
        if (Date.now() > deadline) throw new Error('no matching event');
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 50);
        });
      }
    },
    close() {
      controller.abort();
      return done;
    },
  };
}
