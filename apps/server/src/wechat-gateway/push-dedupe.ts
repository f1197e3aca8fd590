/**
 * In-process deduplication of WeChat pushes. WeChat retries a push after 5 s with the same body
 * (wechat-protocol.md §1.9): a retry that arrives while the first is still being processed waits for it;
 * one that arrives after gets the remembered answer. Across nodes the database's unique dedupe key
 * settles it (see InboundWriter).
 */
export class PushDedupe<T> {
  private readonly inFlight = new Map<string, Promise<T>>();
  private readonly recent = new Map<string, { value: T; expiresAt: number }>();

  constructor(
    private readonly options: { ttlMs: number; maxEntries: number } = { ttlMs: 120_000, maxEntries: 100_000 },
    private readonly now: () => number = Date.now,
  ) {}

  /** Runs `work` once per key; concurrent and later callers with the same key get the same result. */
  run(key: string, work: () => Promise<T>): { result: Promise<T>; duplicate: boolean } {
    const remembered = this.recent.get(key);
    if (remembered && remembered.expiresAt > this.now()) return { result: Promise.resolve(remembered.value), duplicate: true };
    const pending = this.inFlight.get(key);
    if (pending) return { result: pending, duplicate: true };

    const result = work().then(
      (value) => {
        this.inFlight.delete(key);
        this.remember(key, value);
        return value;
      },
      (error: unknown) => {
        // Not remembered: the retry gets a fresh attempt.
        this.inFlight.delete(key);
        throw error;
      },
    );
    this.inFlight.set(key, result);
    return { result, duplicate: false };
  }

  private remember(key: string, value: T): void {
    this.recent.set(key, { value, expiresAt: this.now() + this.options.ttlMs });
    if (this.recent.size > this.options.maxEntries) {
      // Maps iterate in insertion order: drop the oldest tenth in one go.
      let drop = Math.ceil(this.options.maxEntries / 10);
      for (const k of this.recent.keys()) {
        this.recent.delete(k);
        if (--drop === 0) break;
      }
    }
  }
}
