import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type ApiResponse, expectEnvelope, LOC, start, suiteFixture } from './helpers.js';
import { Caller, createFhirStore, DATASET, expectStatus, grant, IMG, PRINCIPALS, S1, startIamFixture } from './iam-helpers.js';

const READER = { role: 'roles/healthcare.fhirResourceReader', members: ['user:alice@example.com'] };

const fx = suiteFixture(startIamFixture);

describe('getIamPolicy', () => {
  it('answers the empty policy for datasets and stores that have none', async () => {
    for (const resource of [DATASET, S1, IMG]) {
      expect(expectStatus(await fx.admin.get(`${resource}:getIamPolicy`), 200)).toEqual({ etag: 'ACAB' });
    }
  });

  it('accepts requested policy versions 0, 1 and 3 only', async () => {
    for (const version of ['0', '1', '3']) {
      expectStatus(await fx.admin.get(`${DATASET}:getIamPolicy?options.requestedPolicyVersion=${version}`), 200);
    }
    expectStatus(await fx.admin.get(`${DATASET}:getIamPolicy?options.requested_policy_version=3`), 200);
    expectEnvelope(await fx.admin.get(`${DATASET}:getIamPolicy?options.requestedPolicyVersion=2`), 400, 'INVALID_ARGUMENT');
  });

  it('answers 404 for a resource that does not exist, to a caller who may see it', async () => {
    expectEnvelope(await fx.admin.get(`${DATASET}/fhirStores/nope:getIamPolicy`), 404, 'NOT_FOUND');
  });
});

