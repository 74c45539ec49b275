import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RunningApp } from '../../src/app.js';
import { EXAMPLE_OPERATIONS } from '../../src/http/examples.js';
import { DEMO_FHIR, memoryLogger, persisted, post, startLoggedApp } from './helpers.js';

/**
 * What the server logs while it serves patients, read back from memory at the most verbose level:
 * one line per operation with what an operator needs, and never a token or a patient's name (from
 * the results, or from the documents and variables callers sent).
 */

const TOKEN = 'ya29.secret-access-token-7d3f';
const auth = { authorization: `Bearer ${TOKEN}` };
const example = (name: string) => EXAMPLE_OPERATIONS.find((operation) => operation.name === name)!;

let app: RunningApp;
const log = memoryLogger('trace');
beforeAll(async () => {
  // Passthrough: every request carries the caller's token, which the graph forwards upstream.
  app = await startLoggedApp(log.logger, { AUTH_MODE: 'passthrough', DEMO_PATIENTS: '3' });
}, 120_000);
afterAll(() => app.close());

/** Given and family names of every patient, as FHIR stores them. */
async function patientNames(): Promise<{ ids: string[]; names: string[] }> {
  const answer = await post(app, { query: `{ fhirStore(name: "${DEMO_FHIR}") { patients(first: 10) { nodes { resourceId resource } } } }` }, auth);
  const nodes: { resourceId: string; resource: { name?: { family?: string; given?: string[] }[] } }[] = answer.data.fhirStore.patients.nodes;
  const names = nodes.flatMap((node) => (node.resource.name ?? []).flatMap((name) => [name.family ?? '', ...(name.given ?? [])]));
  return { ids: nodes.map((node) => node.resourceId), names: [...new Set(names.filter((name) => name !== ''))] };
}

describe('logs', () => {
  it('hold one line per operation with request id, name, status, duration and upstream calls, and no names or tokens', async () => {
    const { ids, names } = await patientNames();
    expect(ids).toHaveLength(3);
    expect(names.length).toBeGreaterThanOrEqual(6);
    const family = names[0]!;

    const list = example('PatientList');
    const listed = await post(app, { query: list.query, variables: list.variables }, { ...auth, 'x-request-id': 'ops-log-test-1' });
    expect(JSON.stringify(listed.data)).toContain(family);
    for (const id of ids) {
      const chart = example('PatientChart');
      expect((await post(app, { query: chart.query, variables: { ...chart.variables, id } }, auth)).errors).toBeUndefined();
    }
    // Names in variables, in a document's literals, in a registered persisted query, in an id that
    // fails upstream, in a document that does not validate.
    const byFamily = `query ByFamily($family: String) { fhirStore(name: "${DEMO_FHIR}") { patients(filter: { family: $family }) { nodes { displayName } } } }`;
    expect((await post(app, { query: byFamily, variables: { family } }, auth)).data.fhirStore.patients.nodes.length).toBeGreaterThan(0);
    const literal = `{ fhirStore(name: "${DEMO_FHIR}") { patients(filter: { family: "${family}" }) { nodes { displayName } } } }`;
    await post(app, { query: literal, extensions: persisted(literal) }, auth);
    await post(app, { extensions: persisted(literal) }, auth);
    const missing = await post(app, { query: `{ fhirStore(name: "${DEMO_FHIR}") { patient(id: "${family}") { id } } }` }, auth);
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    await post(app, { query: `{ fhirStore(name: "${DEMO_FHIR}") { patients(filter: { family: "${family}" }) { nodes { nosuchfield } } } }` }, auth);
    expect((await post(app, { query: literal })).status).toBe(401);

    const records = log.records();
    const operation = records.find((record) => record.requestId === 'ops-log-test-1' && record.msg === 'graphql operation');
    expect(operation).toMatchObject({ operationName: 'PatientList', type: 'query', outcome: 'ok', status: 200, errorCodes: [] });
    expect(operation?.durationMs).toEqual(expect.any(Number));
    expect(operation?.upstreamCalls).toBeGreaterThan(1);
    const persistedLines = records.filter((record) => record.persistedQuery !== undefined).map((record) => record.persistedQuery);
    expect(persistedLines).toEqual(['registered', 'hit']);
    expect(records.filter((record) => record.msg === 'graphql operation').length).toBeGreaterThanOrEqual(ids.length + 6);

    const text = log.lines.join('');
    expect(text).not.toContain(TOKEN);
    for (const name of names) expect({ name, logged: new RegExp(`\\b${name}\\b`).test(text) }).toEqual({ name, logged: false });
  });
});
