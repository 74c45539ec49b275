/**
 * `datasets.deidentify` over the demo cohort: nothing identifying survives in the copy, the source
 * is untouched, references and FHIR↔DICOM links stay consistent, dates move by one shift per
 * patient, and the operation's counters add up.
 */

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHmac, randomBytes } from 'node:crypto';
import type { RunningEmulator } from '../../src/emulator/server.js';
import { referencesIn } from '../helpers/fhir-references.js';
import { counterOf, DEMO, dumpDicom, dumpFhir, loadDemo, waitDone, type DumpedInstance } from './deid-helpers.js';
import { Client, expectEnvelope, LOC, obj, start } from './helpers.js';

type Resource = Record<string, any>;

const HASH_KEY = randomBytes(32);
const SHIFT_KEY = randomBytes(32);
const DEST = `${LOC}/datasets/deid`;
/** (7FE0,0010) as it is written in little-endian transfer syntaxes. */
const PIXEL_DATA_TAG = Buffer.from([0xe0, 0x7f, 0x10, 0x00]);
const CONFIG = {
  dicom: { filterProfile: 'ATTRIBUTE_CONFIDENTIALITY_BASIC_PROFILE' },
  text: {
    transformations: [
      { infoTypes: ['DATE'], dateShiftConfig: { cryptoKey: SHIFT_KEY.toString('base64') } },
      { infoTypes: ['MEDICAL_RECORD_NUMBER'], cryptoHashConfig: { cryptoKey: HASH_KEY.toString('base64') } },
    ],
  },
};

let emulator: RunningEmulator;
let client: Client;
let sourceFhir: Map<string, Resource>;
let sourceDicom: DumpedInstance[];
let destFhir: Map<string, Resource>;
let destDicom: DumpedInstance[];
let operation: Record<string, unknown>;
let started: Record<string, unknown>;

function mrnOf(patient: Resource): string {
  return patient.identifier.find((i: Resource) => i.type?.coding?.some((c: Resource) => c.code === 'MR')).value;
}

function days(from: string, to: string): number {
  const iso = (d: string): number => Date.parse(/^\d{8}$/.test(d) ? `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6)}` : d.slice(0, 10));
  return Math.round((iso(to) - iso(from)) / 86_400_000);
}

beforeAll(async () => {
  emulator = await start();
  client = new Client(emulator);
  await loadDemo(emulator, 3);
  sourceFhir = await dumpFhir(client, `${DEMO}/fhirStores/fhir`);
  sourceDicom = await dumpDicom(client, emulator, `${DEMO}/dicomStores/dicom`);
  const res = await client.call('POST', `${DEMO}:deidentify`, { destinationDataset: DEST, config: CONFIG });
  expect(res.status).toBe(200);
  started = obj(res.json);
  operation = await waitDone(client, String(started['name']));
  destFhir = await dumpFhir(client, `${DEST}/fhirStores/fhir`);
  destDicom = await dumpDicom(client, emulator, `${DEST}/dicomStores/dicom`);
}, 120_000);

afterAll(async () => {
  await emulator.close();
});

