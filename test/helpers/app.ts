import { startApp, type RunningApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';

/**
 * Starts the graph with the embedded emulator on free ports, once its demo data (one patient by
 * default) is loaded; extra variables override the defaults.
 */
export async function startTestApp(env: Record<string, string> = {}): Promise<RunningApp> {
  // No live feed unless a test asks for it: its writes would change what the tests count.
  const app = await startApp(loadConfig({ PORT: '0', EMULATOR_PORT: '0', LOG_LEVEL: 'silent', DEMO_PATIENTS: '1', DEMO_LIVE: 'off', ...env }));
  await app.demo;
  return app;
}

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string; [key: string]: unknown } }[];
}

/** POSTs a GraphQL operation to a running graph. */
export async function graphql<T = any>(app: RunningApp, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<GraphQLResponse<T>> {
  const response = await fetch(`${app.graph.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, ...(await response.json()) };
}

/** Calls the emulator's REST API directly, as any Cloud Healthcare client would. */
export async function rest(app: RunningApp, method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  const response = await fetch(`${app.apiUrl}/${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : JSON.parse(text) };
}

/** Reads a counter's total (summed over the given label filter) from the graph's /metrics. */
export async function metricTotal(app: RunningApp, name: string, labels: Record<string, string> = {}): Promise<number> {
  const text = await (await fetch(`${app.graph.url}/metrics`)).text();
  let total = 0;
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    if (Object.entries(labels).every(([key, value]) => line.includes(`${key}="${value}"`))) total += Number(line.split(' ').at(-1));
  }
  return total;
}

/** The graph's upstream calls so far, read from its /metrics; `labels` narrows them (e.g. `{ kind: 'fhir' }`). */
export function upstreamCalls(app: RunningApp, labels: Record<string, string> = {}): Promise<number> {
  return metricTotal(app, 'healthcare_upstream_requests_total', labels);
}

/**
 * Runs `request` and returns its result with the upstream calls (narrowed by `labels`) the graph made
 * meanwhile. The count is the request's own as long as nothing else uses the graph at the same time,
 * which holds for tests run one after another in a file.
 */
export async function countUpstreamCalls<T>(app: RunningApp, request: () => Promise<T>, labels: Record<string, string> = {}): Promise<{ result: T; calls: number }> {
  const before = await upstreamCalls(app, labels);
  const result = await request();
  return { result, calls: (await upstreamCalls(app, labels)) - before };
}
