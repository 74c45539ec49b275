import { createHash } from 'node:crypto';
import { startApp, type RunningApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import { createLogger, type Logger } from '../../src/observability/logger.js';

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The `extensions` Apollo Client's persisted-query link sends: the document's SHA-256. */
export const persisted = (query: string) => ({ persistedQuery: { version: 1, sha256Hash: sha256(query) } });

export interface Answer {
  status: number;
  data?: any;
  errors?: { message: string; extensions?: { code?: string; [key: string]: unknown } }[];
}

/** POSTs a raw GraphQL-over-HTTP body (with or without `query`) to a running graph. */
export async function post(app: RunningApp, body: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(`${app.graph.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, ...(await response.json()) };
}

/** The error codes of an answer, in order. */
export const codes = (answer: Answer) => (answer.errors ?? []).map((error) => error.extensions?.code);

export const DEMO_FHIR = 'projects/demo/locations/us-central1/datasets/demo/fhirStores/fhir';

/** A logger like the server's own (same redaction) whose JSON lines stay in memory. */
export function memoryLogger(level: string): { logger: Logger; lines: string[]; records: () => Record<string, any>[] } {
  const lines: string[] = [];
  const logger = createLogger(level, { write: (line: string) => void lines.push(line) });
  return { logger, lines, records: () => lines.map((line) => JSON.parse(line)) };
}

/** `startTestApp`, with the app logging into the given logger instead of nowhere. */
export async function startLoggedApp(logger: Logger, env: Record<string, string> = {}): Promise<RunningApp> {
  const app = await startApp(loadConfig({ PORT: '0', EMULATOR_PORT: '0', DEMO_PATIENTS: '1', ...env }), { logger });
  await app.demo;
  return app;
}
