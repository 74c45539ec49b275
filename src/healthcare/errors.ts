/**
 * Typed errors for everything that can go wrong talking to the Cloud Healthcare API, parsed from
 * both of its error formats: Google's JSON envelope (admin methods, auth) and FHIR OperationOutcome.
 */

/** Which part of the API a call went to; a label on metrics and errors. */
export type ApiKind = 'admin' | 'fhir' | 'dicomweb' | 'hl7v2' | 'operations';

export class UpstreamError extends Error {
  override name = 'UpstreamError';
  /** Who failed, when it was not the Cloud Healthcare API (an external DICOMweb server). */
  server?: string;

  constructor(
    message: string,
    /** HTTP status; 0 when no response arrived (network failure or timeout). */
    readonly status: number,
    readonly kind: ApiKind,
    /** Google's `error.status` (e.g. `NOT_FOUND`) or the FHIR issue code (e.g. `not-found`), when given. */
    readonly reason?: string,
    /** `Retry-After` in seconds, when the upstream sent one. */
    readonly retryAfterSeconds?: number,
    /** Why no response arrived: timed out, could not connect, or no credentials to send. */
    readonly failure?: 'timeout' | 'network' | 'credentials',
  ) {
    super(message);
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

/** Builds an UpstreamError from an HTTP error response; the body may be JSON of either format, HTML or empty. */
export function parseErrorResponse(kind: ApiKind, status: number, body: string, retryAfter: string | null): UpstreamError {
  const { message, reason } = describeBody(body) ?? { message: `HTTP ${status}`, reason: undefined };
  return new UpstreamError(message.slice(0, MAX_MESSAGE), status, kind, reason, parseRetryAfter(retryAfter));
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
