import { beforeAll, describe, expect, it } from '@jest/globals';
import { PREDEFINED_ROLES } from '../../src/emulator/iam/index.js';
import { expectEnvelope, LOC, suiteFixture } from './helpers.js';
import { createFhirStore, DATASET, expectStatus, grant, IMG, S1, S2, startIamFixture, stowSample } from './iam-helpers.js';

/** Google's 403 for `permission` on `resource`. */
function denial(permission: string, resource: string): string {
  return `Permission ${permission} denied on resource ${resource} (or it may be malformed or not exist)`;
}

const fx = suiteFixture(startIamFixture);

beforeAll(async () => {
  await grant(fx.admin, DATASET, 'roles/healthcare.datasetViewer', 'user:alice@example.com');
  await grant(fx.admin, S1, 'roles/healthcare.fhirResourceReader', 'user:bob@example.com');
  await grant(fx.admin, DATASET, 'roles/healthcare.dicomViewer', 'serviceAccount:carol@p.iam.gserviceaccount.com');
});

describe('predefined roles', () => {
  it('are listed for tests that grant them', () => {
    expect(PREDEFINED_ROLES).toContain('roles/healthcare.fhirResourceReader');
    expect(PREDEFINED_ROLES).toHaveLength(19);
    expect(PREDEFINED_ROLES.every((role) => role.startsWith('roles/healthcare.'))).toBe(true);
  });
});

describe('roles/healthcare.datasetViewer on a dataset', () => {
  it('reads the dataset and its operations', async () => {
    expectStatus(await fx.alice.get(DATASET), 200);
    expectStatus(await fx.alice.get(fx.operation), 200);
  });

  it('does not list datasets, which needs the permission on the project', async () => {
    expect(expectEnvelope(await fx.alice.get(`${LOC}/datasets`), 403, 'PERMISSION_DENIED')).toBe(
      denial('healthcare.datasets.list', 'projects/p'),
    );
  });

  it('does not list or read stores, nor their data, nor change anything', async () => {
    const cases: [string, string, string, string][] = [
      ['GET', `${DATASET}/fhirStores`, 'healthcare.fhirStores.list', DATASET],
      ['GET', S1, 'healthcare.fhirStores.get', S1],
      ['GET', `${S1}/fhir/${fx.patients.s1}`, 'healthcare.fhirResources.get', S1],
      ['GET', `${IMG}/dicomWeb/studies`, 'healthcare.dicomStores.dicomWebRead', IMG],
      ['GET', `${DATASET}/operations`, 'healthcare.operations.list', DATASET],
      ['POST', `${fx.operation}:cancel`, 'healthcare.operations.cancel', fx.operation],
      ['PATCH', `${DATASET}?updateMask=timeZone`, 'healthcare.datasets.update', DATASET],
      ['DELETE', DATASET, 'healthcare.datasets.delete', DATASET],
      ['GET', `${DATASET}:getIamPolicy`, 'healthcare.datasets.getIamPolicy', DATASET],
      ['POST', `${DATASET}:setIamPolicy`, 'healthcare.datasets.setIamPolicy', DATASET],
    ];
    for (const [method, path, permission, resource] of cases) {
      const res = await fx.alice.call(method, path, method === 'GET' || method === 'DELETE' ? undefined : {});
      expect(`${method} ${path}: ${expectEnvelope(res, 403, 'PERMISSION_DENIED')}`).toBe(`${method} ${path}: ${denial(permission, resource)}`);
    }
  });
});

