import { describe, expect, it } from '@jest/globals';
import { Caller, expectStatus, grant, PRINCIPALS } from './iam-helpers.js';
import { expectEnvelope, LOC, obj, start } from './helpers.js';
import { ADT_A01, ADT_A01_OTHER, DATASET, ORU_R01, STORE, base64, createMessage, expectOk, perTestEmulators } from './hl7v2-helpers.js';

const { withStore, closeAfterTest } = perTestEmulators();

describe('datasets.hl7V2Stores', () => {
  it('creates, gets, lists with a label filter, patches and deletes stores', async () => {
    const client = await withStore({ labels: { env: 'test' }, parserConfig: { version: 'V2', segmentTerminator: base64('\n'), allowNullHeader: true }, rejectDuplicateMessage: true });
    expect(expectOk(await client.get(STORE))).toEqual({
      name: STORE,
      labels: { env: 'test' },
      parserConfig: { version: 'V2', segmentTerminator: 'Cg==', allowNullHeader: true },
      rejectDuplicateMessage: true,
    });
    expectOk(await client.call('POST', `${DATASET}/hl7V2Stores?hl7V2StoreId=other`, {}));
    expectEnvelope(await client.call('POST', `${DATASET}/hl7V2Stores?hl7V2StoreId=other`, {}), 409, 'ALREADY_EXISTS');
    expect(expectOk(await client.get(`${DATASET}/hl7V2Stores/other`))).toEqual({ name: `${DATASET}/hl7V2Stores/other` });

    const all = expectOk(await client.get(`${DATASET}/hl7V2Stores`));
    expect((all['hl7V2Stores'] as { name: string }[]).map((s) => s.name)).toEqual([STORE, `${DATASET}/hl7V2Stores/other`]);
    const labelled = expectOk(await client.get(`${DATASET}/hl7V2Stores?filter=${encodeURIComponent('labels.env=test')}`));
    expect((labelled['hl7V2Stores'] as { name: string }[]).map((s) => s.name)).toEqual([STORE]);
    const paged = expectOk(await client.get(`${DATASET}/hl7V2Stores?pageSize=1`));
    expect(paged['nextPageToken']).toEqual(expect.any(String));

    const patched = expectOk(await client.call('PATCH', `${STORE}?updateMask=labels,notificationConfigs`, {
      labels: { env: 'prod' },
      notificationConfigs: [{ pubsubTopic: 'projects/p/topics/adt', filter: 'message_type = "ADT"' }],
    }));
    expect(patched).toMatchObject({ labels: { env: 'prod' }, notificationConfigs: [{ pubsubTopic: 'projects/p/topics/adt', filter: 'message_type = "ADT"' }] });
    expect(expectEnvelope(await client.call('PATCH', `${STORE}?updateMask=parserConfig`, { parserConfig: { version: 'V3' } }), 400, 'INVALID_ARGUMENT')).toContain('immutable');
    expectOk(await client.call('PATCH', `${STORE}?updateMask=parserConfig`, { parserConfig: { version: 'V2', allowNullHeader: false } }));

    expect(expectOk(await client.call('DELETE', `${DATASET}/hl7V2Stores/other`))).toEqual({});
    expectEnvelope(await client.get(`${DATASET}/hl7V2Stores/other`), 404, 'NOT_FOUND');
    expectEnvelope(await client.get(`${DATASET}/hl7V2Stores/other/messages`), 404, 'NOT_FOUND');
  });

  it('validates the store body', async () => {
    const client = await withStore();
    const create = (body: unknown, id = 'x') => client.call('POST', `${DATASET}/hl7V2Stores?hl7V2StoreId=${id}`, body);
    expectEnvelope(await create({}, 'a/b'), 400, 'INVALID_ARGUMENT');
    expectEnvelope(await client.call('POST', `${DATASET}/hl7V2Stores`, {}), 400, 'INVALID_ARGUMENT');
    expectEnvelope(await create({}, '..'), 400, 'INVALID_ARGUMENT');
    expectEnvelope(await create({ parserConfig: { version: 'V9' } }), 400, 'INVALID_ARGUMENT');
    expectEnvelope(await create({ parserConfig: { segmentTerminator: '' } }), 400, 'INVALID_ARGUMENT');
    expectEnvelope(await create({ parserConfig: { segmentTerminator: '%%' } }), 400, 'INVALID_ARGUMENT');
    expectEnvelope(await create({ parserConfig: { allowNullHeader: 'yes' } }), 400, 'INVALID_ARGUMENT');
    expectEnvelope(await create({ parserConfig: { colour: 1 } }), 400, 'INVALID_ARGUMENT');
    expectEnvelope(await create({ parserConfig: { schema: {} } }), 501, 'UNIMPLEMENTED');
    expectEnvelope(await create({ notificationConfigs: [{ filter: 'message_type = "ADT"' }] }), 400, 'INVALID_ARGUMENT');
    expectEnvelope(await create({ notificationConfigs: [{ pubsubTopic: 'projects/p/topics/t', filter: 'nope' }] }), 400, 'INVALID_ARGUMENT');
    expectEnvelope(await create({ rejectDuplicateMessage: 'true' }), 400, 'INVALID_ARGUMENT');
    expectEnvelope(await create({ version: 'R4' }), 400, 'INVALID_ARGUMENT');
    expect(obj((await client.get(`${DATASET}/hl7V2Stores`)).json)['hl7V2Stores']).toHaveLength(1);
  });

  it('reports per-message-type metrics as int64 strings', async () => {
    const client = await withStore();
    expect(expectOk(await client.get(`${STORE}:getHL7v2StoreMetrics`))).toEqual({ name: STORE });
    await createMessage(client, ADT_A01);
    await createMessage(client, ADT_A01_OTHER);
    await createMessage(client, ORU_R01);
    const metrics = expectOk(await client.get(`${STORE}:getHL7v2StoreMetrics`));
    expect(metrics['name']).toBe(STORE);
    const rows = metrics['metrics'] as { messageType: string; count: string; structuredStorageSizeBytes: string }[];
    expect(rows.map((r) => [r.messageType, r.count])).toEqual([['ADT', '2'], ['ORU', '1']]);
    for (const row of rows) expect(Number(row.structuredStorageSizeBytes)).toBeGreaterThan(Buffer.byteLength(ORU_R01) / 2);
  });

  it('deleting the dataset removes its HL7v2 stores', async () => {
    const client = await withStore();
    await createMessage(client, ADT_A01);
    expectOk(await client.call('DELETE', DATASET));
    expectOk(await client.call('POST', `${LOC}/datasets?datasetId=d`, {}));
    expectEnvelope(await client.get(STORE), 404, 'NOT_FOUND');
  });
});