describe('datasets.deidentify over the demo cohort', () => {
  it('answers with a running operation in the source dataset and ends with a DeidentifySummary', () => {
    expect(String(started['name'])).toMatch(new RegExp(`^${DEMO}/operations/\\d+$`));
    expect(started['done']).toBeUndefined();
    expect(obj(started['metadata'])['apiMethodName']).toBe('google.cloud.healthcare.v1.dataset.DatasetService.DeidentifyDataset');
    expect(operation['error']).toBeUndefined();
    expect(operation['response']).toEqual({ '@type': 'type.googleapis.com/google.cloud.healthcare.v1.deidentify.DeidentifySummary' });
    expect(obj(operation['metadata'])['endTime']).toEqual(expect.any(String));
  });

  it('counts every resource and instance as a success, with nothing pending', () => {
    expect(sourceDicom.length).toBeGreaterThan(0);
    expect(counterOf(operation)).toEqual({ success: sourceFhir.size + sourceDicom.length, failure: 0, pending: 0 });
    expect(destFhir.size).toBe(sourceFhir.size);
    expect(destDicom.length).toBe(sourceDicom.length);
  });

  it('leaves no identifying value of the source anywhere in the copy', () => {
    const sensitive = new Set<string>();
    for (const resource of sourceFhir.values()) {
      if (!['Patient', 'Practitioner'].includes(resource['resourceType'])) continue;
      for (const name of resource['name'] ?? []) for (const part of [...(name.given ?? []), name.family]) sensitive.add(part);
      for (const identifier of resource['identifier'] ?? []) sensitive.add(identifier.value);
      for (const telecom of resource['telecom'] ?? []) sensitive.add(telecom.value);
      for (const address of resource['address'] ?? []) for (const part of [...address.line, address.city, address.postalCode]) sensitive.add(part);
      if (resource['birthDate'] !== undefined) {
        sensitive.add(resource['birthDate']);
        sensitive.add(resource['birthDate'].replaceAll('-', ''));
      }
      sensitive.add(resource['id']);
    }
    for (const { dataset } of sourceDicom) {
      const name = (dataset['PatientName'] as { Alphabetic: string }[] | { Alphabetic: string })
      const alphabetic = Array.isArray(name) ? name[0]?.Alphabetic : name.Alphabetic;
      for (const part of String(alphabetic).split('^')) sensitive.add(part);
      for (const keyword of ['PatientID', 'AccessionNumber', 'StudyInstanceUID', 'SeriesInstanceUID', 'SOPInstanceUID', 'PatientBirthDate', 'ReferringPhysicianName']) {
        const value = dataset[keyword];
        if (typeof value === 'string' && value !== '') sensitive.add(value);
      }
    }
    expect(sensitive.size).toBeGreaterThan(50);
    const copy = [
      JSON.stringify([...destFhir.values()]),
      // Every byte before the pixel data (whose noise may spell a short name by chance).
      ...destDicom.map((i) => i.bytes.subarray(0, i.bytes.indexOf(PIXEL_DATA_TAG)).toString('latin1')),
      JSON.stringify(destDicom.map((i) => i.dataset)),
    ].join('\n');
    // As whole words: a ZIP code's digits may well occur inside a 39-digit replacement UID.
    const escape = (value: string): string => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const leaked = [...sensitive].filter((value) => value.length >= 3 && new RegExp(`(?<![A-Za-z0-9])${escape(value)}(?![A-Za-z0-9])`).test(copy));
    expect(leaked).toEqual([]);
  });

  it('leaves the source byte-for-byte as it was', async () => {
    expect(await dumpFhir(client, `${DEMO}/fhirStores/fhir`)).toEqual(sourceFhir);
    const after = await dumpDicom(client, emulator, `${DEMO}/dicomStores/dicom`);
    expect(after.map((i) => [i.path, i.bytes.toString('base64')])).toEqual(sourceDicom.map((i) => [i.path, i.bytes.toString('base64')]));
  });

  it('rewrites every reference so it resolves inside the copy', () => {
    const refs = [...destFhir.values()].flatMap((r) => referencesIn(r));
    expect(refs.length).toBeGreaterThan(100);
    expect(refs.filter((ref) => !destFhir.has(ref))).toEqual([]);
  });

  it('keeps FHIR and DICOM linked: PatientID is the hashed MRN, ImagingStudy names the new UIDs', () => {
    const hashedMrns = new Set(
      [...sourceFhir.values()].filter((r) => r['resourceType'] === 'Patient').map((p) => createHmac('sha256', HASH_KEY).update(mrnOf(p)).digest('base64')),
    );
    const destMrns = new Set([...destFhir.values()].filter((r) => r['resourceType'] === 'Patient').map(mrnOf));
    expect(destMrns).toEqual(hashedMrns);
    for (const { dataset } of destDicom) expect(hashedMrns.has(String(dataset['PatientID']))).toBe(true);
    const destStudies = new Set(destDicom.map((i) => String(i.dataset['StudyInstanceUID'])));
    const imagingUids = [...destFhir.values()]
      .filter((r) => r['resourceType'] === 'ImagingStudy')
      .map((r) => String(r['identifier'].find((i: Resource) => i.system === 'urn:dicom:uid').value).replace('urn:oid:', ''));
    expect(imagingUids.length).toBeGreaterThan(0);
    for (const uid of imagingUids) {
      expect(uid).toMatch(/^2\.25\.\d+$/);
      expect(destStudies.has(uid)).toBe(true);
    }
  });

  it('shifts every date of a patient, FHIR and DICOM, by one number of days within ±100', () => {
    const sourcePatients = [...sourceFhir.values()].filter((r) => r['resourceType'] === 'Patient');
    for (const patient of sourcePatients) {
      const hashed = createHmac('sha256', HASH_KEY).update(mrnOf(patient)).digest('base64');
      const copy = [...destFhir.values()].find((r) => r['resourceType'] === 'Patient' && mrnOf(r) === hashed) as Resource;
      const shift = days(patient['birthDate'], copy['birthDate']);
      expect(Math.abs(shift)).toBeGreaterThanOrEqual(1);
      expect(Math.abs(shift)).toBeLessThanOrEqual(100);
      const starts = (resources: Resource[], subject: string): string[] =>
        resources.filter((r) => r['resourceType'] === 'Encounter' && r['subject'].reference === subject).map((r) => r['period'].start).sort();
      const before = starts([...sourceFhir.values()], `Patient/${patient['id']}`);
      const after = starts([...destFhir.values()], `Patient/${copy['id']}`);
      expect(after.length).toBe(before.length);
      expect(before.length).toBeGreaterThan(0);
      after.forEach((date, i) => expect(days(before[i] as string, date)).toBe(shift));
      const studyDates = (instances: DumpedInstance[], id: string): string[] =>
        instances.filter((i) => i.dataset['PatientID'] === id).map((i) => String(i.dataset['StudyDate'])).sort();
      const dicomBefore = studyDates(sourceDicom, mrnOf(patient));
      const dicomAfter = studyDates(destDicom, hashed);
      expect(dicomAfter.length).toBe(dicomBefore.length);
      dicomAfter.forEach((date, i) => expect(days(dicomBefore[i] as string, date)).toBe(shift));
    }
  });

  it('empties the basic profile\'s names and removes its X attributes', () => {
    for (const { dataset } of destDicom) {
      expect(dataset['InstitutionName']).toBeUndefined();
      expect(dataset['StudyDescription']).toBeUndefined();
      expect(dataset['AccessionNumber'] ?? '').toBe('');
      expect(dataset['PatientName'] ?? '').toEqual(expect.not.stringMatching(/\w/));
      expect(dataset['PixelData']).toBeDefined();
    }
  });

  it('refuses a destination dataset that exists (409) and a bad config (400), creating nothing', async () => {
    expectEnvelope(await client.call('POST', `${DEMO}:deidentify`, { destinationDataset: DEST }), 409, 'ALREADY_EXISTS');
    const other = `${LOC}/datasets/never`;
    const bad = [
      { destinationDataset: other, config: { fhir: { fieldMetadataList: [{ paths: ['Patient.name'], action: 'REMOVE' }] } } },
      { destinationDataset: other, config: { dicom: { filterProfile: 'KEEP_ALL_PROFILE', keepList: { tags: ['PatientID'] } } } },
      { destinationDataset: other, config: { dicom: { keepList: { tags: ['NotAKeyword'] } } } },
      { destinationDataset: other, config: { text: { transformations: [{ cryptoHashConfig: { cryptoKey: 'c2hvcnQ=' } }] } } },
      { destinationDataset: other, config: { unknownField: true } },
      { destinationDataset: 'projects/p/locations/europe-west4/datasets/x' },
      { destinationDataset: other, gcsConfigUri: 'gs://bucket/config.json' },
      {},
    ];
    for (const body of bad) expectEnvelope(await client.call('POST', `${DEMO}:deidentify`, body), 400, 'INVALID_ARGUMENT');
    expect((await client.get(other)).status).toBe(404);
  });
});
