/** How the bench sends one request of a query to each system. */
import { setTimeout as sleep } from 'node:timers/promises';
import type { RpcChild } from './ipc.js';
import { restCanonicalOf, type BenchQuery, type SystemName } from './queries.js';
import { RestClient } from './rest.js';

const REQUEST_TIMEOUT_MS = 60_000;

export interface Runner {
  system: SystemName;
  server?: RpcChild;
  /** One request; its canonical data and the client's round trips. */
  once(): Promise<{ canonical: unknown; roundTrips: number }>;
  /** One request for the load loop. */
  task(): Promise<void>;
}

export interface RunningServer {
  child: RpcChild;
  url: string;
}

/** A request to a server under test that must answer 200 with GraphQL-shaped JSON and no errors; its `data`. */
async function requestData(url: string, init: RequestInit): Promise<unknown> {
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`HTTP ${response.status}: ${text.slice(0, 300)}`);
  const json = JSON.parse(text) as { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
  if (json.errors && json.errors.length > 0) {
    throw new Error(`GraphQL errors: ${json.errors.map((error) => `${error.extensions?.code ?? ''} ${error.message}`).join('; ').slice(0, 400)}`);
  }
  return json.data;
}

/**
 * The runner of `system` for `query`. `rttMs` simulates the client's network: the client waits that
 * long before each of its HTTP requests, so a server pays it once per request and a REST client from
 * the device once per wave (calls of one wave wait at the same time).
 */
export function makeRunner(query: BenchQuery, system: SystemName, servers: ReadonlyMap<SystemName, RunningServer>, apiUrl: string, rttMs = 0): Runner {
  if (system === 'rest-optimal' || system === 'rest-sequential') {
    const mode = system === 'rest-optimal' ? 'parallel' : 'sequential';
    return {
      system,
      async once() {
        const client = new RestClient(apiUrl, mode, rttMs);
        const canonical = await restCanonicalOf(query, client);
        return { canonical, roundTrips: client.calls };
      },
      async task() {
        await query.fetchRest(new RestClient(apiUrl, mode, rttMs));
      },
    };
  }
  const server = servers.get(system);
  if (!server) throw new Error(`${system} server is not running`);
  const body = JSON.stringify(query.graphql);
  const send = system === 'bff'
    ? () => requestData(`${server.url}/bff/${query.name}`, { headers: { accept: 'application/json' } })
    : () => requestData(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const request = rttMs > 0 ? async () => sleep(rttMs).then(send) : send;
  return {
    system,
    server: server.child,
    once: async () => ({ canonical: query.fromGraph(await request()), roundTrips: 1 }),
    task: async () => {
      await request();
    },
  };
}
