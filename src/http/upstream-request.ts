/**
 * What a plain-HTTP endpoint that reaches upstream (rendered images, DICOMweb) does around its
 * work, once for all of them: admit the caller through `beginRequest` (credentials, rate limit,
 * audit, trace), hand the endpoint the caller's access policy and a client charged to the request,
 * and finish the request scope however the answer ended.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AccessPolicy } from '../access/policy.js';
import { beginRequest, type RequestScope, type TrustServices } from '../access/request-scope.js';
import { HealthcareClient, type UpstreamSettings } from '../healthcare/client.js';
import type { Logger } from '../observability/logger.js';
import { errorCodeOf } from './errors.js';

/** What these endpoints use of the graph's per-server dependencies. */
export interface UpstreamEndpointDependencies {
  settings: UpstreamSettings;
  trust: TrustServices;
  logger: Logger;
  /** Time one request may spend on upstream calls, retries included. */
  requestDeadlineMs: number;
}

/** The admitted caller, as the endpoint's work sees it. */
export interface AdmittedRequest {
  /** The caller's access policy: the only way to an allowed store name. */
  access: AccessPolicy;
  /** A client with the caller's credentials, counted for this request; by default it has the request's deadline. */
  client(deadlineMs?: number): HealthcareClient;
}

/** How the request is named in the audit event and its span. */
export interface UpstreamRequestEntry {
  /** The audit event's `type`: `image`, `dicomweb`. */
  type: string;
  operation: string;
  spanName: string;
}

/**
 * Admits the request, runs `serve`, and finishes the scope. A failure before the answer started
 * goes to `sendFailure`; one after it (a stream broken mid-way) can only end the response.
 */
export async function serveUpstreamRequest(
  request: IncomingMessage,
  response: ServerResponse,
  deps: UpstreamEndpointDependencies,
  entry: UpstreamRequestEntry,
  serve: (admitted: AdmittedRequest) => Promise<void>,
  sendFailure: (error: unknown) => void,
): Promise<void> {
  let scope: RequestScope | undefined;
  let client: HealthcareClient | undefined;
  let failure: string | undefined;
  try {
    const admitted = await beginRequest(deps.trust, {
      authorization: request.headers.authorization,
      trace: { traceparent: firstValue(request.headers.traceparent), tracestate: firstValue(request.headers.tracestate) },
      requestId: randomUUID(),
      type: entry.type,
    });
    scope = admitted;
    await serve({
      access: admitted.caller.access,
      client: (deadlineMs = deps.requestDeadlineMs) =>
        (client = new HealthcareClient(deps.settings, admitted.caller.credentials, { deadline: Date.now() + deadlineMs, observers: admitted.observers })),
    });
  } catch (error) {
    failure = errorCodeOf(error);
    if (response.headersSent) response.destroy();
    else sendFailure(error);
  } finally {
    scope?.finish({ operation: entry.operation, errorCodes: failure ? [failure] : [], upstreamCalls: client?.calls ?? 0, spanName: entry.spanName });
  }
}

const firstValue = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);
