/**
 * Typed errors for everything that can go wrong talking to the Cloud Healthcare API, parsed from
 * both of its error formats: Google's JSON envelope (admin methods, auth) and FHIR OperationOutcome.
 */

/** Which part of the API a call went to; a label on metrics and errors. */
export type ApiKind = 'admin' | 'fhir' | 'dicomweb' | 'hl7v2' | 'operations';

/** What `new UpstreamError(message, options)` takes: the error's fields besides its message. */
export type UpstreamErrorOptions = Pick<UpstreamError, 'status' | 'kind' | 'reason' | 'retryAfterSeconds' | 'failure' | 'server'>;

/** A failed upstream call: an error status, an answer that cannot be read, or no answer at all. */
export class UpstreamError extends Error {
  override name = 'UpstreamError';
  /** HTTP status; 0 when no response arrived (network failure or timeout). */
  readonly status: number;
  readonly kind: ApiKind;
  /** Google's `error.status` (e.g. `NOT_FOUND`) or the FHIR issue code (e.g. `not-found`), when given. */
  readonly reason?: string;
  /** `Retry-After` in seconds, when the upstream sent one. */
  readonly retryAfterSeconds?: number;
  /** Why no response arrived: timed out, could not connect, or no credentials to send. */
  readonly failure?: 'timeout' | 'network' | 'credentials';
  /** Who failed, when it was not the Cloud Healthcare API (an external DICOMweb server). */
  readonly server?: string;

  constructor(message: string, options: UpstreamErrorOptions) {
    super(message);
    this.status = options.status;
    this.kind = options.kind;
    this.reason = options.reason;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.failure = options.failure;
    this.server = options.server;
  }
}

interface GoogleErrorEnvelope {
  error?: { code?: number; message?: string; status?: string };
}

interface OperationOutcome {
  resourceType?: string;
  issue?: { code?: string; diagnostics?: string; details?: { text?: string } }[];
}

const MAX_MESSAGE = 300;

/** An upstream's HTTP error response, as read from the wire. */
export interface ErrorResponse {
  status: number;
  /** JSON of either format, HTML, or empty. */
  body: string;
  /** The `Retry-After` header, when sent. */
  retryAfter: string | null;
}

/** Builds an UpstreamError from an HTTP error response of the call `origin` describes. */
export function parseErrorResponse(response: ErrorResponse, origin: Pick<UpstreamErrorOptions, 'kind' | 'server'>): UpstreamError {
  const { status } = response;
  const { message, reason } = describeBody(response.body) ?? { message: `HTTP ${status}`, reason: undefined };
  return new UpstreamError(message.slice(0, MAX_MESSAGE), { ...origin, status, reason, retryAfterSeconds: parseRetryAfter(response.retryAfter) });
}

function describeBody(body: string): { message: string; reason?: string } | undefined {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return undefined;
  }
  const envelope = (json as GoogleErrorEnvelope)?.error;
  if (envelope && typeof envelope === 'object') {
    return { message: envelope.message ?? envelope.status ?? 'error', reason: envelope.status };
  }
  const outcome = json as OperationOutcome;
  if (outcome?.resourceType === 'OperationOutcome' && Array.isArray(outcome.issue) && outcome.issue.length > 0) {
    const issue = outcome.issue[0]!;
    return { message: issue.diagnostics ?? issue.details?.text ?? issue.code ?? 'error', reason: issue.code };
  }
  return undefined;
}

/** `Retry-After` is either delta-seconds or an HTTP date. */
function parseRetryAfter(value: string | null): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}
