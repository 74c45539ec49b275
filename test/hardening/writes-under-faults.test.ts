import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { graphql, upstreamCalls } from '../helpers/app.js';
import { DEMO_DATASET, DEMO_FHIR_STORE } from '../helpers/demo-names.js';
import { setFaults } from './emulator-control.js';
import { startStack, type Stack } from './stack.js';

/**
 * Creates whose answer comes too late: the emulator stores the resource, then holds the answer back
 * past UPSTREAM_TIMEOUT_MS (a `delay` rule on POST only). A retry could store it twice.
 */

const CREATE = 'mutation($input: CreateFhirResourceInput!) { createFhirResource(input: $input) { created resource { resourceId } } }';
const SLOW_POST = { path: '/fhir/Organization$', method: 'POST', rate: 1, status: 'delay', delayMs: 1500 };

let stack: Stack;
let gcsDir: string;
beforeAll(async () => {
  gcsDir = await mkdtemp(path.join(tmpdir(), 'faults-gcs-'));
  stack = await startStack({ patients: 0, emulator: { gcsDir }, env: { UPSTREAM_TIMEOUT_MS: '300', UPSTREAM_RETRIES: '3' } });
}, 60_000);
afterAll(async () => {
  await stack?.close();
  await rm(gcsDir, { recursive: true, force: true });
});

const posts = () => upstreamCalls(stack.app, { method: 'POST' });

/** Organizations with this identifier, counted by the emulator itself. */
async function stored(value: string): Promise<string[]> {
  const response = await fetch(`${stack.emulator.url}/v1/${DEMO_FHIR_STORE}/fhir/Organization?identifier=urn:hardening|${value}`);
  const bundle = (await response.json()) as { entry?: { resource: { id: string } }[] };
  return (bundle.entry ?? []).map((entry) => entry.resource.id);
}

const organization = (value: string) => ({ resourceType: 'Organization', name: value, identifier: [{ system: 'urn:hardening', value }] });

describe('a create that times out', () => {
  it('is not sent again when plain, so it is stored once and reported as unavailable', async () => {
    await setFaults(stack.emulator.url, [SLOW_POST]);
    const before = await posts();
    try {
      const result = await graphql(stack.app, CREATE, { input: { store: DEMO_FHIR_STORE, resource: organization('plain') } });
      expect(result.errors?.map((error) => error.extensions?.code)).toEqual(['UPSTREAM_UNAVAILABLE']);
    } finally {
      await setFaults(stack.emulator.url, []);
    }
    expect(await posts()).toBe(before + 1);
    // The write happened although its answer never arrived: the client must not assume otherwise.
    expect(await stored('plain')).toHaveLength(1);
  });

  it('is sent again when conditional, finding the resource its first attempt stored', async () => {
    await setFaults(stack.emulator.url, [{ ...SLOW_POST, times: 1 }]);
    const before = await posts();
    try {
      const result = await graphql(stack.app, CREATE, {
        input: { store: DEMO_FHIR_STORE, resource: organization('conditional'), ifNoneExist: 'identifier=urn:hardening|conditional' },
      });
      expect(result.errors).toBeUndefined();
      const ids = await stored('conditional');
      expect(ids).toHaveLength(1);
      expect(result.data.createFhirResource).toEqual({ created: false, resource: { resourceId: ids[0] } });
    } finally {
      await setFaults(stack.emulator.url, []);
    }
    expect(await posts()).toBe(before + 2);
  });
});

/**
 * Writes whose answer is lost after the emulator applied them (`"after": true` serves the request,
 * then answers 503) or arrives after the client gave up (`delay`): no write may be applied twice.
 */
