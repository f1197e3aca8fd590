/**
 * Background work (mass delivery, job-finish pushes) is tracked here so tests and `close()` can wait
 * for it with `idle()` instead of sleeping.
 */
export class TaskTracker {
  private readonly pending = new Set<Promise<unknown>>();
  private closed = false;

  /** Runs `work` in the background after `delayMs`; errors are reported, never thrown into the caller. */
  spawn(work: () => Promise<unknown>, delayMs = 0, onError: (error: unknown) => void = () => {}): void {
    if (this.closed) return;
    const task = new Promise<void>((resolve) => {
      const run = () => {
        work()
          .catch(onError)
          .finally(() => resolve());
      };
      if (delayMs > 0) setTimeout(run, delayMs);
      else setImmediate(run);
    });
    this.pending.add(task);
    void task.finally(() => this.pending.delete(task));
  }

  /** Resolves when no background work is left (including work spawned by work that was pending). */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  get size(): number {
    return this.pending.size;
  }

  stop(): void {
    this.closed = true;
  }

  restart(): void {
    this.closed = false;
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
