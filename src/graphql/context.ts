import { createHash } from 'node:crypto';
import type { AccessPolicy } from '../access/policy.js';
import { beginRequest, type RequestScope, type TrustServices } from '../access/request-scope.js';
import type { AuthMode } from '../config/index.js';
import type { CursorCodec } from '../connections/cursor.js';
import type { TraceHeaders } from '../observability/tracing.js';
import type { Credentials } from '../healthcare/auth.js';
import { HealthcareClient, type UpstreamSettings } from '../healthcare/client.js';
import type { UpstreamObserver } from '../healthcare/upstream-observer.js';
import { UpstreamBudget } from './limits/index.js';
import { createLoaders, type Loaders } from '../loaders/index.js';
import type { StoreListCache } from '../loaders/store-list-cache.js';
import type { Logger } from '../observability/logger.js';
import type { StoreEventSource } from '../live/store-events.js';
import type { LiveOperation } from './subscriptions/live-operation.js';

/** Everything a resolver may use; one per GraphQL request. */
export interface RequestContext {
  /** The upstream client with this request's credentials. */
  client: HealthcareClient;
  loaders: Loaders;
  /** The server's access policy, narrowed to this caller's grant when one applies. */
  access: AccessPolicy;
  /** Who asks, and the audit record and trace span of this request; `finish` is called when it ends. */
  scope: RequestScope;
  cursors: CursorCodec;
  logger: Logger;
  /** This server's own base URL as the caller reached it (for `Instance.renderedUrl`). */
  publicUrl: string;
  /** `VIEWER_URL_TEMPLATE` or the built-in viewer's; undefined: `viewerUrl` is null. */
  viewerUrlTemplate?: string;
  /** Set by the WebSocket transport on a subscription's context; absent over HTTP. */
  live?: LiveOperation;
}

/** What every request's context is built from: created once per server. */
export interface ContextDependencies {
  settings: UpstreamSettings;
  authMode: AuthMode;
  /** Authentication, rate limits, audit and tracing: what every entry point runs around a request. */
  trust: TrustServices;
  access: AccessPolicy;
  cursors: CursorCodec;
  logger: Logger;
  /** False only for the benchmark's naive baseline. */
  batching: boolean;
  /** Time one request may spend on upstream calls, retries included. */
  requestDeadlineMs: number;
  /** Upstream calls one request may make. */
  maxUpstreamCalls: number;
  /** Dataset store lists kept across requests. */
  storeLists: StoreListCache;
  /** What `Study.viewerUrl` and `Series.viewerUrl` are made from; undefined: they are null. */
  viewerUrlTemplate?: string;
  /** The stores' notifications, for subscriptions; undefined: subscriptions are refused. */
  storeEvents?: StoreEventSource;
}

/** Who the upstream sees: the server itself, or (passthrough) a digest of the caller's credentials. */
export function callerIdentity(deps: Pick<ContextDependencies, 'authMode'>, authorization: string | undefined): string {
  return deps.authMode === 'passthrough' ? createHash('sha256').update(authorization ?? '').digest('base64url') : 'server';
}

/**
 * A fresh upstream client with these credentials and its own DataLoaders: one request's (or, for a
 * subscription, one event's) deadline, budget of upstream calls and caches.
 */
export function createUpstream(
  deps: ContextDependencies,
  credentials: Credentials,
  observers: readonly UpstreamObserver[],
  identity: string,
): Pick<RequestContext, 'client' | 'loaders'> {
  const client = new HealthcareClient(deps.settings, credentials, {
    deadline: Date.now() + deps.requestDeadlineMs,
    budget: new UpstreamBudget(deps.maxUpstreamCalls),
    observers,
  });
  let loaders: Loaders | undefined;
  // Made on first use: a subscription's context lives as long as the subscription but reads each
  // event through that event's own loaders, so it would hold a set (about 12 KB) for nothing.
  return {
    client,
    get loaders() {
      return (loaders ??= loadersFor(deps, client, identity));
    },
    set loaders(replacement: Loaders) {
      loaders = replacement;
    },
  };
}

/** Fresh DataLoaders over `client` for the caller `identity` (whose store lists they may share). */
export function loadersFor(deps: ContextDependencies, client: HealthcareClient, identity: string): Loaders {
  return createLoaders(client, { batching: deps.batching }, { cache: deps.storeLists, identity });
}

/** What one HTTP request brings to its context. */
export interface IncomingRequest {
  /** The `Authorization` header, if any. */
  authorization: string | undefined;
  /** The id its log lines carry. */
  requestId: string;
  /** This server's base URL as the caller reached it. */
  publicUrl: string;
  /** The W3C trace context headers it came with. */
  trace?: TraceHeaders;
}

/**
 * Builds one request's context once its caller is authenticated and admitted (`beginRequest`: 401
 * or 429 before any upstream call). In passthrough mode the caller's bearer token becomes the
 * upstream credentials; in oidc mode its verified token may narrow the access policy.
 */
export async function createRequestContext(deps: ContextDependencies, { authorization, requestId, publicUrl, trace }: IncomingRequest): Promise<RequestContext> {
  const scope = await beginRequest(deps.trust, { authorization, requestId, trace: trace ?? {}, type: 'graphql' });
  // Assigned onto the upstream, not spread from it: a spread would read (and so make) its loaders.
  return Object.assign(createUpstream(deps, scope.caller.credentials, scope.observers, callerIdentity(deps, authorization)), {
    access: scope.caller.access,
    scope,
    cursors: deps.cursors,
    logger: deps.logger.child({ requestId }),
    publicUrl,
    viewerUrlTemplate: deps.viewerUrlTemplate,
  });
}
