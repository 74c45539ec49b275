import { setTimeout as sleep } from 'node:timers/promises';
import pLimit, { type LimitFunction } from 'p-limit';
import type { Metrics } from '../observability/metrics.js';
import type { Credentials } from './auth.js';
import { parseErrorResponse, UpstreamError, type ApiKind, type UpstreamErrorOptions } from './errors.js';
import type { ExternalDicomStores } from './external-dicomweb.js';
import { isIdempotent, isRetryable, retryDelayMs, type RetryPolicy } from './retry.js';
import { watchCall, type CallWatch, type UpstreamObserver } from './upstream-observer.js';

export interface UpstreamSettings {
  /** API root including the version, e.g. `https://healthcare.googleapis.com/v1`. */
  apiUrl: string;
  timeoutMs: number;
  metrics: Metrics;
  /** How many calls one request may have in flight at once; the rest queue. */
  concurrency: number;
  /** Calls the whole process may have in flight at once, shared by all requests. */
  processLimit: LimitFunction;
  retry: RetryPolicy;
  /** External DICOMweb servers shown as DICOM stores (`DICOMWEB_SERVERS`); `dicomweb.ts` routes their calls. */
  externalDicom?: ExternalDicomStores;
}

/** Another server than the API root, with its own headers: an external DICOMweb server. */
export interface UpstreamTarget {
  /** Who answers, for error messages (e.g. `DICOMweb server "orthanc"`). */
  label: string;
  /** Base URL the call's `path` is appended to, without a trailing slash. */
  baseUrl: string;
  /** Sent instead of this client's credentials, which never go anywhere but the API root. */
  headers: Readonly<Record<string, string>>;
}

export interface ClientOptions {
  /** Time (epoch ms) by which the request's upstream work must be done, retries included. */
  deadline?: number;
  /** Consulted before every HTTP call, retries included; throws to refuse the call. */
  budget?: { take(): void };
  /** Told of every call (tracing, audit); their headers go to the API root only. */
  observers?: readonly UpstreamObserver[];
}

export interface UpstreamCall {
  kind: ApiKind;
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path below the API root, built by `names.ts` / `fhir.ts` (already validated and encoded). */
  path: string;
  /** Query parameters; values are always encoded as values, never as syntax. Repeated keys: pass pairs. */
  query?: Record<string, string | number | undefined> | [string, string][];
  /**
   * A query string taken from an upstream next link that `next-link.ts` validated and this server
   * signed, or serialized for an external server's quirks; used instead of `query`.
   */
  search?: string;
  /** Sends the call to this server instead of the API root, with its headers instead of the credentials. */
  target?: UpstreamTarget;
  body?: unknown;
  /**
   * A body streamed as is instead of `body` (a STOW-RS upload the DICOMweb proxy passes on). It can
   * be read once, so such a call is a POST and never tried again.
   */
  stream?: ReadableStream<Uint8Array>;
  /** Error statuses answered as responses instead of thrown (STOW-RS's 409 carries the failed instances). */
  passStatuses?: readonly number[];
  /** Defaults to `application/json`. */
  accept?: string;
  /** Defaults to `application/json` when there is a body. */
  contentType?: string;
  /** Extra request headers (e.g. `If-None-Exist`); never authorization. */
  headers?: Record<string, string>;
}

/** Who an error about `call` names: the part of the API, and the external server when the call went to one. */
function origin(call: UpstreamCall): Pick<UpstreamErrorOptions, 'kind' | 'server'> {
  return { kind: call.kind, server: call.target?.label };
}

export interface UpstreamResponse<T> {
  status: number;
  body: T;
}

/**
 * The one place that performs HTTP calls to the Cloud Healthcare API. One instance serves one GraphQL
 * request, with that request's credentials, so tokens never mix between callers and calls can be
 * counted per request. Node's fetch keeps connections alive across instances.
 */
export class HealthcareClient {
  private callCount = 0;
  private readonly limit: LimitFunction;

  private readonly deadline: number;
  private readonly budget?: { take(): void };
  private readonly observers: readonly UpstreamObserver[];

  constructor(
    private readonly settings: UpstreamSettings,
    private readonly credentials: Credentials,
    options: ClientOptions = {},
  ) {
    this.limit = pLimit(settings.concurrency);
    this.deadline = options.deadline ?? Number.POSITIVE_INFINITY;
    this.budget = options.budget;
    this.observers = options.observers ?? [];
  }

  /** Performs a call and returns its JSON body; throws {@link UpstreamError} for every failure. */
  async json<T>(call: UpstreamCall): Promise<T> {
    return (await this.request<T>(call)).body;
  }

  /** Performs a call and returns its status and JSON body (`{}` when empty). */
  request<T>(call: UpstreamCall): Promise<UpstreamResponse<T>> {
    return this.withRetries(call, (extraHeaders) => this.exchange<T>(call, extraHeaders));
  }

  private async exchange<T>(call: UpstreamCall, extraHeaders: Readonly<Record<string, string>> | undefined): Promise<UpstreamResponse<T>> {
    const response = await this.send(call, extraHeaders);
    let text: string;
    try {
      text = await response.text();
    } catch {
      throw new UpstreamError('The upstream connection broke while sending its answer', { ...origin(call), status: response.status, failure: 'network' });
    }
    if (text === '') return { status: response.status, body: {} as T };
    try {
      return { status: response.status, body: JSON.parse(text) as T };
    } catch {
      throw new UpstreamError('The upstream answered with a body that is not JSON', { ...origin(call), status: response.status });
    }
  }

