/** `fhirStores.deidentify`: field actions, paths, extensions, ids, the resource filter and the request's rules. */

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import type { RunningEmulator } from '../../src/emulator/server.js';
import { counterOf, dumpFhir, waitDone } from './deid-helpers.js';
import { FhirApi } from './fhir-helpers.js';
import { Client, expectEnvelope, LOC, obj, start } from './helpers.js';

type Resource = Record<string, any>;

const DATASET = `${LOC}/datasets/ds`;
const SOURCE = `${DATASET}/fhirStores/src`;
const SHIFT_KEY = randomBytes(16).toString('base64');

let emulator: RunningEmulator;
let client: Client;
let patient: Resource;
let observation: Resource;

const PATIENT = {
  resourceType: 'Patient',
  identifier: [{ type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'MR' }] }, value: 'MRN-4242' }],
  name: [{ use: 'official', family: 'Quimby', given: ['Ottoline'] }],
  telecom: [{ system: 'phone', value: '(617) 555-0199', use: 'home' }],
  birthDate: '1980-12-05',
  gender: 'female',
  address: [{ use: 'home', line: ['123 Main Street'], city: 'Anycity', state: 'CA', postalCode: '12345' }],
  extension: [{ url: 'http://example.org/favourite-colour', valueString: 'teal' }],
  text: { status: 'generated', div: '<div xmlns="http://www.w3.org/1999/xhtml">Quimby, Ottoline</div>' },
};

/** Creates a FHIR store in the test dataset. */
async function createStore(id: string): Promise<void> {
  const res = await client.call('POST', `${DATASET}/fhirStores?fhirStoreId=${id}`, { version: 'R4' });
  expect(res.status).toBe(200);
}

/** Runs a store de-identification into a new store and returns the copy's resources by type. */
async function deidentify(destination: string, body: Record<string, unknown>): Promise<{ op: Record<string, unknown>; byType: (type: string) => Resource[] }> {
  await createStore(destination);
  const res = await client.call('POST', `${SOURCE}:deidentify`, { destinationStore: `${DATASET}/fhirStores/${destination}`, ...body });
  expect(res.status).toBe(200);
  const op = await waitDone(client, String(obj(res.json)['name']));
  const copy = await dumpFhir(client, `${DATASET}/fhirStores/${destination}`);
  return { op, byType: (type) => [...copy.values()].filter((r) => r['resourceType'] === type) };
}

beforeAll(async () => {
  emulator = await start();
  client = new Client(emulator);
  await client.call('POST', `${LOC}/datasets?datasetId=ds`, {});
  await createStore('src');
  const fhir = new FhirApi(`${emulator.url}/v1/${SOURCE}/fhir`);
  patient = await fhir.create(PATIENT);
  observation = await fhir.create({
    resourceType: 'Observation',
    status: 'final',
    code: { text: 'Note' },
    subject: { reference: `Patient/${patient['id']}`, display: 'Ottoline Quimby' },
    effectiveDateTime: '2020-03-01T10:00:00Z',
    valueString: 'Ottoline Quimby (MRN-4242) called from (617) 555-0199 on 2020-02-28 about her knee.',
  });
});

afterAll(async () => {
  await emulator.close();
});