describe('roles/healthcare.fhirResourceReader on one FHIR store', () => {
  it('reads and searches that store', async () => {
    const { bob, patients } = fx;
    expectStatus(await bob.get(`${S1}/fhir/${patients.s1}`), 200);
    expectStatus(await bob.get(`${S1}/fhir/${patients.s1}/_history`), 200);
    expectStatus(await bob.get(`${S1}/fhir/${patients.s1}/$everything`), 200);
    expectStatus(await bob.get(`${S1}/fhir/Patient?family=Doe`), 200);
    expectStatus(await bob.call('POST', `${S1}/fhir/Patient/_search?family=Doe`), 200);
    expectStatus(await bob.call('POST', `${S1}/fhir/_search?_type=Patient`), 200);
    expectStatus(await bob.get(`${S1}/fhir/metadata`), 200);
    expectStatus(await bob.get(S1), 200);
  });

  it('answers permission errors of FHIR routes with Google’s JSON envelope, not an OperationOutcome', async () => {
    const res = await fx.bob.call('POST', `${S1}/fhir/Patient`, { resourceType: 'Patient' });
    expect(expectEnvelope(res, 403, 'PERMISSION_DENIED')).toBe(denial('healthcare.fhirResources.create', S1));
  });

  it('does not write, nor read another store, nor DICOM, nor the dataset', async () => {
    const { bob, patients } = fx;
    const cases: [string, string, unknown, string, string][] = [
      ['PUT', `${S1}/fhir/${patients.s1}`, { resourceType: 'Patient', id: patients.s1.split('/')[1] }, 'healthcare.fhirResources.update', S1],
      ['DELETE', `${S1}/fhir/${patients.s1}`, undefined, 'healthcare.fhirResources.delete', S1],
      ['DELETE', `${S1}/fhir/Patient?family=Doe`, undefined, 'healthcare.fhirResources.delete', S1],
      ['GET', `${S2}/fhir/${patients.s2}`, undefined, 'healthcare.fhirResources.get', S2],
      ['GET', `${S2}/fhir/Patient`, undefined, 'healthcare.fhirStores.searchResources', S2],
      ['GET', `${IMG}/dicomWeb/studies`, undefined, 'healthcare.dicomStores.dicomWebRead', IMG],
      ['GET', DATASET, undefined, 'healthcare.datasets.get', DATASET],
      ['GET', `${S1}:getIamPolicy`, undefined, 'healthcare.fhirStores.getIamPolicy', S1],
      ['DELETE', `${S1}/fhir/${patients.s1}/$purge`, undefined, 'healthcare.fhirResources.purge', S1],
      ['POST', `${S1}:import`, { gcsSource: { uri: 'gs://bucket/x' } }, 'healthcare.fhirStores.import', S1],
      ['POST', `${S1}:export`, { gcsDestination: { uriPrefix: 'gs://bucket/x' } }, 'healthcare.fhirStores.export', S1],
      ['POST', `${IMG}:import`, { gcsSource: { uri: 'gs://bucket/x' } }, 'healthcare.dicomStores.import', IMG],
    ];
    for (const [method, path, body, permission, resource] of cases) {
      const res = await bob.call(method, path, body);
      expect(`${method} ${path}: ${expectEnvelope(res, 403, 'PERMISSION_DENIED')}`).toBe(`${method} ${path}: ${denial(permission, resource)}`);
    }
  });

  it('runs bundles whose every entry it may run', async () => {
    const { bob, patients } = fx;
    const bundle = (entry: unknown[]): unknown => ({ resourceType: 'Bundle', type: 'batch', entry });
    const read = { request: { method: 'GET', url: patients.s1 } };
    expectStatus(await bob.call('POST', `${S1}/fhir`, bundle([read])), 200);
    const create = { resource: { resourceType: 'Patient' }, request: { method: 'POST', url: 'Patient' } };
    expect(expectEnvelope(await bob.call('POST', `${S1}/fhir`, bundle([read, create])), 403, 'PERMISSION_DENIED')).toBe(
      denial('healthcare.fhirResources.create', S1),
    );
    const absoluteDelete = { request: { method: 'DELETE', url: `${fx.emulator.url}/v1/${S1}/fhir/${patients.s1}` } };
    expect(expectEnvelope(await bob.call('POST', `${S1}/fhir/`, bundle([absoluteDelete])), 403, 'PERMISSION_DENIED')).toBe(
      denial('healthcare.fhirResources.delete', S1),
    );
    expectStatus(await fx.admin.get(`${S1}/fhir/${patients.s1}`), 200);
  });
});

describe('roles/healthcare.fhirResourceEditor', () => {
  it('creates, updates, patches and deletes resources', async () => {
    const { admin, alice } = fx;
    const store = await createFhirStore(admin, 'edit');
    await grant(admin, store, 'roles/healthcare.fhirResourceEditor', 'user:alice@example.com');
    const created = expectStatus(await alice.call('POST', `${store}/fhir/Patient`, { resourceType: 'Patient', active: false }), 201);
    const path = `${store}/fhir/Patient/${String(created['id'])}`;
    expectStatus(await alice.call('PUT', path, { resourceType: 'Patient', id: created['id'], active: true }), 200);
    const patch = [{ op: 'replace', path: '/active', value: false }];
    expectStatus(await alice.call('PATCH', path, patch, { 'content-type': 'application/json-patch+json' }), 200);
    expectStatus(await alice.call('DELETE', path), 200);
    // The binding is on that store only.
    expectEnvelope(await alice.call('POST', `${S1}/fhir/Patient`, { resourceType: 'Patient' }), 403, 'PERMISSION_DENIED');
  });
});

