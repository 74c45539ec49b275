import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RunningApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import { buildManifest } from '../../src/graphql/persisted-query-manifest.js';
import { EXAMPLE_OPERATIONS } from '../../src/http/examples.js';
import { metricTotal, startTestApp, upstreamCalls } from '../helpers/app.js';
import { codes, DEMO_FHIR, persisted, post, sha256, type Answer } from './helpers.js';
import { configErrorOf as messageOf } from '../helpers/config.js';

const SAMPLE = fileURLToPath(new URL('../../safelist.example.json', import.meta.url));
const sample = JSON.parse(readFileSync(SAMPLE, 'utf8'));
const example = (name: string) => EXAMPLE_OPERATIONS.find((operation) => operation.name === name)!;

describe('the sample safelist', () => {
  it('is the manifest of the GraphiQL examples (regenerate: npx tsx src/graphql/print-example-manifest.ts > safelist.example.json)', () => {
    expect(sample).toEqual(buildManifest(EXAMPLE_OPERATIONS));
    expect(sample.operations.map((operation: { name: string; type: string }) => `${operation.type} ${operation.name}`)).toEqual([
      'query PatientList', 'query PatientChart', 'subscription WatchPatient', 'mutation RecordVitalSign', 'query StudyBrowser', 'query DatasetOverview', 'query Hl7v2Feed',
      'mutation DeidentifyDataset', 'query Operations', 'mutation GetOrCreateOrganization',
      'mutation PatchPhoneNumber', 'mutation RecordEncounter', 'mutation ExportFhirStore', 'query ExportProgress',
    ]);
  });
});

describe('safelist configuration', () => {
  const dir = mkdtempSync(join(tmpdir(), 'safelist-'));
  const file = (name: string, content: unknown) => {
    const path = join(dir, name);
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
    return path;
  };
    const body = '{ __typename }';
  const manifest = (operations: unknown[]) => ({ format: 'apollo-persisted-query-manifest', version: 1, operations });

  it('loads a manifest with PERSISTED_QUERIES=safelist', () => {
    const config = loadConfig({ PERSISTED_QUERIES: 'safelist', SAFELIST_FILE: SAMPLE });
    expect(config.safelist?.size).toBe(EXAMPLE_OPERATIONS.length);
    expect(config.safelist?.body(sha256(example('PatientList').query))).toBe(example('PatientList').query);
    expect(loadConfig({}).safelist).toBeUndefined();
  });

  it.each([
    [{ PERSISTED_QUERIES: 'safelist' }, /^Missing SAFELIST_FILE/],
    [{ SAFELIST_FILE: SAMPLE }, /^Invalid SAFELIST_FILE without PERSISTED_QUERIES=safelist/],
    [{ PERSISTED_QUERIES: 'strict' }, /^Invalid PERSISTED_QUERIES="strict": expected one of apq, safelist/],
  ])('refuses %j', (env, message) => {
    expect(messageOf(env)).toMatch(message);
  });

  it.each([
    ['a missing file', '/nonexistent/manifest.json', 'no such file'],
    ['a file that is not JSON', file('broken.json', '{ "format": '), 'JSON'],
    ['another format', file('other.json', { format: 'relay', version: 1, operations: [] }), 'apollo-persisted-query-manifest'],
    ['an operation without a body', file('nobody.json', manifest([{ id: sha256(body), name: 'T', type: 'query' }])), 'operations[0]'],
    ['an id that is not the SHA-256 of its body', file('id.json', manifest([{ id: 'abc', name: 'T', type: 'query', body }])), 'operations[0] (T): id is not the SHA-256'],
  ])('refuses %s, naming the variable and the file', (_case, path, reason) => {
    const message = messageOf({ PERSISTED_QUERIES: 'safelist', SAFELIST_FILE: path });
    expect(message).toMatch(/^Invalid SAFELIST_FILE: /);
    expect(message).toContain(path);
    expect(message).toContain(reason);
  });
});

describe('a graph in safelist mode', () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startTestApp({ PERSISTED_QUERIES: 'safelist', SAFELIST_FILE: SAMPLE });
  }, 120_000);
  afterAll(() => app.close());

  const executed = () => metricTotal(app, 'graphql_operations_total', { outcome: 'ok' });

  /** Expects the refusal, with no execution and no upstream call behind it. */
  async function expectRefused(send: () => Promise<Answer>): Promise<void> {
    const [callsBefore, executedBefore] = [await upstreamCalls(app), await executed()];
    const answer = await send();
    expect(answer).toEqual({
      status: 400,
      errors: [{ message: 'This server runs registered operations only, and this one is not registered.', extensions: { code: 'FORBIDDEN' } }],
    });
    expect([await upstreamCalls(app), await executed()]).toEqual([callsBefore, executedBefore]);
  }

  it('runs a registered operation sent by id alone', async () => {
    const overview = example('DatasetOverview');
    const answer = await post(app, { extensions: persisted(overview.query) });
    expect(answer.errors).toBeUndefined();
    expect(answer.data.datasets.nodes[0].name).toBe('projects/demo/locations/us-central1/datasets/demo');
  });

  it('runs a registered document sent in full, as GraphiQL sends its example tabs', async () => {
    const list = example('PatientList');
    const answer = await post(app, { query: list.query, variables: list.variables, operationName: 'PatientList' });
    expect(answer.errors).toBeUndefined();
    expect(answer.data.fhirStore.patients.nodes).toHaveLength(1);
  });

  it('refuses an unregistered document, valid or not, before execution', async () => {
    await expectRefused(() => post(app, { query: `{ fhirStore(name: "${DEMO_FHIR}") { patients { nodes { displayName } } } }` }));
    await expectRefused(() => post(app, { query: '{ fhirStore(' }));
    await expectRefused(() => post(app, { query: '{ nosuchfield }' }));
    await expectRefused(() => post(app, { query: '{ __schema { types { name } } }' }));
  });

  it('refuses a registered document changed by one character', async () => {
    await expectRefused(() => post(app, { query: `${example('DatasetOverview').query} ` }));
  });

  it('refuses an unknown id instead of asking for the document, and registers nothing sent with a hash', async () => {
    const query = '{ datasets { nodes { name } } }';
    await expectRefused(() => post(app, { extensions: persisted(query) }));
    await expectRefused(() => post(app, { query, extensions: persisted(query) }));
    await expectRefused(() => post(app, { extensions: persisted(query) }));
  });

  it('refuses an unregistered document over the size limits as unregistered', async () => {
    await expectRefused(() => post(app, { query: `# ${'x'.repeat(30_000)}\n{ __typename }` }));
  });

  it('leaves a request without document or hash to Apollo', async () => {
    const answer = await post(app, { variables: {} });
    expect([answer.status, codes(answer)]).toEqual([400, ['BAD_USER_INPUT']]);
  });
});