describe('setIamPolicy', () => {
  it('stores bindings, answers version 1 and a new etag on every write', async () => {
    const { admin } = fx;
    const first = expectStatus(await admin.call('POST', `${S1}:setIamPolicy`, { policy: { bindings: [READER] } }), 200);
    expect(first).toEqual({ version: 1, etag: expect.any(String), bindings: [READER] });
    expect(expectStatus(await admin.get(`${S1}:getIamPolicy`), 200)).toEqual(first);
    const second = expectStatus(await admin.call('POST', `${S1}:setIamPolicy`, { policy: { etag: first['etag'], bindings: [READER] } }), 200);
    expect(second['etag']).not.toBe(first['etag']);
  });

  it('merges bindings of one role and de-duplicates members', async () => {
    const bindings = [READER, { role: READER.role, members: ['user:bob@example.com', 'user:alice@example.com'] }];
    const policy = expectStatus(await fx.admin.call('POST', `${IMG}:setIamPolicy`, { policy: { bindings } }), 200);
    expect(policy['bindings']).toEqual([{ role: READER.role, members: ['user:alice@example.com', 'user:bob@example.com'] }]);
  });

  it('answers 409 ABORTED to a stale etag, so one of two concurrent writers loses', async () => {
    const { admin } = fx;
    const current = expectStatus(await admin.get(`${DATASET}:getIamPolicy`), 200);
    const write = (member: string): Promise<ApiResponse> =>
      admin.call('POST', `${DATASET}:setIamPolicy`, {
        policy: { etag: current['etag'], bindings: [{ role: 'roles/healthcare.datasetViewer', members: [member] }] },
      });
    const results = await Promise.all([write('user:alice@example.com'), write('user:bob@example.com')]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const loser = results.find((r) => r.status === 409)!;
    expect(expectEnvelope(loser, 409, 'ABORTED')).toMatch(/concurrent policy changes/);
    const winner = expectStatus(results.find((r) => r.status === 200)!, 200);
    expect(expectStatus(await admin.get(`${DATASET}:getIamPolicy`), 200)).toEqual(winner);
    // Without an etag the write is unconditional.
    expectStatus(await admin.call('POST', `${DATASET}:setIamPolicy`, { policy: { bindings: [READER] } }), 200);
  });

  it('replaces only the fields of updateMask', async () => {
    const { admin } = fx;
    const store = `${DATASET}/fhirStores/s2`;
    const before = expectStatus(await admin.call('POST', `${store}:setIamPolicy`, { policy: { bindings: [READER] } }), 200);
    const audit = [{ service: 'healthcare.googleapis.com', auditLogConfigs: [{ logType: 'DATA_READ' }] }];
    const after = expectStatus(
      await admin.call('POST', `${store}:setIamPolicy`, { policy: { etag: before['etag'], auditConfigs: audit }, updateMask: 'auditConfigs,etag' }),
      200,
    );
    expect(after['bindings']).toEqual([READER]);
    expect(after['auditConfigs']).toEqual(audit);
    // The default mask (bindings, etag) with no bindings empties the policy's bindings.
    const emptied = expectStatus(await admin.call('POST', `${store}:setIamPolicy`, { policy: {} }), 200);
    expect(emptied['bindings']).toBeUndefined();
    expect(emptied['auditConfigs']).toEqual(audit);
  });

  it.each([
    ['no policy', {}, /policy is required/],
    ['an unknown field', { policy: {}, extra: 1 }, /Unknown name "extra" at 'request'/],
    ['an unknown policy field', { policy: { owner: 'x' } }, /Unknown name "owner" at 'policy'/],
    ['an empty bindings array', { policy: { bindings: [] } }, /bindings must be a non-empty list/],
    ['a binding without members', { policy: { bindings: [{ role: READER.role, members: [] }] } }, /has no members; remove the binding instead/],
    ['an unknown role', { policy: { bindings: [{ role: 'roles/owner', members: ['user:a@example.com'] }] } }, /role "roles\/owner" is not supported/],
    ['a misspelt role', { policy: { bindings: [{ role: 'roles/healthcare.fhirReader', members: ['user:a@example.com'] }] } }, /not supported/],
    ['a member without a type', { policy: { bindings: [{ role: READER.role, members: ['alice@example.com'] }] } }, /invalid member "alice@example.com"/],
    ['allUsers', { policy: { bindings: [{ role: READER.role, members: ['allUsers'] }] } }, /invalid member "allUsers"/],
    ['a bad domain', { policy: { bindings: [{ role: READER.role, members: ['domain:localhost'] }] } }, /invalid member/],
    ['a condition', { policy: { bindings: [{ ...READER, condition: { expression: 'true' } }] } }, /conditional role bindings are not supported/],
    ['a bad version', { policy: { version: 2 } }, /version must be 0, 1 or 3/],
    ['a bad updateMask', { policy: {}, updateMask: 'bindings,owner' }, /unknown field path "owner"/],
  ])('rejects %s with 400', async (_, body, message) => {
    const before = expectStatus(await fx.admin.get(`${IMG}:getIamPolicy`), 200);
    expect(expectEnvelope(await fx.admin.call('POST', `${IMG}:setIamPolicy`, body), 400, 'INVALID_ARGUMENT')).toMatch(message);
    expect(expectStatus(await fx.admin.get(`${IMG}:getIamPolicy`), 200)).toEqual(before);
  });

  it('accepts every member type', async () => {
    const members = ['user:a@example.com', 'serviceAccount:sa@p.iam.gserviceaccount.com', 'group:g@example.com', 'domain:example.com'];
    const policy = expectStatus(await fx.admin.call('POST', `${IMG}:setIamPolicy`, { policy: { bindings: [{ role: READER.role, members }] } }), 200);
    expect(policy['bindings']).toEqual([{ role: READER.role, members }]);
  });
});

describe('testIamPermissions', () => {
  it('answers the subset the caller holds, and no field when that is empty', async () => {
    const { admin, bob } = fx;
    const store = await createFhirStore(admin, 'tested');
    await grant(admin, store, 'roles/healthcare.fhirResourceReader', 'user:bob@example.com');
    const asked = ['healthcare.fhirResources.get', 'healthcare.fhirResources.create', 'healthcare.fhirStores.searchResources', 'healthcare.fhirStores.get'];
    const held = expectStatus(await bob.call('POST', `${store}:testIamPermissions`, { permissions: asked }), 200);
    expect(held).toEqual({ permissions: ['healthcare.fhirResources.get', 'healthcare.fhirStores.searchResources', 'healthcare.fhirStores.get'] });
    const none = expectStatus(await bob.call('POST', `${store}:testIamPermissions`, { permissions: ['healthcare.fhirResources.delete'] }), 200);
    expect(none).toEqual({});
    expect(expectStatus(await bob.call('POST', `${store}:testIamPermissions`, {}), 200)).toEqual({});
    // Asking needs no permission: a caller with no role on the dataset learns it holds nothing there.
    expect(expectStatus(await fx.carol.call('POST', `${DATASET}:testIamPermissions`, { permissions: ['healthcare.datasets.get'] }), 200)).toEqual({});
  });

  it('rejects wildcards and malformed lists', async () => {
    expectEnvelope(await fx.admin.call('POST', `${S1}:testIamPermissions`, { permissions: ['healthcare.*'] }), 400, 'INVALID_ARGUMENT');
    expectEnvelope(await fx.admin.call('POST', `${S1}:testIamPermissions`, { permissions: 'healthcare.datasets.get' }), 400, 'INVALID_ARGUMENT');
  });
});

describe('policy lifetime', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'emulator-iam-'));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('persists policies with the state across a restart', async () => {
    const first = await startIamFixture({ dataDir: dir });
    let policy: Record<string, unknown>;
    try {
      await grant(first.admin, S1, 'roles/healthcare.fhirResourceReader', 'user:alice@example.com');
      policy = expectStatus(await first.admin.get(`${S1}:getIamPolicy`), 200);
      expectStatus(await first.alice.get(`${S1}/fhir/${first.patients.s1}`), 200);
    } finally {
      await first.emulator.close();
    }
    const second = await start({ dataDir: dir, principals: PRINCIPALS });
    try {
      expect(expectStatus(await new Caller(second, 't-root').get(`${S1}:getIamPolicy`), 200)).toEqual(policy);
      expectStatus(await new Caller(second, 't-alice').get(`${S1}/fhir/${first.patients.s1}`), 200);
    } finally {
      await second.close();
    }
  });

  it('deletes a policy with its resource, so a re-created resource starts empty', async () => {
    const { emulator, admin, alice } = await startIamFixture({ dataDir: dir });
    try {
      await grant(admin, S1, 'roles/healthcare.fhirResourceReader', 'user:alice@example.com');
      await grant(admin, DATASET, 'roles/healthcare.datasetViewer', 'user:alice@example.com');
      expectStatus(await admin.call('DELETE', S1), 200);
      await createFhirStore(admin, 's1');
      expect(expectStatus(await admin.get(`${S1}:getIamPolicy`), 200)).toEqual({ etag: 'ACAB' });
      expectEnvelope(await alice.get(`${S1}/fhir/Patient`), 403, 'PERMISSION_DENIED');
      expectStatus(await alice.get(DATASET), 200);

      expectStatus(await admin.call('DELETE', DATASET), 200);
      expectStatus(await admin.call('POST', `${LOC}/datasets?datasetId=d`, {}), 200);
      expect(expectStatus(await admin.get(`${DATASET}:getIamPolicy`), 200)).toEqual({ etag: 'ACAB' });
      expectEnvelope(await alice.get(DATASET), 403, 'PERMISSION_DENIED');
      const saved = JSON.parse(await readFile(path.join(dir, 'iam.json'), 'utf8'));
      expect(saved.policies).toEqual([]);
    } finally {
      await emulator.close();
    }
  });

  it('refuses to start on a corrupt policy file, naming it', async () => {
    await writeFile(path.join(dir, 'iam.json'), JSON.stringify({ format: 'cloud-healthcare-emulator-iam/1', policies: [{ resource: 'x', policy: { bindings: [] } }] }));
    await expect(start({ dataDir: dir })).rejects.toThrow(/iam\.json is corrupt \(policies\[0\]\.policy\.bindings must be a non-empty list/);
  });
});
