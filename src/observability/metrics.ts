import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * The Prometheus metrics of one server instance. Each instance has its own registry so that several
 * servers (tests, the embedded emulator beside the graph) never share or double-register series.
 */
export interface Metrics {
  registry: Registry;
  /** Every HTTP call to the Healthcare API or emulator. `status` is the HTTP status, or `network` / `timeout`. */
  upstreamRequests: Counter<'kind' | 'method' | 'status'>;
  upstreamDuration: Histogram<'kind' | 'method'>;
  /** Upstream calls sent again after a passing failure. */
  upstreamRetries: Counter<'kind'>;
  /**
   * Upstream calls that failed for good (after their retries): what reached the graph as an error.
   * `code` is the HTTP status, or `network` / `timeout` / `credentials`.
   */
  upstreamErrors: Counter<'kind' | 'code'>;
  /** Keys per DataLoader batch: how well a request's loads were combined into upstream calls. */
  loaderBatchSize: Histogram<'loader'>;
  /** Every GraphQL operation the server executed or refused. */
  graphqlOperations: Counter<'type' | 'outcome'>;
  graphqlDuration: Histogram<'type'>;
  /** GraphQL requests refused with 503 because the server had `GRAPHQL_MAX_IN_FLIGHT` in flight. */
  graphqlShed: Counter;
  /** Store notifications this replica read from Pub/Sub, by store kind (`fhir`, `dicom`, `hl7v2`). */
  liveNotifications: Counter<'kind'>;
  /** Pub/Sub messages that were no store event (`malformed`, `unsupported`): acked and dropped. */
  liveUnparseable: Counter<'reason'>;
  /** Notifications dropped as a `duplicate` or a `stale` version. */
  liveDropped: Counter<'reason'>;
  /** Pub/Sub subscriptions this replica holds open for its listeners. */
  liveSubscriptions: Gauge;
  /** Open WebSocket connections of `/graphql` (subscriptions). */
  graphqlLiveConnections: Gauge;
  /** Subscriptions open on this process, by root field. */
  graphqlLiveSubscriptions: Gauge<'field'>;
  /** Events sent to subscribers, by root field (one per subscriber and event). */
  graphqlLiveEvents: Counter<'field'>;
  /** WebSocket connections the server closed itself, by reason (`slow_consumer`). */
  graphqlLiveClosed: Counter<'reason'>;
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    upstreamRequests: new Counter({
      name: 'healthcare_upstream_requests_total',
      help: 'HTTP calls to the Cloud Healthcare API (or emulator), by API surface, method and status.',
      labelNames: ['kind', 'method', 'status'],
      registers: [registry],
    }),
    upstreamDuration: new Histogram({
      name: 'healthcare_upstream_request_duration_seconds',
      help: 'Duration of HTTP calls to the Cloud Healthcare API (or emulator).',
      labelNames: ['kind', 'method'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [registry],
    }),
    upstreamRetries: new Counter({
      name: 'healthcare_upstream_retries_total',
      help: 'Upstream calls sent again after a 429, 5xx, timeout or connection failure.',
      labelNames: ['kind'],
      registers: [registry],
    }),
    upstreamErrors: new Counter({
      name: 'healthcare_upstream_errors_total',
      help: 'Upstream calls that failed after their retries, by API surface and HTTP status (or network, timeout, credentials).',
      labelNames: ['kind', 'code'],
      registers: [registry],
    }),
    loaderBatchSize: new Histogram({
      name: 'graphql_loader_batch_size',
      help: 'Keys in one DataLoader batch, by loader.',
      labelNames: ['loader'],
      buckets: [1, 2, 5, 10, 20, 50, 100, 200, 500],
      registers: [registry],
    }),
    graphqlOperations: new Counter({
      name: 'graphql_operations_total',
      help: 'GraphQL operations, by operation type and outcome (ok, error = some field failed, rejected = not executed).',
      labelNames: ['type', 'outcome'],
      registers: [registry],
    }),
    graphqlDuration: new Histogram({
      name: 'graphql_operation_duration_seconds',
      help: 'Duration of GraphQL operations, from request to response.',
      labelNames: ['type'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [registry],
    }),
    graphqlShed: new Counter({
      name: 'graphql_requests_shed_total',
      help: 'GraphQL requests answered 503 OVERLOADED at once because GRAPHQL_MAX_IN_FLIGHT requests were in flight.',
      registers: [registry],
    }),
    liveNotifications: new Counter({
      name: 'live_notifications_received_total',
      help: 'Cloud Healthcare notifications read from Pub/Sub, by store kind.',
      labelNames: ['kind'],
      registers: [registry],
    }),
    liveUnparseable: new Counter({
      name: 'live_notifications_unparseable_total',
      help: 'Pub/Sub messages on notification topics that were no store event (malformed, unsupported), acked and dropped.',
      labelNames: ['reason'],
      registers: [registry],
    }),
    liveDropped: new Counter({
      name: 'live_notifications_dropped_total',
      help: 'Notifications dropped as a duplicate delivery or a stale version.',
      labelNames: ['reason'],
      registers: [registry],
    }),
    liveSubscriptions: new Gauge({
      name: 'live_replica_subscriptions',
      help: 'Pub/Sub subscriptions this replica holds for its live-update listeners.',
      registers: [registry],
    }),
    graphqlLiveConnections: new Gauge({
      name: 'graphql_live_connections',
      help: 'Open WebSocket connections for GraphQL subscriptions.',
      registers: [registry],
    }),
    graphqlLiveSubscriptions: new Gauge({
      name: 'graphql_live_subscriptions',
      help: 'Open GraphQL subscriptions, by root field.',
      labelNames: ['field'],
      registers: [registry],
    }),
    graphqlLiveEvents: new Counter({
      name: 'graphql_live_events_total',
      help: 'Events sent to subscribers (one per subscriber and event), by root field.',
      labelNames: ['field'],
      registers: [registry],
    }),
    graphqlLiveClosed: new Counter({
      name: 'graphql_live_connections_closed_total',
      help: 'WebSocket connections the server closed itself, by reason (slow_consumer).',
      labelNames: ['reason'],
      registers: [registry],
    }),
  };
}
