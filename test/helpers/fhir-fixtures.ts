import type { RunningApp } from '../../src/app.js';
import { rest } from './app.js';

/**
 * A small FHIR store of our own for graph tests, written over REST: organizations and practitioners
 * referenced by every patient, and per patient an encounter, conditions and observations.
 */
export interface Fixture {
  store: string;
  patientIds: string[];
  /** Patient with many resources, for `$everything` paging. */
  heavyPatientId: string;
}

const DATASET = 'projects/demo/locations/us-central1/datasets/demo';

async function put(app: RunningApp, store: string, resource: { resourceType: string; id: string }): Promise<void> {
  const response = await fetch(`${app.apiUrl}/${store}/fhir/${resource.resourceType}/${resource.id}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/fhir+json' },
    body: JSON.stringify(resource),
  });
  if (!response.ok) throw new Error(`PUT ${resource.resourceType}/${resource.id}: ${response.status} ${await response.text()}`);
}

async function putAll(app: RunningApp, store: string, resources: { resourceType: string; id: string }[]): Promise<void> {
  for (let start = 0; start < resources.length; start += 20) {
    await Promise.all(resources.slice(start, start + 20).map((resource) => put(app, store, resource)));
  }
}

export async function createFixture(app: RunningApp, storeId: string, patients = 25, heavyObservations = 160): Promise<Fixture> {
  const store = `${DATASET}/fhirStores/${storeId}`;
  const created = await rest(app, 'POST', `${DATASET}/fhirStores?fhirStoreId=${storeId}`, { version: 'R4', enableUpdateCreate: true });
  if (created.status !== 200) throw new Error(`create store: ${created.status} ${JSON.stringify(created.body)}`);

  const shared = [
    { resourceType: 'Organization', id: 'org-1', name: 'Springfield General Hospital' },
    { resourceType: 'Organization', id: 'org-2', name: 'Shelbyville Clinic' },
    { resourceType: 'Practitioner', id: 'pr-1', name: [{ use: 'official', prefix: ['Dr.'], given: ['Julius'], family: 'Hibbert' }] },
    { resourceType: 'Practitioner', id: 'pr-2', name: [{ use: 'official', prefix: ['Dr.'], given: ['Nick'], family: 'Riviera' }] },
  ];
  await putAll(app, store, shared);

  const patientIds: string[] = [];
  const clinical: { resourceType: string; id: string }[] = [];
  const patientResources = [];
  for (let index = 1; index <= patients; index += 1) {
    const id = `p-${String(index).padStart(3, '0')}`;
    patientIds.push(id);
    patientResources.push({
      resourceType: 'Patient',
      id,
      identifier: [{ type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'MR' }] }, system: 'urn:demo:mrn', value: `MRN${1000 + index}` }],
      name: [{ use: 'official', given: [`Given${index}`], family: index % 2 === 0 ? 'Simpson' : 'Flanders' }],
      gender: index % 2 === 0 ? 'female' : 'male',
      birthDate: `19${50 + index}-0${(index % 9) + 1}-15`,
      generalPractitioner: [{ reference: `Practitioner/pr-${(index % 2) + 1}` }],
      managingOrganization: { reference: `Organization/org-${(index % 2) + 1}` },
    });
    clinical.push({
      resourceType: 'Encounter', id: `enc-${id}`, status: 'finished',
      class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB', display: 'ambulatory' },
      subject: { reference: `Patient/${id}` }, period: { start: '2024-03-01T09:00:00Z', end: '2024-03-01T09:30:00Z' },
      serviceProvider: { reference: 'Organization/org-1' }, participant: [{ individual: { reference: 'Practitioner/pr-1' } }],
    } as never);
    clinical.push({
      resourceType: 'Condition', id: `cond-${id}`, subject: { reference: `Patient/${id}` },
      clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] },
      code: { coding: [{ system: 'http://snomed.info/sct', code: '44054006', display: 'Diabetes mellitus type 2' }] },
      onsetDateTime: '2020-05-01', encounter: { reference: `Encounter/enc-${id}` },
    } as never);
    const observations = id === 'p-001' ? heavyObservations : 6;
    for (let day = 1; day <= observations; day += 1) {
      clinical.push({
        resourceType: 'Observation', id: `obs-${id}-${day}`, status: 'final', subject: { reference: `Patient/${id}` },
        category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'vital-signs' }] }],
        code: { coding: [{ system: 'http://loinc.org', code: '8867-4', display: 'Heart rate' }] },
        effectiveDateTime: new Date(Date.UTC(2024, 0, day)).toISOString(),
        valueQuantity: { value: 60 + (day % 30), unit: '/min', system: 'http://unitsofmeasure.org', code: '/min' },
        encounter: { reference: `Encounter/enc-${id}` },
      } as never);
    }
  }
  await putAll(app, store, patientResources);
  await putAll(app, store, clinical);
  return { store, patientIds, heavyPatientId: 'p-001' };
}
