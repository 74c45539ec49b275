/**
 * Load and search at scale: 50,000 resources (5,000 patients with 9 observations each) through
 * executeBundle, then selective searches. Timings are printed, not asserted (machines differ);
 * the results are.
 */

import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { RunningEmulator } from '../../src/emulator/server.js';
import { startFhir, type FhirApi } from './fhir-helpers.js';

const PATIENTS = 5000;
const OBSERVATIONS_PER_PATIENT = 9;
const PER_BUNDLE = 500;
const CODES = ['8867-4', '29463-7', '8480-6'];

let emulator: RunningEmulator;
let api: FhirApi;
const timings: string[] = [];

function patientEntries(first: number): unknown[] {
  const entries: unknown[] = [];
  for (let i = first; i < first + PER_BUNDLE; i++) {
    const fullUrl = `urn:uuid:patient-${i}`;
    entries.push({
      fullUrl,
      resource: {
        resourceType: 'Patient',
        identifier: [{ system: 'urn:mrn', value: `MRN${i}` }],
        name: [{ family: `Family${i}`, given: ['Scale'] }],
        gender: i % 2 === 0 ? 'female' : 'male',
        birthDate: `19${String(40 + (i % 60)).padStart(2, '0')}-0${(i % 9) + 1}-15`,
      },
      request: { method: 'POST', url: 'Patient' },
    });
    for (let k = 0; k < OBSERVATIONS_PER_PATIENT; k++) {
      entries.push({
        resource: {
          resourceType: 'Observation',
          status: 'final',
          code: { coding: [{ system: 'http://loinc.org', code: CODES[k % 3] }] },
          subject: { reference: fullUrl },
          effectiveDateTime: `20${10 + k}-06-01T08:00:00Z`,
          valueQuantity: { value: 60 + k, system: 'http://unitsofmeasure.org', code: 'kg' },
        },
        request: { method: 'POST', url: 'Observation' },
      });
    }
  }
  return entries;
}

async function timed<T>(label: string, run: () => Promise<T>, repeat = 1): Promise<T> {
  const start = performance.now();
  let result: T | undefined;
  for (let i = 0; i < repeat; i++) result = await run();
  timings.push(`${label}: ${((performance.now() - start) / repeat).toFixed(2)} ms`);
  return result as T;
}

beforeAll(async () => {
  ({ emulator, api } = await startFhir());
});

afterAll(async () => {
  process.stdout.write(`FHIR store at scale (${PATIENTS * (1 + OBSERVATIONS_PER_PATIENT)} resources):\n  ${timings.join('\n  ')}\n`);
  await emulator.close();
});

it('loads 50,000 resources through executeBundle and answers selective searches from the indexes', async () => {
  await timed('load 50,000 resources in transactions of 5,000', async () => {
    for (let first = 0; first < PATIENTS; first += PER_BUNDLE) {
      const res = await api.request('POST', '?prettyPrint=false', { resourceType: 'Bundle', type: 'transaction', entry: patientEntries(first) }, {
        prefer: 'return=minimal',
      });
      expect(res.status).toBe(200);
    }
  });
  const mrn = await timed('Patient?identifier=urn:mrn|MRN4242', () => api.get('Patient?identifier=urn:mrn|MRN4242'), 20);
  expect(mrn.body.total).toBe(1);
  const patient = mrn.body.entry[0].resource.id;
  const family = await timed('Patient?family=family424 (prefix)', () => api.get('Patient?family=family424'), 20);
  expect(family.body.total).toBe(11);
  const obs = await timed('Observation?subject&code', () => api.get(`Observation?subject=Patient/${patient}&code=http://loinc.org|8867-4`), 20);
  expect(obs.body.total).toBe(3);
  const dated = await timed('Observation?patient&date=ge2015', () => api.get(`Observation?patient=${patient}&date=ge2015`), 20);
  expect(dated.body.total).toBe(4);
  const born = await timed('Patient?birthdate=1975-03&gender=male', () => api.get('Patient?birthdate=1975-03&gender=male'), 20);
  expect(born.body.total).toBeGreaterThan(0);
  const everything = await timed('Patient/$everything', () => api.get(`Patient/${patient}/$everything`), 20);
  expect(everything.body.total).toBe(1 + OBSERVATIONS_PER_PATIENT);
  // Updates and deletes after the bulk load: the merged index runs must forget replaced versions.
  const total = async (query: string): Promise<number> => (await api.get(query)).body.total;
  const moved = (await api.get('Patient?identifier=urn:mrn|MRN7')).body.entry[0].resource;
  const oldBirth = `Patient?birthdate=${moved.birthDate}`;
  const [bornBefore, familyBefore] = [await total(oldBirth), await total('Patient?family=family7')];
  await api.request('PUT', `Patient/${moved.id}`, { ...moved, birthDate: '2005-05-05', name: [{ family: 'Moved' }] });
  expect(await api.ids('Patient?birthdate=2005-05-05')).toEqual([moved.id]);
  expect([await total(oldBirth), await total('Patient?family=family7')]).toEqual([bornBefore - 1, familyBefore - 1]);
  const dropped = (await api.get(`Observation?patient=${moved.id}&_count=1`)).body.entry[0].resource;
  const sameValue = `Observation?value-quantity=${dropped.valueQuantity.value}`;
  const valueBefore = await total(sameValue);
  await api.request('DELETE', `Observation/${dropped.id}`);
  expect(await total(sameValue)).toBe(valueBefore - 1);
  const broad = await timed('Observation?code=8867-4&_count=10 (15,000 matches)', () => api.get('Observation?code=8867-4&_count=10'), 5);
  expect(broad.body.total).toBe((PATIENTS * OBSERVATIONS_PER_PATIENT) / 3 - (dropped.code.coding[0].code === '8867-4' ? 1 : 0));
}, 120_000);
