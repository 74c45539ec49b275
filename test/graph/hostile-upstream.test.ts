import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startApp, type RunningApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import { graphql } from '../helpers/app.js';

/**
 * An upstream that tries to steer the graph elsewhere: its FHIR pages carry next links to a foreign
 * host or out of the store, and some answers redirect. A second listener stands in for the foreign
 * host and must never be called, least of all with the caller's token.
 */
const STORE = 'projects/demo/locations/us-central1/datasets/demo/fhirStores/s';
const TOKEN = 'ya29.secret-token';

let foreignRequests: { url?: string; authorization?: string }[] = [];
let nextLink = '';
let hostile: Server;
let foreign: Server;
let hostileRoot = '';
let foreignRoot = '';
let app: RunningApp;

const listen = (server: Server) => new Promise<string>((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));

beforeAll(async () => {
  foreign = createServer((request, response) => {
    foreignRequests.push({ url: request.url, authorization: request.headers.authorization });
    response.end('{}');
  });
  hostile = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://x');
    if (url.pathname.endsWith('/redirect/fhir/Patient')) {
      response.writeHead(302, { location: `${foreignRoot}/v1/${STORE}/fhir/Patient` });
      response.end();
    } else if (url.pathname.endsWith('/fhir/Patient')) {
      response.writeHead(200, { 'content-type': 'application/fhir+json' });
      response.end(JSON.stringify({
        resourceType: 'Bundle', type: 'searchset', total: 2,
        link: [{ relation: 'next', url: nextLink }],
        entry: [{ resource: { resourceType: 'Patient', id: 'p1' }, search: { mode: 'match' } }],
      }));
    } else {
      const name = url.pathname.replace(/^\/v1\//, '');
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ name, version: 'R4' }));
    }
  });
  [hostileRoot, foreignRoot] = await Promise.all([listen(hostile), listen(foreign)]);
  app = await startApp(loadConfig({ PORT: '0', LOG_LEVEL: 'silent', HEALTHCARE_API_URL: `${hostileRoot}/v1`, AUTH_MODE: 'passthrough' }));
});

afterAll(async () => {
  await app.close();
  await new Promise((resolve) => hostile.close(resolve));
  await new Promise((resolve) => foreign.close(resolve));
});

const query = (store: string) => graphql(app, `{ fhirStore(name: "${store}") { patients(first: 1) { nodes { resourceId } pageInfo { hasNextPage endCursor } } } }`, {}, { authorization: `Bearer ${TOKEN}` });

describe('an upstream that tries to redirect the graph', () => {
  it.each([
    ['a next link to another host', () => `${foreignRoot}/v1/${STORE}/fhir/Patient?_page_token=x`],
    ['a next link with a traversal to another store', () => `${hostileRoot}/v1/${STORE}/fhir/Patient/../../../fhirStores/other/fhir/Patient?_page_token=x`],
    ['a next link to another project', () => `${hostileRoot}/v1/projects/evil/locations/us-central1/datasets/demo/fhirStores/s/fhir/Patient?_page_token=x`],
    ['a next link that carries an access token', () => `${hostileRoot}/v1/${STORE}/fhir/Patient?_page_token=x&access_token=stolen`],
    ['a next link with userinfo', () => `http://user@127.0.0.1:${new URL(foreignRoot).port}/v1/${STORE}/fhir/Patient`],
  ])('refuses to page on %s, with no request to the foreign host', async (_what, link) => {
    nextLink = link();
    foreignRequests = [];
    const result = await query(STORE);
    expect(result.errors?.[0]?.extensions?.code).toBe('UPSTREAM_ERROR');
    expect(result.errors?.[0]?.message).toContain('next link');
    expect(foreignRequests).toEqual([]);
  });

  it('does not follow a redirect, so the token never reaches the foreign host', async () => {
    foreignRequests = [];
    const result = await query(STORE.replace('/fhirStores/s', '/fhirStores/redirect'));
    expect(result.errors?.[0]?.extensions?.code).toBe('UPSTREAM_ERROR');
    expect(foreignRequests).toEqual([]);
  });

  it('follows a next link that points back into the same list', async () => {
    nextLink = `${hostileRoot}/v1/${STORE}/fhir/Patient?_page_token=abc&_count=1`;
    const first = await query(STORE);
    expect(first.errors).toBeUndefined();
    expect(first.data.fhirStore.patients.pageInfo.hasNextPage).toBe(true);
  });
});
