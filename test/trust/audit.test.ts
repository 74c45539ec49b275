import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningApp } from '../../src/app.js';
import type { AuditEvent } from '../../src/observability/audit.js';
import { graphql, rest, startTestApp } from '../helpers/app.js';
import { DEMO_DICOM_STORE, DEMO_FHIR_STORE } from '../helpers/demo-names.js';
import { startTestIssuer, type TestIssuer } from '../helpers/oidc-issuer.js';

const AUDIENCE = 'audit-test';

async function until<T>(read: () => Promise<T | undefined>, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`nothing within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('AUDIT_LOG', () => {
  let folder: string;
  let file: string;
  let issuer: TestIssuer;
  let app: RunningApp;
  let token: string;
  /** The events written since the last call. */
  let seen = 0;
  async function newEvents(count: number): Promise<AuditEvent[]> {
    return until(async () => {
      const lines = (await readFile(file, 'utf8').catch(() => '')).split('\n').filter((line) => line !== '');
      if (lines.length < seen + count) return undefined;
      const events = lines.slice(seen, seen + count).map((line) => JSON.parse(line) as AuditEvent);
      seen += count;
      return events;
    });
  }

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'audit-'));
    file = join(folder, 'audit.jsonl');
    issuer = await startTestIssuer(AUDIENCE);
    app = await startTestApp({ AUTH_MODE: 'oidc', OIDC_ISSUER: issuer.url, OIDC_AUDIENCE: AUDIENCE, AUDIT_LOG: file, AUDIT_FHIR_STORE: DEMO_FHIR_STORE, DEMO_PATIENTS: '3' });
    token = await issuer.token({ sub: 'dr-who' });
  });
  afterAll(async () => {
    await app?.close();
    await issuer?.close();
    await rm(folder, { recursive: true, force: true });
  });

  it('names the patient of a chart by resource id, and none of its name, MRN or birth date', async () => {
    const list = await graphql(app, `{ fhirStore(name: "${DEMO_FHIR_STORE}") { patients(first: 1) { nodes { resourceId } } } }`, {}, { authorization: `Bearer ${token}` });
    const [listed] = await newEvents(1);
    const id = list.data.fhirStore.patients.nodes[0].resourceId;
    expect(listed!.entity).toContainEqual({ type: 'Patient', name: `${DEMO_FHIR_STORE}/fhir/Patient/${id}`, role: 'read' });
    const patient = (await rest(app, 'GET', `${DEMO_FHIR_STORE}/fhir/Patient/${id}`)).body;
    const chart = await graphql(app, `query PatientChart($id: String!) { fhirStore(name: "${DEMO_FHIR_STORE}") { patient(id: $id) {
      displayName mrn birthDate gender observations(first: 5) { nodes { id } } conditions(first: 5) { nodes { id } } imagingStudies(first: 5) { nodes { studyInstanceUid } } } } }`,
    { id }, { authorization: `Bearer ${token}` });
    expect(chart.errors).toBeUndefined();
    const [event] = await newEvents(1);
    expect(event).toMatchObject({
      resourceType: 'AuditEvent',
      type: 'graphql',
      action: 'R',
      operation: 'PatientChart',
      agent: { who: 'dr-who', kind: 'oidc' },
      outcome: '0',
      upstreamCalls: expect.any(Number),
      requestId: expect.any(String),
      recorded: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect(event!.upstreamCalls).toBeGreaterThan(0);
    expect(event!.entity).toEqual(expect.arrayContaining([
      { type: 'FhirStore', name: DEMO_FHIR_STORE, role: 'read' },
      { type: 'Patient', name: `${DEMO_FHIR_STORE}/fhir/Patient/${id}`, role: 'read' },
    ]));
    const line = JSON.stringify(event);
    const mrn = patient.identifier.find((identifier: { type?: { coding?: { code?: string }[] } }) => identifier.type?.coding?.some((coding) => coding.code === 'MR')).value;
    for (const secret of [mrn, patient.birthDate, ...patient.name.flatMap((name: { family?: string; given?: string[] }) => [name.family, ...(name.given ?? [])])]) {
      expect(typeof secret).toBe('string');
      expect(line).not.toContain(secret);
    }
    expect(line).not.toContain(token);
  });

  it('records writes, refusals and image requests', async () => {
    const created = await graphql(app, 'mutation Admit($input: CreateFhirResourceInput!) { createFhirResource(input: $input) { resource { resourceId } } }',
      { input: { store: DEMO_FHIR_STORE, resource: { resourceType: 'Patient', name: [{ family: 'Secretname' }] } } }, { authorization: `Bearer ${token}` });
    const createdId = created.data.createFhirResource.resource.resourceId;
    const [write] = await newEvents(1);
    expect(write).toMatchObject({ action: 'E', operation: 'Admit', outcome: '0' });
    expect(write!.entity).toContainEqual({ type: 'Patient', name: `${DEMO_FHIR_STORE}/fhir/Patient/${createdId}`, role: 'written' });
    expect(JSON.stringify(write)).not.toContain('Secretname');

    await graphql(app, '{ datasets { nodes { datasetId } } }', {}, { authorization: 'Bearer forged.token.here' });
    const [refused] = await newEvents(1);
    expect(refused).toMatchObject({ agent: { who: 'anonymous', kind: 'anonymous' }, outcome: '4', outcomeCodes: ['UNAUTHENTICATED'], upstreamCalls: 0, entity: [] });

    const instances = await graphql(app, `{ dicomStore(name: "${DEMO_DICOM_STORE}") { studies(first: 1) { nodes { studyInstanceUid series(first: 1) { nodes { instances(first: 1) { nodes { renderedUrl } } } } } } } }`, {}, { authorization: `Bearer ${token}` });
    await newEvents(1);
    const study = instances.data.dicomStore.studies.nodes[0];
    expect((await fetch(study.series.nodes[0].instances.nodes[0].renderedUrl, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    const [image] = await newEvents(1);
    expect(image).toMatchObject({ type: 'image', operation: 'renderedFrame', agent: { who: 'dr-who' }, outcome: '0', upstreamCalls: 1 });
    expect(image!.entity).toContainEqual({ type: 'ImagingStudy', name: `${DEMO_DICOM_STORE}/dicomWeb/studies/${study.studyInstanceUid}`, role: 'read' });
  });

  it('writes each event into AUDIT_FHIR_STORE as a FHIR AuditEvent', async () => {
    const found = await until(async () => {
      const bundle = (await rest(app, 'GET', `${DEMO_FHIR_STORE}/fhir/AuditEvent?_count=100`)).body;
      const events = (bundle.entry ?? []).map((entry: { resource: Record<string, any> }) => entry.resource);
      return events.find((event: Record<string, any>) => event.subtype?.[0]?.display === 'PatientChart');
    });
    expect(found).toMatchObject({
      resourceType: 'AuditEvent',
      action: 'R',
      outcome: '0',
      agent: [{ who: { identifier: { value: 'dr-who' } }, requestor: true }],
      source: { observer: { display: 'healthcare-graph' } },
    });
    expect(found.entity.some((entity: { what: { identifier: { value: string } } }) => entity.what.identifier.value.includes('/fhir/Patient/'))).toBe(true);
  });
});

describe('AUDIT_LOG in passthrough mode against a non-Google API root', () => {
  it('names the caller by a digest of its token, and never the token', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'audit-'));
    const file = join(folder, 'audit.jsonl');
    const app = await startTestApp({ AUTH_MODE: 'passthrough', AUDIT_LOG: file });
    try {
      const token = 'ya29.some-google-access-token';
      expect((await graphql(app, '{ datasets { nodes { datasetId } } }', {}, { authorization: `Bearer ${token}` })).status).toBe(200);
      const line = await until(async () => (await readFile(file, 'utf8').catch(() => '')).split('\n').find((text) => text !== ''));
      expect(JSON.parse(line).agent).toEqual({ who: expect.stringMatching(/^sha256:[\w-]{22}$/), kind: 'token' });
      expect(line).not.toContain(token);
    } finally {
      await app.close();
      await rm(folder, { recursive: true, force: true });
    }
  });
});
