import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { pino } from 'pino';
import { startApp, type RunningApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import { graphql, upstreamCalls } from '../helpers/app.js';

/**
 * Passthrough mode against the emulator enforcing Cloud IAM: each caller's token goes upstream and
 * IAM decides what each one sees. Alice may read FHIR only, Bob DICOM only, root everything.
 */
const DATASET = 'projects/demo/locations/us-central1/datasets/demo';
const FHIR = `${DATASET}/fhirStores/fhir`;
const DICOM = `${DATASET}/dicomStores/dicom`;
const TOKENS = { root: 'ya29.root-token-0001', alice: 'ya29.alice-token-0002', bob: 'ya29.bob-token-0003', eve: 'ya29.eve-token-0004' };

let app: RunningApp;
const logLines: string[] = [];

const as = (who: keyof typeof TOKENS) => ({ authorization: `Bearer ${TOKENS[who]}` });

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'iam-'));
  const principals = join(dir, 'principals.json');
  writeFileSync(principals, JSON.stringify({
    tokens: { [TOKENS.root]: 'user:root@example.com', [TOKENS.alice]: 'user:alice@example.com', [TOKENS.bob]: 'user:bob@example.com', [TOKENS.eve]: 'user:eve@example.com' },
    admins: ['user:root@example.com'],
  }));
  const sink = new Writable({ write(chunk, _encoding, done) { logLines.push(String(chunk)); done(); } });
  app = await startApp(loadConfig({ PORT: '0', EMULATOR_PORT: '0', DEMO_PATIENTS: '3', AUTH_MODE: 'passthrough', EMULATOR_PRINCIPALS: principals, LOG_LEVEL: 'debug' }), { logger: pino({ level: 'debug' }, sink) });
  await app.demo;
  const grant = async (resource: string, bindings: object[]) => {
    const result = await graphql(app, 'mutation($input: SetIamPolicyInput!) { setIamPolicy(input: $input) { etag } }', { input: { resource, bindings } }, as('root'));
    expect(result.errors).toBeUndefined();
  };
  await grant(DATASET, [{ role: 'roles/healthcare.datasetViewer', members: ['user:alice@example.com', 'user:bob@example.com'] }]);
  await grant(FHIR, [{ role: 'roles/healthcare.fhirResourceReader', members: ['user:alice@example.com'] }]);
  await grant(DICOM, [{ role: 'roles/healthcare.dicomViewer', members: ['user:bob@example.com'] }]);
}, 120_000);
afterAll(() => app.close());

const CHART = `{ fhirStore(name: "${FHIR}") { patients(first: 2) { nodes { mrn imagingStudies { nodes { studyInstanceUid } } } } } }`;
const STUDIES = `{ dicomStore(name: "${DICOM}") { studies(first: 2) { nodes { studyInstanceUid } } } }`;

describe('passthrough with Cloud IAM deciding per user', () => {
  it('answers a request without a token with 401 and makes no upstream call', async () => {
    const before = await upstreamCalls(app);
    const result = await graphql(app, CHART);
    expect([result.status, result.errors?.[0]?.extensions?.code]).toEqual([401, 'UNAUTHENTICATED']);
    expect(await upstreamCalls(app)).toBe(before);
  });

  it('gives a FHIR reader the patients and FORBIDDEN on their imaging', async () => {
    const result = await graphql(app, CHART, {}, as('alice'));
    expect(result.data?.fhirStore.patients.nodes).toHaveLength(2);
    expect(result.data?.fhirStore.patients.nodes[0].mrn).toMatch(/^MRN/);
    expect(result.errors?.length).toBeGreaterThan(0);
    expect(result.errors!.every((error) => error.extensions?.code === 'FORBIDDEN' && error.path?.includes('imagingStudies'))).toBe(true);
  });

  it('gives a DICOM viewer the studies and FORBIDDEN on the patients', async () => {
    const studies = await graphql(app, STUDIES, {}, as('bob'));
    expect(studies.errors).toBeUndefined();
    expect(studies.data?.dicomStore.studies.nodes.length).toBeGreaterThan(0);
    const chart = await graphql(app, CHART, {}, as('bob'));
    expect(chart.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('tells each user what they may do on a store', async () => {
    const query = `{ fhirStore(name: "${FHIR}") { viewerPermissions } }`;
    const alice = await graphql(app, query, {}, as('alice'));
    expect(alice.data?.fhirStore.viewerPermissions).toEqual(expect.arrayContaining(['healthcare.fhirResources.get', 'healthcare.fhirStores.searchResources']));
    expect(alice.data?.fhirStore.viewerPermissions).not.toContain('healthcare.fhirResources.create');
    const root = await graphql(app, query, {}, as('root'));
    expect(root.data?.fhirStore.viewerPermissions).toContain('healthcare.fhirResources.create');
  });

  it('shows IAM policies to those who may read them only', async () => {
    const query = `{ dataset(id: "demo") { iamPolicy { etag bindings { role members } } } }`;
    const root = await graphql(app, query, {}, as('root'));
    expect(root.data?.dataset.iamPolicy.bindings).toContainEqual({ role: 'roles/healthcare.datasetViewer', members: ['user:alice@example.com', 'user:bob@example.com'] });
    const alice = await graphql(app, query, {}, as('alice'));
    expect(alice.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses a stale etag on setIamPolicy', async () => {
    const read = await graphql(app, `{ dicomStore(name: "${DICOM}") { iamPolicy { etag bindings { role members } } } }`, {}, as('root'));
    const { etag, bindings } = read.data!.dicomStore.iamPolicy;
    const mutation = 'mutation($input: SetIamPolicyInput!) { setIamPolicy(input: $input) { etag } }';
    const first = await graphql(app, mutation, { input: { resource: DICOM, bindings, etag } }, as('root'));
    expect(first.errors).toBeUndefined();
    const stale = await graphql(app, mutation, { input: { resource: DICOM, bindings, etag } }, as('root'));
    expect(stale.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('never mixes two users\' results in concurrent requests', async () => {
    const runs = await Promise.all(Array.from({ length: 12 }, (_, index) => graphql(app, STUDIES, {}, as(index % 2 === 0 ? 'alice' : 'bob'))));
    runs.forEach((result, index) => {
      if (index % 2 === 0) expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      else expect(result.errors).toBeUndefined();
    });
  });

  it('lets someone with no grant see nothing', async () => {
    const result = await graphql(app, '{ datasets { nodes { name } } }', {}, as('eve'));
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('writes no token and no patient name to the logs', async () => {
    const names = await graphql(app, `{ fhirStore(name: "${FHIR}") { patients(first: 3) { nodes { names { family given } } } } }`, {}, as('root'));
    const families: string[] = names.data?.fhirStore.patients.nodes.map((node: { names: { family: string }[] }) => node.names[0]!.family);
    expect(families.length).toBe(3);
    const log = logLines.join('');
    expect(log.length).toBeGreaterThan(0);
    for (const token of Object.values(TOKENS)) expect(log).not.toContain(token);
    for (const family of families) expect(log).not.toContain(family);
  });
});