describe('writes whose answer is lost', () => {
  const UPDATE = 'mutation($input: UpdateFhirResourceInput!) { updateFhirResource(input: $input) { resource { resourceId versionId resource } } }';
  const BUNDLE = 'mutation($input: ExecuteFhirBundleInput!) { executeFhirBundle(input: $input) { entries { statusCode } } }';
  const IMPORT = 'mutation($store: String!, $uri: String!) { importFhirResources(store: $store, gcsUri: $uri, contentStructure: RESOURCE) { id } }';
  const lostAnswer = (path: string, method: string) => ({ path, method, rate: 1, status: 503, after: true, times: 1 });

  async function withFaults<T>(rules: object[], run: () => Promise<T>): Promise<T> {
    await setFaults(stack.emulator.url, rules);
    try {
      return await run();
    } finally {
      await setFaults(stack.emulator.url, []);
    }
  }

  const versionsOf = async (type: string, id: string): Promise<number> =>
    ((await (await fetch(`${stack.emulator.url}/v1/${DEMO_FHIR_STORE}/fhir/${type}/${id}/_history`)).json()) as { total: number }).total;

  async function createOrganization(value: string): Promise<{ resourceId: string; versionId: string }> {
    const result = await graphql(stack.app, CREATE, { input: { store: DEMO_FHIR_STORE, resource: organization(value) } });
    const id = result.data.createFhirResource.resource.resourceId as string;
    const read = (await (await fetch(`${stack.emulator.url}/v1/${DEMO_FHIR_STORE}/fhir/Organization/${id}`)).json()) as { meta: { versionId: string } };
    return { resourceId: id, versionId: read.meta.versionId };
  }

  it('a conditional create is retried and finds what its first attempt stored', async () => {
    const result = await withFaults([lostAnswer('/fhir/Organization$', 'POST')], () =>
      graphql(stack.app, CREATE, { input: { store: DEMO_FHIR_STORE, resource: organization('lost-create'), ifNoneExist: 'identifier=urn:hardening|lost-create' } }));
    expect(result.errors).toBeUndefined();
    expect(await stored('lost-create')).toEqual([result.data.createFhirResource.resource.resourceId]);
  });

  it.each([
    ['503 after the write', { path: '/fhir/Organization/', method: 'PUT', rate: 1, status: 503, after: true, times: 1 }],
    ['an answer later than the client timeout', { path: '/fhir/Organization/', method: 'PUT', rate: 1, status: 'delay', delayMs: 1500, times: 1 }],
  ])('a versioned update is retried after %s, applied once and reported as done', async (_what, rule) => {
    const organizationRecord = await createOrganization(`versioned-${rule.status}`);
    const resource = { ...organization(`versioned-${rule.status}`), id: organizationRecord.resourceId, name: 'Renamed' };
    const result = await withFaults([rule], () =>
      graphql(stack.app, UPDATE, { input: { store: DEMO_FHIR_STORE, resource, ifMatch: organizationRecord.versionId } }));
    expect(result.errors).toBeUndefined();
    expect(result.data.updateFhirResource.resource.resource.name).toBe('Renamed');
    expect(await versionsOf('Organization', organizationRecord.resourceId)).toBe(2);
  });

  it('a transaction is not sent again: its entries are stored once and the caller told it may have happened', async () => {
    const bundle = { resourceType: 'Bundle', type: 'transaction', entry: [{ resource: organization('lost-transaction'), request: { method: 'POST', url: 'Organization' } }] };
    const before = await posts();
    const result = await withFaults([lostAnswer('/fhir$', 'POST')], () => graphql(stack.app, BUNDLE, { input: { store: DEMO_FHIR_STORE, bundle } }));
    expect(result.errors?.map((error) => error.extensions?.code)).toEqual(['UPSTREAM_UNAVAILABLE']);
    expect(await posts()).toBe(before + 1);
    expect(await stored('lost-transaction')).toHaveLength(1);
  });

  it('an import is not started twice', async () => {
    const gcs = path.join(gcsDir, 'faults');
    await mkdir(gcs, { recursive: true });
    await writeFile(path.join(gcs, 'org.ndjson'), `${JSON.stringify({ ...organization('imported'), id: 'imported-org' })}\n`);
    const listOps = async () => ((await (await fetch(`${stack.emulator.url}/v1/${DEMO_DATASET}/operations`)).json()) as { operations?: { metadata: { apiMethodName: string } }[] }).operations ?? [];
    const imports = async () => (await listOps()).filter((op) => op.metadata.apiMethodName.endsWith('ImportResources')).length;
    const before = await imports();
    const result = await withFaults([lostAnswer(':import$', 'POST')], () => graphql(stack.app, IMPORT, { store: DEMO_FHIR_STORE, uri: 'gs://faults/*.ndjson' }));
    expect(result.errors?.map((error) => error.extensions?.code)).toEqual(['UPSTREAM_UNAVAILABLE']);
    expect(await imports()).toBe(before + 1);
    for (let i = 0; i < 100 && (await fetch(`${stack.emulator.url}/v1/${DEMO_FHIR_STORE}/fhir/Organization/imported-org`)).status !== 200; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(await versionsOf('Organization', 'imported-org')).toBe(1);
  });
});