describe('Cloud IAM on HL7v2 stores and messages', () => {
  it('checks the predefined HL7v2 roles per method', async () => {
    const emulator = closeAfterTest(await start({ principals: PRINCIPALS }));
    const root = new Caller(emulator, 't-root');
    const alice = new Caller(emulator, 't-alice');
    const bob = new Caller(emulator, 't-bob');
    expectStatus(await root.call('POST', `${LOC}/datasets?datasetId=d`, {}), 200);
    expectStatus(await root.call('POST', `${DATASET}/hl7V2Stores?hl7V2StoreId=h`, {}), 200);
    await grant(root, STORE, 'roles/healthcare.hl7V2Ingest', 'user:alice@example.com');
    await grant(root, STORE, 'roles/healthcare.hl7V2Consumer', 'user:bob@example.com');
    const body = { message: { data: base64(ADT_A01) } };

    // hl7V2Ingest: ingest only.
    expectStatus(await alice.call('POST', `${STORE}/messages:ingest`, body), 200);
    expectStatus(await alice.call('POST', `${STORE}/messages`, body), 403);
    expectStatus(await alice.get(`${STORE}/messages`), 403);
    expectStatus(await alice.get(STORE), 200);

    // hl7V2Consumer: create, list, get, update, but not ingest or delete.
    const created = expectStatus(await bob.call('POST', `${STORE}/messages`, body), 200);
    const name = String(created['name']);
    expectStatus(await bob.call('POST', `${STORE}/messages:ingest`, body), 403);
    expect((expectStatus(await bob.get(`${STORE}/messages`), 200)['hl7V2Messages'] as unknown[]).length).toBe(2);
    expectStatus(await bob.get(name), 200);
    expectStatus(await bob.call('PATCH', `${name}?updateMask=labels`, { labels: { seen: 'yes' } }), 200);
    expectStatus(await bob.call('DELETE', name), 403);
    expectStatus(await bob.call('DELETE', STORE), 403);
    expectStatus(await bob.get(`${STORE}:getIamPolicy`), 403);

    // Nobody else sees anything, not even whether the store exists.
    const carol = new Caller(emulator, 't-carol');
    expectStatus(await carol.get(name), 403);
    expectStatus(await carol.get(`${DATASET}/hl7V2Stores/missing/messages`), 403);
    const tested = expectStatus(await bob.call('POST', `${STORE}:testIamPermissions`, { permissions: ['healthcare.hl7V2Messages.list', 'healthcare.hl7V2Messages.delete'] }), 200);
    expect(tested['permissions']).toEqual(['healthcare.hl7V2Messages.list']);
  });
});
