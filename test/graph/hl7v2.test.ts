import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RunningApp } from '../../src/app.js';
import { countUpstreamCalls, graphql, rest, startTestApp } from '../helpers/app.js';
import { queryAllPages, readAllPages, type Page } from '../helpers/connections.js';

const DATASET = 'projects/demo/locations/us-central1/datasets/demo';
const STORE = `${DATASET}/hl7V2Stores/hl7v2`;
const FHIR = `${DATASET}/fhirStores/fhir`;
const MESSAGE_FIELDS = 'id name messageId messageType event controlId sendFacility sendTime createTime patientIds { value type } labels { key value } data';

let app: RunningApp;
beforeAll(async () => {
  app = await startTestApp({ DEMO_PATIENTS: '3' });
}, 120_000);
afterAll(() => app.close());

/** Names of the store's messages straight from the REST API, newest first. */
async function restNames(filter?: string): Promise<string[]> {
  const query = `pageSize=1000&orderBy=${encodeURIComponent('send_time desc')}${filter === undefined ? '' : `&filter=${encodeURIComponent(filter)}`}`;
  const { body } = await rest(app, 'GET', `${STORE}/messages?${query}`);
  return ((body.hl7V2Messages ?? []) as { name: string }[]).map((m) => m.name);
}

describe('HL7v2 stores and messages in the graph', () => {
  it('lists the dataset\'s HL7v2 stores with their configuration and metrics', async () => {
    const result = await graphql(app, `{ dataset(id: "demo") { hl7V2Stores { nodes { id name storeId parserVersion allowNullHeader rejectDuplicateMessage
      labels { key value } metrics { messageType count structuredStorageSizeBytes } dataset { datasetId } } } hl7V2Store(id: "hl7v2") { name } } }`);
    expect(result.errors).toBeUndefined();
    const [store] = result.data.dataset.hl7V2Stores.nodes;
    expect(store).toMatchObject({ name: STORE, storeId: 'hl7v2', parserVersion: 'V3', allowNullHeader: false, rejectDuplicateMessage: false, labels: [{ key: 'source', value: 'demo' }], dataset: { datasetId: 'demo' } });
    const types = store.metrics.map((m: { messageType: string }) => m.messageType);
    expect(types).toEqual(['ADT', 'ORU']);
    const total = store.metrics.reduce((sum: number, m: { count: number }) => sum + m.count, 0);
    expect(total).toBe((await restNames()).length);
    expect(result.data.dataset.hl7V2Store.name).toBe(STORE);
  });

  it('pages through every message newest first, following the upstream page tokens', async () => {
    const expected = await restNames();
    expect(expected.length).toBeGreaterThanOrEqual(6);
    const pages = await queryAllPages(app, `query($after: String) { hl7V2Store(name: "${STORE}") { messages(first: 4, after: $after) {
        nodes { name sendTime } pageInfo { hasNextPage endCursor } } } }`, {}, (data): Page<{ name: string }> => data.hl7V2Store.messages);
    for (const page of pages) expect(page.nodes.length).toBeLessThanOrEqual(4);
    expect(pages.flatMap((page) => page.nodes.map((node) => node.name))).toEqual(expected);
  });

  it('filters with Google\'s syntax and shows typed messages with parsed segments', async () => {
    const result = await graphql(app, `{ hl7V2Store(name: "${STORE}") { messages(filter: "message_type = \\"ORU\\"", orderBy: SEND_TIME_ASC, first: 100) {
      nodes { ${MESSAGE_FIELDS} store { storeId } segments(segmentId: "OBX") { segmentId setId fields { index value } code: field(index: "3.1") } } } } }`);
    expect(result.errors).toBeUndefined();
    const nodes = result.data.hl7V2Store.messages.nodes;
    expect(nodes.map((n: { name: string }) => n.name)).toEqual([...(await restNames('message_type = "ORU"'))].reverse());
    const message = nodes[0];
    expect(message).toMatchObject({ messageType: 'ORU', event: 'R01', controlId: expect.stringMatching(/^ORU-enc-/), store: { storeId: 'hl7v2' } });
    expect(message.sendTime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(message.patientIds).toEqual([{ value: expect.stringMatching(/^MRN\d+$/), type: 'MRN' }, { value: expect.any(String), type: 'SS' }]);
    expect(message.data.startsWith('MSH|^~\\&|LIS|')).toBe(true);
    expect(message.data.split('\r').filter((s: string) => s.startsWith('OBX')).length).toBe(message.segments.length);
    const obx = message.segments[0];
    expect(obx.setId).toBe('1');
    expect(obx.code).toMatch(/^\d+-\d$/);
    expect(obx.fields[0]).toEqual({ index: '0', value: 'OBX' });
    const indexes = obx.fields.map((f: { index: string }) => f.index);
    expect(indexes.indexOf('3.1')).toBeLessThan(indexes.indexOf('5'));
    expect(indexes.indexOf('5')).toBeLessThan(indexes.indexOf('14'));

    const adt = await graphql(app, `{ hl7V2Store(name: "${STORE}") { messages(filter: "message_type = \\"ADT\\" AND NOT send_facility = \\"NOPE\\"", first: 1) { nodes { event segments(segmentId: "PID") { mrn: field(index: "3[0].1") type: field(index: "3[0].5") } } } } }`);
    expect(adt.errors).toBeUndefined();
    expect(adt.data.hl7V2Store.messages.nodes[0]).toMatchObject({ event: 'A01', segments: [{ mrn: expect.stringMatching(/^MRN\d+$/), type: 'MRN' }] });
  });

  it('finds a patient\'s messages by MRN across the dataset\'s HL7v2 stores', async () => {
    const result = await graphql(app, `{ fhirStore(name: "${FHIR}") { patients(first: 3) { nodes { mrn hl7V2Messages(first: 2) { nodes { name messageType patientIds { value type } } pageInfo { hasNextPage endCursor } } } } } }`);
    expect(result.errors).toBeUndefined();
    for (const patient of result.data.fhirStore.patients.nodes) {
      const expected = await restNames(`PatientId("${patient.mrn}", "MRN")`);
      expect(expected.length).toBeGreaterThanOrEqual(1);
      for (const node of patient.hl7V2Messages.nodes) expect(node.patientIds).toContainEqual({ value: patient.mrn, type: 'MRN' });
      // The first page came with the patient; the next ones are asked for through the patient alone.
      const pages = await readAllPages(async (after): Promise<Page<{ name: string }>> => {
        if (after === null) return patient.hl7V2Messages;
        const next = await graphql(app, `query($id: String!, $after: String) { fhirStore(name: "${FHIR}") { patient(id: $id) { hl7V2Messages(first: 2, after: $after) { nodes { name } pageInfo { hasNextPage endCursor } } } } }`,
          { id: (await rest(app, 'GET', `${FHIR}/fhir/Patient?identifier=${patient.mrn}`)).body.entry[0].resource.id, after });
        expect(next.errors).toBeUndefined();
        return next.data.fhirStore.patient.hl7V2Messages;
      });
      expect(pages.flatMap((page) => page.nodes.map((node) => node.name))).toEqual(expected);
    }
  });

  it('asks each HL7v2 store once for a whole page of patients', async () => {
    const query = `{ fhirStore(name: "${FHIR}") { patients(first: 3) { nodes { mrn hl7V2Messages(first: 5) { nodes { patientIds { value } } } } } } }`;
    await graphql(app, query); // store list now cached
    const { result, calls } = await countUpstreamCalls(app, () => graphql(app, query), { kind: 'hl7v2' });
    expect(result.errors).toBeUndefined();
    expect(calls).toBe(1);
    for (const patient of result.data.fhirStore.patients.nodes) {
      expect(patient.hl7V2Messages.nodes.length).toBeGreaterThan(0);
      for (const node of patient.hl7V2Messages.nodes) expect(node.patientIds.map((id: { value: string }) => id.value)).toContain(patient.mrn);
    }
  });

  it('ingests a message given as text with \\n line ends and returns the ACK', async () => {
    const text = [
      'MSH|^~\\&|EPIC|GENHOSP|HL7HUB|HEALTHCARE-GRAPH|20260101101500+0000||ADT^A01^ADT_A01|GRAPH-TEST-1|P|2.5.1',
      'EVN|A01|20260101101500+0000',
      'PID|1||MRN0000002^^^DEMO^MRN||TESTER^ANNA||19900101|F',
      'PV1|1|I',
    ].join('\n');
    const result = await graphql(app, `mutation($store: String!, $message: String!) { ingestHl7V2Message(store: $store, message: $message) {
      ack ackCode message { ${MESSAGE_FIELDS} segments { segmentId } } } }`, { store: STORE, message: text });
    expect(result.errors).toBeUndefined();
    const payload = result.data.ingestHl7V2Message;
    expect(payload.ackCode).toBe('AA');
    const [msh, msa] = payload.ack.split('\r');
    expect(msh).toMatch(/^MSH\|\^~\\&\|HL7HUB\|HEALTHCARE-GRAPH\|EPIC\|GENHOSP\|\d{14}\+0000\|\|ACK\|/);
    expect(msa).toBe('MSA|AA|GRAPH-TEST-1');
    expect(payload.message).toMatchObject({ messageType: 'ADT', event: 'A01', controlId: 'GRAPH-TEST-1', sendFacility: 'GENHOSP', sendTime: '2026-01-01T10:15:00Z', patientIds: [{ value: 'MRN0000002', type: 'MRN' }] });
    expect(payload.message.segments.map((s: { segmentId: string }) => s.segmentId)).toEqual(['MSH', 'EVN', 'PID', 'PV1']);
    expect(payload.message.data).toBe(`${text.replaceAll('\n', '\r')}\r`);

    const again = await graphql(app, 'query($id: ID!, $name: String!) { node(id: $id) { ... on Hl7V2Message { controlId } } hl7V2Message(name: $name) { name } }', { id: payload.message.id, name: payload.message.name });
    expect(again.errors).toBeUndefined();
    expect(again.data).toEqual({ node: { controlId: 'GRAPH-TEST-1' }, hl7V2Message: { name: payload.message.name } });
    const store = await graphql(app, `{ hl7V2Store(name: "${STORE}") { id } }`);
    const byNode = await graphql(app, 'query($id: ID!) { node(id: $id) { ... on Hl7V2Store { storeId } } }', { id: store.data.hl7V2Store.id });
    expect(byNode.data.node).toEqual({ storeId: 'hl7v2' });

    const deleted = await rest(app, 'DELETE', payload.message.name);
    expect(deleted.status).toBe(200);
  });

  it('turns the store\'s NACK into BAD_USER_INPUT with the acknowledgment code, storing nothing', async () => {
    const before = await restNames();
    const result = await graphql(app, `mutation { ingestHl7V2Message(store: "${STORE}", message: "MSH|^~\\\\&|A|B|C|D|20260101||ADT^A01|X1|P|2.5\\nthis is not a segment") { ackCode } }`);
    expect(result.data).toBeNull();
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', ackCode: 'AR', upstreamStatus: 400 });
    expect(result.errors?.[0]?.message).toContain('segment 2');
    expect(await restNames()).toEqual(before);
  });

  it('makes no upstream call for bad input', async () => {
    const bad = [
      `{ hl7V2Store(name: "${DATASET}/fhirStores/fhir") { storeId } }`,
      `{ hl7V2Store(name: "${DATASET}/hl7V2Stores/..") { storeId } }`,
      `{ hl7V2Store(name: "${STORE}") { messages(first: 0) { nodes { name } } } }`,
      `{ hl7V2Store(name: "${STORE}") { messages(after: "forged") { nodes { name } } } }`,
      `{ hl7V2Store(name: "${STORE}") { messages(filter: "${'x'.repeat(1001)}") { nodes { name } } } }`,
      `{ hl7V2Store(name: "${STORE}") { messages(filter: "message_type = \\"ADT\\"\\u0000") { nodes { name } } } }`,
      `{ hl7V2Message(name: "${STORE}/messages/a/b") { name } }`,
      `{ hl7V2Message(name: "${STORE}/messages/%2e%2e") { name } }`,
      `mutation { ingestHl7V2Message(store: "${STORE}", message: "  \\n ") { ackCode } }`,
      `mutation { ingestHl7V2Message(store: "hl7v2", message: "MSH|^~\\\\&|A") { ackCode } }`,
      `mutation { ingestHl7V2Message(store: "${DATASET}/dicomStores/dicom", message: "MSH|^~\\\\&|A") { ackCode } }`,
    ];
    const refusals = await countUpstreamCalls(app, async () => {
      for (const query of bad) {
        const result = await graphql(app, query);
        expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      }
      // Page sizes over 100 are refused by the query limits before execution.
      const tooMany = await graphql(app, `{ hl7V2Store(name: "${STORE}") { messages(first: 101) { nodes { name } } } }`);
      expect(tooMany.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    });
    expect(refusals.calls).toBe(0);
    // A cursor of another filter is refused too (after the first page's call).
    const page = await graphql(app, `{ hl7V2Store(name: "${STORE}") { messages(first: 1, filter: "message_type = \\"ADT\\"") { pageInfo { endCursor } } } }`);
    const replay = await countUpstreamCalls(app, () => graphql(app, `query($after: String) { hl7V2Store(name: "${STORE}") { messages(first: 1, filter: "message_type = \\"ORU\\"", after: $after) { nodes { name } } } }`, { after: page.data.hl7V2Store.messages.pageInfo.endCursor }));
    expect(replay.result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(replay.calls).toBe(0);
  });

  it('reports a filter the store refuses as BAD_USER_INPUT', async () => {
    const result = await graphql(app, `{ hl7V2Store(name: "${STORE}") { messages(filter: "colour = \\"red\\"") { nodes { name } } } }`);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toContain('colour');
  });
});

describe('HL7v2 and the access policy', () => {
  let pinned: RunningApp;
  beforeAll(async () => {
    pinned = await startTestApp({ HEALTHCARE_DATASET: 'demo', ALLOWED_HL7V2_STORES: 'feed' });
  }, 120_000);
  afterAll(() => pinned.close());

  it('lists only allowed stores and refuses others before any upstream call', async () => {
    await rest(pinned, 'POST', `${DATASET}/hl7V2Stores?hl7V2StoreId=feed`, {});
    const list = await graphql(pinned, '{ dataset(id: "demo") { hl7V2Stores { nodes { storeId } } } }');
    expect(list.errors).toBeUndefined();
    expect(list.data.dataset.hl7V2Stores.nodes).toEqual([{ storeId: 'feed' }]);

    const refusals = await countUpstreamCalls(pinned, async () => {
      const refused = await graphql(pinned, `{ hl7V2Store(name: "${STORE}") { messages { nodes { name } } } }`);
      expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const ingest = await graphql(pinned, 'mutation { ingestHl7V2Message(store: "hl7v2", message: "MSH|^~\\\\&|A") { ackCode } }');
      expect(ingest.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });
    expect(refusals.calls).toBe(0);

    // A short id works when pinned; the allowed store takes the message.
    const ok = await graphql(pinned, 'mutation { ingestHl7V2Message(store: "feed", message: "MSH|^~\\\\&|A|B|C|D|20260101||ORU^R01|P1|P|2.5\\rPID|1||MRN9^^^^MRN") { ackCode message { store { name } } } }');
    expect(ok.errors).toBeUndefined();
    expect(ok.data.ingestHl7V2Message).toEqual({ ackCode: 'AA', message: { store: { name: `${DATASET}/hl7V2Stores/feed` } } });
  });
});
