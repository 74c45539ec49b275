import { graphQLError } from '../../errors.js';
import type { SubscriptionConfig } from '../../config/index.js';

/** The subscriptions one connection holds. */
export interface ConnectionCount {
  open: number;
}

/**
 * Subscriptions per connection (`LIVE_MAX_SUBSCRIPTIONS_PER_CONNECTION`, else RATE_LIMITED) and per
 * process (`LIVE_MAX_SUBSCRIPTIONS`, else OVERLOADED), counted from admission to end. A refusal
 * carries `limit`, `found` and `allowed` like the query limits' errors.
 */
export class SubscriptionLimits {
  private open = 0;

  constructor(private readonly settings: Pick<SubscriptionConfig, 'maxPerConnection' | 'maxTotal'>) {}

  /** Admits one more subscription on this connection, or throws; returns its (idempotent) release. */
  admit(connection: ConnectionCount): () => void {
    const { maxPerConnection, maxTotal } = this.settings;
    if (connection.open >= maxPerConnection) {
      throw graphQLError('RATE_LIMITED', `This connection already holds ${maxPerConnection} subscriptions, its limit: end one first`, { limit: 'subscriptionsPerConnection', found: connection.open + 1, allowed: maxPerConnection });
    }
    if (this.open >= maxTotal) {
      throw graphQLError('OVERLOADED', `This server already holds ${maxTotal} subscriptions, its limit: try again later or elsewhere`, { limit: 'subscriptions', found: this.open + 1, allowed: maxTotal });
    }
    connection.open += 1;
    this.open += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      connection.open -= 1;
      this.open -= 1;
    };
  }
}
