// A bounded number of tasks under way at once, for loops that start work faster than it finishes
// (files queued for writing, page chunks sent to workers, documents sent to Pagefind, images
// encoded): the loop waits for room before it starts the next task, so memory holds at most
// `limit` tasks' inputs however long the loop.

/** Tasks started at most `limit` at a time (see the top of this file). */
export class BoundedTasks {
  private readonly running = new Set<Promise<void>>();
  private failure: { error: unknown } | undefined;

  constructor(private readonly limit: number) {}

  /** Has a task failed? Its error is what settle() throws. */
  get failed(): boolean {
    return this.failure !== undefined;
  }

  /**
   * Wait until fewer than `limit` tasks are under way, then start `task`; resolves once it has
   * started. A task's failure never rejects here: the first is kept for settle().
   */
  async start(task: () => Promise<unknown>): Promise<void> {
    while (this.running.size >= this.limit) await Promise.race(this.running);
    const running = task().then(
      () => undefined,
      (error: unknown) => {
        this.failure ??= { error };
      },
    );
    this.running.add(running);
    void running.finally(() => this.running.delete(running));
  }

  /** Wait for every task started; then throw the first failure, if one failed. */
  async settle(): Promise<void> {
    await this.drain();
    if (this.failure) throw this.failure.error;
  }

  /** Wait for every task started, whatever became of them. */
  async drain(): Promise<void> {
    while (this.running.size > 0) await Promise.all(this.running);
  }
}

/** Run `tasks` in order, at most `limit` at a time; throws the first failure once all have settled. */
export async function runBounded(tasks: Iterable<() => Promise<unknown>>, limit: number): Promise<void> {
  const bounded = new BoundedTasks(limit);
  for (const task of tasks) await bounded.start(task);
  await bounded.settle();
}
