/**
 * Clean-up registered as each resource is acquired, and run newest first: Apollo Server's
 * `toDispose` list, in order. Start-up pushes a disposer right after it acquires something, so a
 * start that fails half-way and a normal stop release the same things, in reverse start order.
 */
export class Disposers {
  private readonly stack: (() => Promise<void>)[] = [];
  private disposal?: Promise<void>;

  /** Registers the clean-up of a resource just acquired. */
  push(dispose: () => Promise<void>): void {
    if (this.disposal) throw new Error('Disposers.push after dispose(): the resource would never be released');
    this.stack.push(dispose);
  }

  /**
   * Runs every clean-up, newest first, each once the one before has settled. One that fails does not
   * keep the older ones from running; its error is thrown when all are done (several: an
   * AggregateError). Later calls return the first call's promise, so nothing is released twice.
   */
  dispose(): Promise<void> {
    this.disposal ??= this.run();
    return this.disposal;
  }

  private async run(): Promise<void> {
    const errors: unknown[] = [];
    for (let dispose = this.stack.pop(); dispose; dispose = this.stack.pop()) {
      try {
        await dispose();
      } catch (error) {
        errors.push(error);
      }
    }
    if (errors.length === 1) throw errors[0];
    if (errors.length > 1) throw new AggregateError(errors, `${errors.length} resources failed to close`);
  }
}
