import type { Metrics } from '../observability/metrics.js';
import type { Credentials } from './auth.js';
import { parseErrorResponse, UpstreamError, type ApiKind } from './errors.js';

export interface UpstreamSettings {
  /** API root including the version, e.g. `https://healthcare.googleapis.com/v1`. */
  apiUrl: string;
  timeoutMs: number;
  metrics: Metrics;
}

export interface UpstreamCall {
  kind: ApiKind;
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path below the API root, built by `names.ts` (already validated and encoded). */
  path: string;
  /** Query parameters; values are always encoded as values, never as syntax. */
  query?: Record<string, string | number | undefined>;
  body?: unknown;
}

/**
 * The one place that performs HTTP calls to the Cloud Healthcare API. One instance serves one GraphQL
 * request, with that request's credentials, so tokens never mix between callers and calls can be
 * counted per request. Node's fetch keeps connections alive across instances.
 */
export class HealthcareClient {
  /** Upstream calls made through this client (the current request's count). */
  calls = 0;

  constructor(
    private readonly settings: UpstreamSettings,
    private readonly credentials: Credentials,
  ) {}

  /** Performs a call and returns its JSON body; throws {@link UpstreamError} for every failure. */
  async json<T>(call: UpstreamCall): Promise<T> {
    const response = await this.send(call, 'application/json');
    let text: string;
    try {
      text = await response.text();
    } catch {
      throw new UpstreamError('The upstream connection broke while sending its answer', response.status, call.kind, undefined, undefined, 'network');
    }
    if (text === '') return {} as T;
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new UpstreamError('The upstream answered with a body that is not JSON', response.status, call.kind);
    }
  }

  private async send(call: UpstreamCall, accept: string): Promise<Response> {
    const method = call.method ?? 'GET';
    const url = new URL(`${this.settings.apiUrl}/${call.path}`);
    for (const [key, value] of Object.entries(call.query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    let authHeaders: Record<string, string>;
    try {
      authHeaders = await this.credentials.headers();
    } catch (error) {
      throw new UpstreamError(`Could not obtain Google credentials: ${(error as Error).message.split('\n')[0]}`, 0, call.kind, undefined, undefined, 'credentials');
    }
    const headers: Record<string, string> = { accept, ...authHeaders };
    if (call.body !== undefined) headers['content-type'] = 'application/json';

    const { metrics } = this.settings;
    const stopTimer = metrics.upstreamDuration.startTimer({ kind: call.kind, method });
    this.calls += 1;
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers,
        body: call.body === undefined ? undefined : JSON.stringify(call.body),
        signal: AbortSignal.timeout(this.settings.timeoutMs),
        redirect: 'manual', // a redirect could carry the token to another host
      });
    } catch (error) {
      const timedOut = (error as Error).name === 'TimeoutError';
      metrics.upstreamRequests.inc({ kind: call.kind, method, status: timedOut ? 'timeout' : 'network' });
      stopTimer();
      throw new UpstreamError(
        timedOut ? `The upstream did not answer within ${this.settings.timeoutMs} ms` : 'Could not reach the upstream',
        0, call.kind, undefined, undefined, timedOut ? 'timeout' : 'network',
      );
    }
    metrics.upstreamRequests.inc({ kind: call.kind, method, status: String(response.status) });
    stopTimer();
    if (!response.ok) {
      throw parseErrorResponse(call.kind, response.status, await response.text(), response.headers.get('retry-after'));
    }
    return response;
  }
}
