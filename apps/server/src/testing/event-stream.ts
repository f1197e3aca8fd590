/** Reads a text/event-stream over real HTTP, for tests: wait for the next event that matches. */
export interface EventStream {
  next<T = unknown>(type: string, match?: (data: T) => boolean, timeoutMs?: number): Promise<T>;
  close(): void;
}

export async function openEventStream(url: string, cookie: string): Promise<EventStream> {
  const abort = new AbortController();
  const response = await fetch(url, { headers: { cookie, accept: 'text/event-stream' }, signal: abort.signal });
  if (!response.ok || !response.body) throw new Error(`event stream: HTTP ${response.status}`);
  const events: Array<{ type: string; data: unknown }> = [];
  const waiters: Array<() => void> = [];
  (async () => {
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) !== -1) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const type = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (type && data) {
          events.push({ type, data: JSON.parse(data) });
          waiters.splice(0).forEach((wake) => wake());
        }
      }
    }
  })();
  return {
    async next<T>(type: string, match: (data: T) => boolean = () => true, timeoutMs = 5000): Promise<T> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const index = events.findIndex((e) => e.type === type && match(e.data as T));
        if (index !== -1) return events.splice(index, 1)[0]!.data as T;
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`no "${type}" event within ${timeoutMs} ms`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, left);
        });
      }
    },
    close: () => abort.abort(),
  };
}
