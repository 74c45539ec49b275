/** Shared helpers for the emulator's IAM tests: callers with bearer tokens and a seeded emulator. */

import type { Principals, PredefinedRole } from '../../src/emulator/iam/index.js';
import type { EmulatorOptions, RunningEmulator } from '../../src/emulator/server.js';
import { sampleInstances, multipartBody } from './dicom-helpers.js';
import { type ApiResponse, LOC, obj, start, toApiResponse } from './helpers.js';

export const DATASET = `${LOC}/datasets/d`;
export const S1 = `${DATASET}/fhirStores/s1`;
export const S2 = `${DATASET}/fhirStores/s2`;
export const IMG = `${DATASET}/dicomStores/img`;

/** Tokens of the test principals; `root` is the admin. */
export const PRINCIPALS: Principals = {
  tokens: {
    't-root': 'user:root@example.com',
    't-alice': 'user:alice@example.com',
    't-bob': 'user:bob@example.com',
    't-carol': 'serviceAccount:carol@p.iam.gserviceaccount.com',
  },
  admins: ['user:root@example.com'],
};

/** One caller of the emulator's REST API; `token` undefined sends no `Authorization`. */
export class Caller {
  constructor(
    readonly emulator: RunningEmulator,
    readonly token: string | undefined,
  ) {}

  /** `path` is relative to `/v1/`; objects are sent as JSON, bytes as they are. */
  async call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse> {
    const sent: Record<string, string> = { ...headers };
    if (this.token !== undefined) sent['authorization'] = `Bearer ${this.token}`;
    let payload: string | Uint8Array<ArrayBuffer> | undefined;
    if (body instanceof Uint8Array) payload = new Uint8Array(body);
    else if (body !== undefined) {
      payload = JSON.stringify(body);
      sent['content-type'] ??= 'application/json';
    }
    return toApiResponse(await fetch(`${this.emulator.url}/v1/${path}`, { method, headers: sent, body: payload }));
  }

  get(path: string, headers?: Record<string, string>): Promise<ApiResponse> {
    return this.call('GET', path, undefined, headers);
  }
}

/** Fails the test with the response when its status is not `status`; returns a JSON object body, else `{}`. */
export function expectStatus(res: ApiResponse, status: number): Record<string, unknown> {
  if (res.status !== status) throw new Error(`expected HTTP ${status}, got ${res.status}: ${res.text.slice(0, 500)}`);
  return typeof res.json === 'object' && res.json !== null && !Array.isArray(res.json) ? obj(res.json) : {};
}

/** Creates R4 FHIR store `id` in `dataset` (`d` by default) as `caller`, failing unless it is created; returns the store's name. */
export async function createFhirStore(caller: Caller, id: string, dataset = DATASET): Promise<string> {
  expectStatus(await caller.call('POST', `${dataset}/fhirStores?fhirStoreId=${id}`, { version: 'R4' }), 200);
  return `${dataset}/fhirStores/${id}`;
}

/** Adds `member` to `role` on `resource` with a read-modify-write, as Google's guide does. */
export async function grant(admin: Caller, resource: string, role: PredefinedRole, member: string): Promise<void> {
  const policy = expectStatus(await admin.get(`${resource}:getIamPolicy`), 200);
  const bindings = (policy['bindings'] ?? []) as { role: string; members: string[] }[];
  const binding = bindings.find((b) => b.role === role);
  if (binding === undefined) bindings.push({ role, members: [member] });
  else binding.members.push(member);
  expectStatus(await admin.call('POST', `${resource}:setIamPolicy`, { policy: { etag: policy['etag'], bindings } }), 200);
}

/** STOW-RS of one sample instance; returns the study UID and the instance's WADO path. */
export async function stowSample(caller: Caller, store: string, seed: string): Promise<{ res: ApiResponse; study: string; instance: string }> {
  const { plan, files } = sampleInstances({ seed, modality: 'CR' });
  const { body, boundary } = multipartBody(files);
  const res = await caller.call('POST', `${store}/dicomWeb/studies`, body, {
    'content-type': `multipart/related; type="application/dicom"; boundary=${boundary}`,
    accept: 'application/dicom+json',
  });
  const series = plan.series[0]!;
  const instance = `${store}/dicomWeb/studies/${plan.studyInstanceUid}/series/${series.seriesInstanceUid}/instances/${series.instances[0]!.sopInstanceUid}`;
  return { res, study: plan.studyInstanceUid, instance };
}

/** An emulator enforcing IAM, seeded by the admin with dataset `d`, FHIR stores `s1` and `s2` and DICOM store `img`. */
export interface IamFixture {
  emulator: RunningEmulator;
  admin: Caller;
  alice: Caller;
  bob: Caller;
  carol: Caller;
  anonymous: Caller;
  /** The operation of dataset `d`'s creation. */
  operation: string;
  /** `Patient/{id}` in each FHIR store. */
  patients: { s1: string; s2: string };
  /** WADO-RS path of the instance stored in `img`. */
  instance: string;
}

export async function startIamFixture(options: EmulatorOptions = {}): Promise<IamFixture> {
  const emulator = await start({ principals: PRINCIPALS, ...options });
  const as = (token: string | undefined): Caller => new Caller(emulator, token);
  const admin = as('t-root');
  try {
    const op = expectStatus(await admin.call('POST', `${LOC}/datasets?datasetId=d`, {}), 200);
    for (const id of ['s1', 's2']) await createFhirStore(admin, id);
    expectStatus(await admin.call('POST', `${DATASET}/dicomStores?dicomStoreId=img`, {}), 200);
    const patient = async (store: string): Promise<string> => {
      const created = expectStatus(await admin.call('POST', `${store}/fhir/Patient`, { resourceType: 'Patient', name: [{ family: 'Doe' }] }), 201);
      return `Patient/${String(created['id'])}`;
    };
    const stowed = await stowSample(admin, IMG, 'iam-fixture');
    expectStatus(stowed.res, 200);
    return {
      emulator,
      admin,
      alice: as('t-alice'),
      bob: as('t-bob'),
      carol: as('t-carol'),
      anonymous: as(undefined),
      operation: String(op['name']),
      patients: { s1: await patient(S1), s2: await patient(S2) },
      instance: stowed.instance,
    };
  } catch (error) {
    await emulator.close();
    throw error;
  }
}