describe('roles/healthcare.dicomViewer and dicomEditor', () => {
  it('a dicomViewer on the dataset searches, retrieves and renders but does not store or delete', async () => {
    const { carol, instance } = fx;
    expectStatus(await carol.get(`${IMG}/dicomWeb/studies`, { accept: 'application/dicom+json' }), 200);
    expectStatus(await carol.get(`${instance}/metadata`), 200);
    const rendered = await carol.get(`${instance}/rendered`, { accept: 'image/jpeg' });
    expect(rendered.status).toBe(200);
    expect(rendered.headers.get('content-type')).toMatch(/^image\/jpeg/);
    expect(expectEnvelope((await stowSample(carol, IMG, 'viewer-stow')).res, 403, 'PERMISSION_DENIED')).toBe(
      denial('healthcare.dicomStores.dicomWebWrite', IMG),
    );
    expect(expectEnvelope(await carol.call('DELETE', instance), 403, 'PERMISSION_DENIED')).toBe(
      denial('healthcare.dicomStores.dicomWebDelete', IMG),
    );
    // dicomViewer includes no FHIR permission.
    expectEnvelope(await carol.get(`${S1}/fhir/${fx.patients.s1}`), 403, 'PERMISSION_DENIED');
  });

  it('a dicomEditor stores instances', async () => {
    const { admin, carol } = fx;
    const store = `${DATASET}/dicomStores/edit`;
    expectStatus(await admin.call('POST', `${DATASET}/dicomStores?dicomStoreId=edit`, {}), 200);
    await grant(admin, store, 'roles/healthcare.dicomEditor', 'serviceAccount:carol@p.iam.gserviceaccount.com');
    expectStatus((await stowSample(carol, store, 'editor-stow')).res, 200);
  });
});

describe('inheritance', () => {
  it('applies a dataset binding to every store of the dataset, present and future', async () => {
    const { admin, bob } = fx;
    const dataset = `${LOC}/datasets/inherit`;
    expectStatus(await admin.call('POST', `${LOC}/datasets?datasetId=inherit`, {}), 200);
    await createFhirStore(admin, 'a', dataset);
    expectEnvelope(await bob.get(`${dataset}/fhirStores/a/fhir/Patient`), 403, 'PERMISSION_DENIED');
    await grant(admin, dataset, 'roles/healthcare.fhirResourceReader', 'user:bob@example.com');
    expectStatus(await bob.get(`${dataset}/fhirStores/a/fhir/Patient`), 200);
    await createFhirStore(admin, 'b', dataset);
    expectStatus(await bob.get(`${dataset}/fhirStores/b/fhir/Patient`), 200);
    expectStatus(await bob.get(`${dataset}/fhirStores`), 200);
    // …but not to other datasets.
    expectEnvelope(await bob.get(`${S2}/fhir/Patient`), 403, 'PERMISSION_DENIED');
  });

  it('matches domain: members by the caller’s email domain', async () => {
    const { admin, alice } = fx;
    const store = await createFhirStore(admin, 'domain');
    await grant(admin, store, 'roles/healthcare.fhirResourceReader', 'domain:example.com');
    expectStatus(await alice.get(`${store}/fhir/Patient`), 200);
    expectEnvelope(await fx.carol.get(`${store}/fhir/Patient`), 403, 'PERMISSION_DENIED');
  });
});

describe('resources the caller cannot see', () => {
  it('answer 403 whether or not they exist, and 404 only to callers who may see them', async () => {
    const { admin, bob, alice } = fx;
    const missing: [string, string, string][] = [
      [`${DATASET}/fhirStores/nope/fhir/Patient/x`, 'healthcare.fhirResources.get', `${DATASET}/fhirStores/nope`],
      [`${LOC}/datasets/nope`, 'healthcare.datasets.get', `${LOC}/datasets/nope`],
      [`${LOC}/datasets/nope/dicomStores/img/dicomWeb/studies`, 'healthcare.dicomStores.dicomWebRead', `${LOC}/datasets/nope/dicomStores/img`],
      [`${DATASET}/operations/123`, 'healthcare.operations.get', `${DATASET}/operations/123`],
    ];
    for (const [path, permission, resource] of missing) {
      expect(expectEnvelope(await bob.get(path), 403, 'PERMISSION_DENIED')).toBe(denial(permission, resource));
      expectEnvelope(await admin.get(path), 404, 'NOT_FOUND');
    }
    // alice's datasetViewer binding on `d` lets her learn that an operation of `d` does not exist.
    expectEnvelope(await alice.get(`${DATASET}/operations/123`), 404, 'NOT_FOUND');
    const tested = await bob.call('POST', `${LOC}/datasets/nope:testIamPermissions`, { permissions: ['healthcare.datasets.get'] });
    expect(expectEnvelope(tested, 403, 'PERMISSION_DENIED')).toBe(denial('healthcare.datasets.get', `${LOC}/datasets/nope`));
    expectEnvelope(await admin.call('POST', `${LOC}/datasets/nope:testIamPermissions`, {}), 404, 'NOT_FOUND');
  });
});
