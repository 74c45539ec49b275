/**
 * Google API error envelopes (google.rpc.Status rendered as JSON) and the HTML page Google's front
 * end serves for URLs that map to no API method.
 */

/** Canonical google.rpc.Code names for the HTTP statuses the emulator produces. */
const STATUS_BY_HTTP: Readonly<Record<number, string>> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  409: 'ALREADY_EXISTS',
  412: 'FAILED_PRECONDITION',
  429: 'RESOURCE_EXHAUSTED',
  499: 'CANCELLED',
  500: 'INTERNAL',
  501: 'UNIMPLEMENTED',
  503: 'UNAVAILABLE',
  504: 'DEADLINE_EXCEEDED',
};

/** The canonical status name Google pairs with an HTTP status (`UNKNOWN` when there is none). */
export function statusName(httpStatus: number): string {
  return STATUS_BY_HTTP[httpStatus] ?? 'UNKNOWN';
}

/** The JSON body of a Google API error: `{"error": {"code", "message", "status"}}`. */
export interface ErrorEnvelope {
  error: { code: number; message: string; status: string; details?: unknown[] };
}

/** An error a handler throws to answer with a Google error envelope. */
export class ApiError extends Error {
  readonly httpStatus: number;
  readonly status: string;

  constructor(httpStatus: number, message: string, status: string = statusName(httpStatus)) {
    super(message);
    this.name = 'ApiError';
    this.httpStatus = httpStatus;
    this.status = status;
  }

  /** The envelope Google would send for this error. */
  toEnvelope(): ErrorEnvelope {
    return { error: { code: this.httpStatus, message: this.message, status: this.status } };
  }
}

/** 400 INVALID_ARGUMENT. */
export function invalidArgument(message: string): ApiError {
  return new ApiError(400, message);
}

/** 404 NOT_FOUND naming the missing resource. */
export function notFound(message: string): ApiError {
  return new ApiError(404, message);
}

/** 409 ALREADY_EXISTS. */
export function alreadyExists(message: string): ApiError {
  return new ApiError(409, message);
}

/** 500 INTERNAL with Google's generic wording (details stay in the emulator's own log). */
export function internalError(): ApiError {
  return new ApiError(500, 'Internal error encountered.');
}

/** The error Google's ESF returns for a query parameter that is not a field of the request. */
export function unknownQueryParameter(name: string): ApiError {
  return invalidArgument(
    `Invalid JSON payload received. Unknown name "${name}": Cannot bind query parameter. ` +
      `Field '${name}' could not be found in request message.`,
  );
}

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/**
 * The page Google's front end serves (status 404, text/html) when a URL matches no API method, e.g.
 * a misspelt collection or a method the resource does not have. Clients that expect JSON must cope
 * with it, so the emulator reproduces it (minus the remote logo images).
 */
export function notFoundHtml(pathname: string): string {
  return (
    '<!DOCTYPE html>\n' +
    '<html lang=en>\n' +
    '  <meta charset=utf-8>\n' +
    '  <meta name=viewport content="initial-scale=1, minimum-scale=1, width=device-width">\n' +
    '  <title>Error 404 (Not Found)!!1</title>\n' +
    '  <p><b>404.</b> <ins>That’s an error.</ins>\n' +
    `  <p>The requested URL <code>${escapeHtml(pathname)}</code> was not found on this server.  ` +
    '<ins>That’s all we know.</ins>\n'
  );
}
