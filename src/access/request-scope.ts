/**
 * What every entry point does around a request that may reach upstream (GraphQL, images, and any
 * other): authenticate the caller, apply its rate limit, open its trace span and audit record, and
 * at the end write the audit event, end the span and charge the upstream calls. One function to
 * begin, one to finish, so that no entry point can forget a part.
 */
import type { Attributes } from '@opentelemetry/api';
import { GraphQLError } from 'graphql';
import type { UpstreamObserver } from '../healthcare/upstream-observer.js';
import { AuditRecorder, auditOutcome, type AuditLog } from '../observability/audit.js';
import type { RequestSpan, TraceHeaders, Tracing } from '../observability/tracing.js';
import { authenticate, type AuthDependencies, type Caller } from './credentials.js';
import type { RateLimiter } from './rate-limit.js';

/** The per-server parts: made once at start. */
export interface TrustServices {
  auth: AuthDependencies;
  rateLimiter?: RateLimiter;
  audit: AuditLog;
  tracing: Tracing;
}

/** What a request brings. */
export interface RequestStart {
  authorization: string | undefined;
  trace: TraceHeaders;
  requestId: string;
  /** The entry point: `graphql`, `image`, ... (the audit event's `type`). */
  type: string;
}

/** How a request ended. */
export interface RequestEnd {
  /** The GraphQL operation name, or the endpoint. */
  operation: string | null;
  /** A mutation (audit action `E`). */
  mutation?: boolean;
  errorCodes: readonly string[];
  upstreamCalls: number;
  /** The span's final name and attributes. */
  spanName: string;
  spanAttributes?: Attributes;
}

export interface RequestScope {
  caller: Caller;
  /** Hand these to the request's HealthcareClient. */
  observers: UpstreamObserver[];
  /** Set when the audit log is on: record results into it. */
  audit?: AuditRecorder;
  /** Set when tracing is on. */
  span?: RequestSpan;
  finish(end: RequestEnd): void;
}

/**
 * Authenticates (see {@link authenticate}) and admits a request. A refusal (401, 429, 503 from the
 * identity provider) is audited and traced here, then thrown as the GraphQL error it is.
 */
export async function beginRequest(services: TrustServices, start: RequestStart): Promise<RequestScope> {
  const span = services.tracing.startRequest(start.trace);
  const audit = services.audit.enabled ? new AuditRecorder() : undefined;
  const record = (caller: Caller | undefined, end: RequestEnd) => {
    span?.end(end.spanName, { 'healthcare.entry_point': start.type, 'healthcare.upstream_calls': end.upstreamCalls, ...end.spanAttributes }, end.errorCodes.length > 0);
    if (!audit) return;
    services.audit.write({
      resourceType: 'AuditEvent',
      recorded: new Date().toISOString(),
      requestId: start.requestId,
      ...(span ? { traceId: span.traceId } : {}),
      type: start.type,
      action: end.mutation ? 'E' : 'R',
      operation: end.operation,
      agent: caller ? { who: caller.principal.id, kind: caller.principal.kind } : { who: 'anonymous', kind: 'anonymous' },
      ...audit.list(),
      outcome: auditOutcome(end.errorCodes),
      ...(end.errorCodes.length > 0 ? { outcomeCodes: [...new Set(end.errorCodes)] } : {}),
      upstreamCalls: end.upstreamCalls,
    });
  };
  let caller: Caller | undefined;
  try {
    caller = await authenticate(services.auth, start.authorization);
    await services.rateLimiter?.admit(caller.principal);
  } catch (error) {
    const code = error instanceof GraphQLError ? String(error.extensions.code) : 'INTERNAL_SERVER_ERROR';
    record(caller, { operation: null, errorCodes: [code], upstreamCalls: 0, spanName: `${start.type} refused` });
    throw error;
  }
  const admitted = caller;
  return {
    caller: admitted,
    observers: [span?.observer, audit].filter((observer) => observer !== undefined),
    audit,
    span,
    finish(end) {
      record(admitted, end);
      services.rateLimiter?.charge(admitted.principal, end.upstreamCalls).catch(() => {});
    },
  };
}
