/**
 * Batching for the database: callers submit one item each and wait; items that arrive while a flush is
 * running go together in the next flush. Used for group commit (the webhook's writes) and for batched reads
 * (a fan's flow state). At low load a flush holds one item and adds no delay; under load one statement
 * carries hundreds, which is what makes the single-session embedded database keep up (~0.3 ms a statement).
 */
export class Batcher<Item, Result> {
  private queue: Array<{ item: Item; resolve: (r: Result) => void; reject: (e: unknown) => void }> = [];
  private running = 0;
  private closed = false;

  constructor(
    /** Writes a batch; returns one result per item, in order. Must be all-or-nothing. */
    private readonly flush: (items: Item[]) => Promise<Result[]>,
    private readonly options: { maxBatch: number; concurrency: number } = { maxBatch: 500, concurrency: 1 },
  ) {}

  /** Alias of submit, reading better for lookups. */
  load(item: Item): Promise<Result> {
    return this.submit(item);
  }

  submit(item: Item): Promise<Result> {
    if (this.closed) return Promise.reject(new Error('the writer is closed'));
    return new Promise<Result>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.pump();
    });
  }

  /** Items waiting for a flush (for metrics and tests). */
  get pending(): number {
    return this.queue.length;
  }

  /** Stops taking items and waits for everything submitted to be written. */
  async close(): Promise<void> {
    this.closed = true;
    while (this.running > 0 || this.queue.length > 0) await new Promise((resolve) => setTimeout(resolve, 5));
  }

  private pump(): void {
    while (this.running < this.options.concurrency && this.queue.length > 0) {
      const batch = this.queue.splice(0, this.options.maxBatch);
      this.running++;
      this.flush(batch.map((entry) => entry.item))
        .then(
          (results) => {
            if (results.length !== batch.length) throw new Error(`flush returned ${results.length} results for ${batch.length} items`);
            batch.forEach((entry, i) => entry.resolve(results[i]!));
          },
          (error: unknown) => batch.forEach((entry) => entry.reject(error)),
        )
        .catch((error: unknown) => batch.forEach((entry) => entry.reject(error)))
        .finally(() => {
          this.running--;
          this.pump();
        });
    }
  }
}