  /**
   * Performs a call whose answer is binary (a rendered image) and returns the response for streaming;
   * error statuses still throw {@link UpstreamError}.
   */
  binary(call: UpstreamCall): Promise<Response> {
    return this.withRetries(call, (extraHeaders) => this.send(call, extraHeaders));
  }

  /**
   * Runs one attempt at a time within the request's and the process's concurrency limits, and tries
   * idempotent calls again on passing failures while the deadline allows.
   */
  private async withRetries<T extends { status: number }>(call: UpstreamCall, attempt: (extraHeaders?: Readonly<Record<string, string>>) => Promise<T>): Promise<T> {
    const { processLimit, metrics } = this.settings;
    const watch: CallWatch | undefined = watchCall(this.observers, { kind: call.kind, method: call.method ?? 'GET', path: call.path, external: call.target !== undefined });
    // Trace context is for the API root: an external server learns nothing of this server's traces.
    const extraHeaders = call.target ? undefined : watch?.headers;
    for (let retries = 0; ; retries += 1) {
      try {
        const result = await this.limit(() => processLimit(() => attempt(extraHeaders)));
        watch?.ended({ status: result.status, retries });
        return result;
      } catch (error) {
        if (!(error instanceof UpstreamError)) {
          watch?.ended({ status: 'refused', retries });
          throw error;
        }
        const delay = this.retryDelay(call, error, retries);
        if (delay === undefined) {
          metrics.upstreamErrors.inc({ kind: call.kind, code: error.failure ?? String(error.status) });
          watch?.ended({ status: error.failure ?? error.status, retries });
          throw error;
        }
        metrics.upstreamRetries.inc({ kind: call.kind });
        await sleep(delay);
      }
    }
  }

  /** How long to wait before trying a failed call again; undefined when it must not be tried again. */
  private retryDelay(call: UpstreamCall, error: UpstreamError, retries: number): number | undefined {
    const { retry } = this.settings;
    if (!isIdempotent(call) || !isRetryable(error) || retries >= retry.retries) return undefined;
    const delay = retryDelayMs(retries, retry, error.retryAfterSeconds);
    return Date.now() + delay < this.deadline ? delay : undefined;
  }

  /** Upstream calls made through this client (the current request's count). */
  get calls(): number {
    return this.callCount;
  }

  /** The server's metrics, for per-request helpers that record their own (the DataLoaders). */
  get metrics(): Metrics {
    return this.settings.metrics;
  }

  /** The API root this client calls with its credentials; only configured external servers are called besides. */
  get apiUrl(): string {
    return this.settings.apiUrl;
  }

  /** The external DICOMweb servers, if any are configured. */
  get externalDicom(): ExternalDicomStores | undefined {
    return this.settings.externalDicom;
  }

  private buildUrl(call: UpstreamCall): URL {
    const url = new URL(`${call.target?.baseUrl ?? this.settings.apiUrl}/${call.path}`);
    if (call.search !== undefined) {
      url.search = call.search;
    } else {
      const pairs = Array.isArray(call.query) ? call.query : Object.entries(call.query ?? {});
      for (const [key, value] of pairs) {
        if (value !== undefined) url.searchParams.append(key, String(value));
      }
    }
    return url;
  }

  private async send(call: UpstreamCall, extraHeaders?: Readonly<Record<string, string>>): Promise<Response> {
    const method = call.method ?? 'GET';
    const url = this.buildUrl(call);
    let authHeaders: Readonly<Record<string, string>>;
    try {
      // An external server gets its own header only: Google credentials are not even fetched.
      authHeaders = call.target ? call.target.headers : await this.credentials.headers();
    } catch (error) {
      throw new UpstreamError(`Could not obtain Google credentials: ${(error as Error).message.split('\n')[0]}`, { ...origin(call), status: 0, failure: 'credentials' });
    }
    const headers: Record<string, string> = { ...call.headers, ...extraHeaders, accept: call.accept ?? 'application/json', ...authHeaders };
    if (call.body !== undefined || call.stream !== undefined) headers['content-type'] = call.contentType ?? 'application/json';

    const { metrics } = this.settings;
    const timeoutMs = Math.min(this.settings.timeoutMs, this.deadline - Date.now());
    if (timeoutMs <= 0) throw new UpstreamError('The request ran out of time before this upstream call', { ...origin(call), status: 0, failure: 'timeout' });
    this.budget?.take();
    const stopTimer = metrics.upstreamDuration.startTimer({ kind: call.kind, method });
    this.callCount += 1;
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers,
        body: call.stream ?? (call.body === undefined ? undefined : JSON.stringify(call.body)),
        // Node's fetch requires this for a streamed request body.
        ...(call.stream === undefined ? {} : { duplex: 'half' }),
        signal: AbortSignal.timeout(timeoutMs),
        redirect: 'manual', // a redirect could carry the token to another host
      });
    } catch (error) {
      const timedOut = (error as Error).name === 'TimeoutError';
      metrics.upstreamRequests.inc({ kind: call.kind, method, status: timedOut ? 'timeout' : 'network' });
      stopTimer();
      throw new UpstreamError(
        timedOut ? `The upstream did not answer within ${timeoutMs} ms` : 'Could not reach the upstream',
        { ...origin(call), status: 0, failure: timedOut ? 'timeout' : 'network' },
      );
    }
    metrics.upstreamRequests.inc({ kind: call.kind, method, status: String(response.status) });
    stopTimer();
    if (!response.ok && !call.passStatuses?.includes(response.status)) {
      const body = await response.text().catch(() => '');
      throw parseErrorResponse({ status: response.status, body, retryAfter: response.headers.get('retry-after') }, origin(call));
    }
    return response;
  }
}
