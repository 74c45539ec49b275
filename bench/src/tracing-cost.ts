/**
 * What the request scope (authentication, audit, tracing: `beginRequest`) costs one request, with
 * tracing off (the default) and on, measured in this process: per request, its begin, three
 * upstream calls' observer hooks, and its finish. Off should be a fraction of a microsecond; on, the
 * spans' creation and export (to a collector on loopback that discards them).
 */
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AccessPolicy } from '../../src/access/policy.js';
import { beginRequest, type TrustServices } from '../../src/access/request-scope.js';
import { anonymous } from '../../src/healthcare/auth.js';
import { watchCall } from '../../src/healthcare/upstream-observer.js';
import { openAuditLog } from '../../src/observability/audit.js';
import { createTracing, type Tracing } from '../../src/observability/tracing.js';
import { median } from './stats.js';

export interface TracingCost {
  requests: number;
  /** Median over the rounds, microseconds per request. */
  offMicros: number;
  onMicros: number;
}

const ROUNDS = 5;
const CALL = { kind: 'fhir' as const, method: 'GET', path: 'projects/demo/locations/us-central1/datasets/demo/fhirStores/fhir/fhir/Patient/1', external: false };

async function perRequestMicros(tracing: Tracing, requests: number): Promise<number> {
  const services: TrustServices = {
    auth: { authMode: 'none', serverCredentials: anonymous, access: new AccessPolicy({ project: 'demo', location: 'us-central1', allowedFhirStores: undefined, allowedDicomStores: undefined, allowedHl7V2Stores: undefined }) },
    audit: openAuditLog({ kind: 'off' }),
    tracing,
  };
  const rounds: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const started = performance.now();
    for (let request = 0; request < requests; request += 1) {
      const scope = await beginRequest(services, { authorization: undefined, trace: {}, requestId: 'bench', type: 'graphql' });
      for (let call = 0; call < 3; call += 1) watchCall(scope.observers, CALL)?.ended({ status: 200, retries: 0 });
      scope.finish({ operation: 'Bench', errorCodes: [], upstreamCalls: 3, spanName: 'query Bench' });
    }
    rounds.push(((performance.now() - started) * 1000) / requests);
  }
  return Math.round((median(rounds) ?? 0) * 100) / 100;
}

/** Measures both; `requests` per round. */
export async function measureTracingCost(requests: number): Promise<TracingCost> {
  const sink = createServer((request, response) => {
    request.resume();
    request.on('end', () => response.writeHead(200, { 'content-type': 'application/json' }).end('{}'));
  }).listen(0, '127.0.0.1');
  await once(sink, 'listening');
  const exportUrl = `http://127.0.0.1:${(sink.address() as AddressInfo).port}/v1/traces`;
  const on = await createTracing({ exportUrl, serviceName: 'bench', resolverSpans: false }, 'http://127.0.0.1/v1');
  try {
    const offMicros = await perRequestMicros(await createTracing({ serviceName: 'bench', resolverSpans: false }, 'http://127.0.0.1/v1'), requests);
    const onMicros = await perRequestMicros(on, requests);
    return { requests, offMicros, onMicros };
  } finally {
    await on.shutdown();
    sink.close();
    sink.closeAllConnections();
  }
}

/** The report's paragraph about it. */
export function renderTracingCost(cost: TracingCost | undefined): string {
  if (!cost) return '';
  return `\n## Tracing cost\n\nThe request scope (auth, audit, tracing) per request with three upstream calls, in-process, median of ${ROUNDS} rounds of ${cost.requests}: `
    + `**${cost.offMicros} µs with tracing off** (the default), ${cost.onMicros} µs with OTLP export on.\n`;
}
