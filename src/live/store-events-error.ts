import type { ErrorCode } from '../errors.js';

/**
 * Why `StoreEventSource.listen()` refused: a bad or missing topic, a permission the graph's
 * identity lacks, or Pub/Sub out of reach. `code` is the contract's, so the graph answers
 * `graphQLError(error.code, error.message)`; the message names the topic and never quotes Pub/Sub.
 */
export class StoreEventsError extends Error {
  override name = 'StoreEventsError';

  constructor(
    readonly code: Extract<ErrorCode, 'BAD_USER_INPUT' | 'NOT_FOUND' | 'FORBIDDEN' | 'UPSTREAM_UNAVAILABLE'>,
    message: string,
  ) {
    super(message);
  }
}

/** `listen()` after (or during) `close()`. */
export const shuttingDown = (): StoreEventsError => new StoreEventsError('UPSTREAM_UNAVAILABLE', 'The server is shutting down');