describe('fhirStores.deidentify', () => {
  it('applies the default config: names, telecom, address, identifiers, dates, narrative and extensions', async () => {
    const { op, byType } = await deidentify('default', { config: { text: { transformations: [{ infoTypes: ['DATE'], dateShiftConfig: { cryptoKey: SHIFT_KEY } }] } } });
    expect(obj(op['metadata'])['apiMethodName']).toBe('google.cloud.healthcare.v1.fhir.FhirStoreService.DeidentifyFhirStore');
    expect(counterOf(op)).toEqual({ success: 2, failure: 0, pending: 0 });
    const [copy] = byType('Patient');
    expect(copy?.['id']).not.toBe(patient['id']);
    expect(copy?.['id']).toMatch(/^[0-9a-f]{40}$/);
    expect(copy?.['name']).toEqual([{ use: 'official', family: '[PERSON_NAME]', given: ['[PERSON_NAME]'] }]);
    expect(copy?.['telecom']).toEqual([{ system: 'phone', value: '[PHONE_NUMBER]', use: 'home' }]);
    expect(copy?.['address']).toEqual([{ use: 'home', line: ['[LOCATION]'], city: '[LOCATION]', state: 'CA', postalCode: '[LOCATION]' }]);
    expect(copy?.['identifier'][0].value).not.toBe('MRN-4242');
    expect(copy?.['identifier'][0].type).toEqual(PATIENT.identifier[0]?.type);
    expect(copy?.['birthDate']).not.toBe('1980-12-05');
    expect(copy?.['gender']).toBe('female');
    expect(copy?.['extension']).toBeUndefined();
    expect(copy?.['text']).toBeUndefined();
    const [obs] = byType('Observation');
    expect(obs?.['subject']).toEqual({ reference: `Patient/${copy?.['id']}` });
    // Free text: the patient's own name, MRN (hashed as the identifier is) and phone, and the date, are found and replaced.
    const hashedMrn = String(copy?.['identifier'][0].value);
    expect(String(obs?.['valueString']).replace(hashedMrn, 'HASH')).toMatch(/^\[PERSON_NAME\] \(HASH\) called from \[PHONE_NUMBER\] on \d{4}-\d{2}-\d{2} about her knee\.$/);
    expect(obs?.['valueString']).not.toContain('2020-02-28');
    // One shift for the patient's birth date, the observation's time and the date in its text.
    const shift = (from: string, to: string): number => Math.round((Date.parse(to.slice(0, 10)) - Date.parse(from.slice(0, 10))) / 86_400_000);
    const days = shift('1980-12-05', String(copy?.['birthDate']));
    expect(shift('2020-03-01', String(obs?.['effectiveDateTime']))).toBe(days);
    expect(String(obs?.['effectiveDateTime']).slice(10)).toBe('T10:00:00Z');
    expect(shift('2020-02-28', /\d{4}-\d{2}-\d{2}/.exec(String(obs?.['valueString']))?.[0] ?? '')).toBe(days);
  });

  it('with a fieldMetadataList transforms only the listed paths and passes the rest through', async () => {
    const { byType } = await deidentify('listed', {
      config: {
        fhir: {
          defaultKeepExtensions: true,
          fieldMetadataList: [
            { paths: ['Patient.name.family', 'Patient.Address'], action: 'TRANSFORM' },
            { paths: ['Patient.name'], action: 'DO_NOT_TRANSFORM' },
            { paths: ['Observation.Value.String'], action: 'INSPECT_AND_TRANSFORM' },
          ],
        },
        text: { transformations: [{ infoTypes: ['PERSON_NAME'], characterMaskConfig: { maskingCharacter: '#' } }, { redactConfig: {} }] },
      },
    });
    const [copy] = byType('Patient');
    // `family` matched first (TRANSFORM, masked); `given` only by `Patient.name` (DO_NOT_TRANSFORM).
    expect(copy?.['name']).toEqual([{ use: 'official', family: '######', given: ['Ottoline'] }]);
    // Address: redacted by the catch-all redactConfig, codes kept.
    expect(copy?.['address']).toEqual([{ use: 'home', state: 'CA' }]);
    // Not listed: passed through unchanged.
    expect(copy?.['telecom']).toEqual(PATIENT.telecom);
    expect(copy?.['birthDate']).toBe('1980-12-05');
    expect(copy?.['extension']).toEqual(PATIENT.extension);
    const [obs] = byType('Observation');
    expect(obs?.['valueString']).toBe('######## ###### () called from  on  about her knee.');
  });

  it('copies only the resources of a resourceFilter', async () => {
    const { op, byType } = await deidentify('filtered', { resourceFilter: { resources: { resources: [`Patient/${patient['id']}`] } } });
    expect(counterOf(op)).toEqual({ success: 1, failure: 0, pending: 0 });
    expect(byType('Patient')).toHaveLength(1);
    expect(byType('Observation')).toHaveLength(0);
  });

  it('maps ids the same way under the same key, and differently under another', async () => {
    const key = randomBytes(32).toString('base64');
    const config = { text: { transformations: [{ infoTypes: ['MEDICAL_RECORD_NUMBER'], cryptoHashConfig: { cryptoKey: key } }] } };
    const a = (await deidentify('same-a', { config })).byType('Patient')[0];
    const b = (await deidentify('same-b', { config })).byType('Patient')[0];
    const c = (await deidentify('other', {})).byType('Patient')[0];
    expect(a?.['id']).toBe(b?.['id']);
    expect(a?.['identifier'][0].value).toBe(b?.['identifier'][0].value);
    expect(c?.['id']).not.toBe(a?.['id']);
  });

  it('needs an existing destination store, other than the source, in the same location', async () => {
    const call = (body: Record<string, unknown>) => client.call('POST', `${SOURCE}:deidentify`, body);
    expectEnvelope(await call({ destinationStore: `${DATASET}/fhirStores/missing` }), 404, 'NOT_FOUND');
    expectEnvelope(await call({ destinationStore: SOURCE }), 400, 'INVALID_ARGUMENT');
    expectEnvelope(await call({ destinationStore: 'projects/p/locations/asia-east1/datasets/ds/fhirStores/x' }), 400, 'INVALID_ARGUMENT');
    expectEnvelope(await call({ destinationStore: `${DATASET}/dicomStores/x` }), 400, 'INVALID_ARGUMENT');
    expectEnvelope(await call({}), 400, 'INVALID_ARGUMENT');
    expectEnvelope(await call({ destinationStore: `${DATASET}/fhirStores/default`, resourceFilter: { resources: { resources: ['not a key'] } } }), 400, 'INVALID_ARGUMENT');
    expectEnvelope(await call({ destinationStore: `${DATASET}/fhirStores/default`, config: { image: { textRedactionMode: 'REDACT_ALL_TEXT' } } }), 400, 'INVALID_ARGUMENT');
    expectEnvelope(await call({ destinationStore: `${DATASET}/fhirStores/default`, config: { text: { transformations: [{ dateShiftConfig: { cryptoKey: 'not base64!' } }] } } }), 400, 'INVALID_ARGUMENT');
    expectEnvelope(await client.call('POST', `${DATASET}/fhirStores/nope:deidentify`, { destinationStore: `${DATASET}/fhirStores/default` }), 404, 'NOT_FOUND');
  });

  it('never changes the source store', async () => {
    const fhir = new FhirApi(`${emulator.url}/v1/${SOURCE}/fhir`);
    expect((await fhir.get(`Patient/${patient['id']}`)).body).toEqual(patient);
    expect((await fhir.get(`Observation/${observation['id']}`)).body).toEqual(observation);
  });
});
