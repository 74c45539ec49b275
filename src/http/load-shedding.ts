import type { ServerResponse } from 'node:http';
import { sendError } from './errors.js';

/**
 * Seconds a refused client is asked to wait. Requests take tens of milliseconds, so the server has
 * room again well before; one second spreads the retries of many clients refused at once.
 */
export const SHED_RETRY_AFTER_SECONDS = 1;

/**
 * Load shedding for `/graphql`: at most `max` requests are worked on at once, and one more is
 * answered at once with 503 `OVERLOADED` and `Retry-After`. Queueing it instead would make every
 * request wait behind all the others (a multi-second tail for everyone) while each held its memory.
 */
export class InFlightLimit {
  private current = 0;

  constructor(
    readonly max: number,
    /** Called for every refused request (the metrics count them). */
    private readonly onShed: () => void = () => undefined,
  ) {}

  /** Requests being worked on now. */
  get inFlight(): number {
    return this.current;
  }

  /** Runs `work` in one of the places, or answers 503 when all are taken. */
  async serve(response: ServerResponse, work: () => Promise<void>): Promise<void> {
    if (this.current >= this.max) {
      this.onShed();
      sendError(response, 'OVERLOADED', `This server is busy with ${this.max} GraphQL requests; try again in ${SHED_RETRY_AFTER_SECONDS} s.`, {
        headers: { 'retry-after': String(SHED_RETRY_AFTER_SECONDS) },
      });
      return;
    }
    this.current += 1;
    try {
      await work();
    } finally {
      this.current -= 1;
    }
  }
}
