/** `dicomStores.deidentify`: filter profiles, keep and remove lists, UID replacement and the request's rules. */

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHmac, randomBytes } from 'node:crypto';
import { counterOf, dumpDicom, waitDone, type DumpedInstance } from './deid-helpers.js';
import { sampleInstances, startDicomEmulator, STORE, stow, type DicomEmulator } from './dicom-helpers.js';
import { Client, expectEnvelope, LOC, obj } from './helpers.js';

const DATASET = `${LOC}/datasets/ds`;
const HASH_KEY = randomBytes(32);

let dicom: DicomEmulator;
let client: Client;
let source: DumpedInstance[];
const { plan, files } = sampleInstances({ seed: 'deid', series: [{ description: 'Axial', instances: 2 }, { description: 'Coronal', instances: 1 }] });

/** Runs a DICOM store de-identification into a new store; returns the operation and the copy. */
async function deidentify(destination: string, config: Record<string, unknown>): Promise<{ op: Record<string, unknown>; copy: DumpedInstance[] }> {
  const res = await client.call('POST', `${STORE}:deidentify`, { destinationStore: `${DATASET}/dicomStores/${destination}`, config });
  expect(res.status).toBe(200);
  const op = await waitDone(client, String(obj(res.json)['name']));
  return { op, copy: await dumpDicom(client, dicom.emulator, `${DATASET}/dicomStores/${destination}`) };
}

beforeAll(async () => {
  dicom = await startDicomEmulator();
  client = new Client(dicom.emulator);
  expect((await stow(dicom.web, files)).status).toBe(200);
  source = await dumpDicom(client, dicom.emulator, STORE);
});

afterAll(async () => {
  await dicom.emulator.close();
});

describe('dicomStores.deidentify', () => {
  it('applies the basic confidentiality profile and replaces UIDs consistently', async () => {
    const { op, copy } = await deidentify('basic', {
      dicom: { filterProfile: 'ATTRIBUTE_CONFIDENTIALITY_BASIC_PROFILE' },
      text: { transformations: [{ infoTypes: ['MEDICAL_RECORD_NUMBER'], cryptoHashConfig: { cryptoKey: HASH_KEY.toString('base64') } }] },
    });
    expect(obj(op['metadata'])['apiMethodName']).toBe('google.cloud.healthcare.v1.dicom.DicomStoreService.DeidentifyDicomStore');
    expect(counterOf(op)).toEqual({ success: 3, failure: 0, pending: 0 });
    expect(copy).toHaveLength(3);
    const studies = new Set(copy.map((i) => i.dataset['StudyInstanceUID']));
    const series = new Set(copy.map((i) => i.dataset['SeriesInstanceUID']));
    expect(studies.size).toBe(1);
    expect(series.size).toBe(2);
    for (const { dataset } of copy) {
      expect(String(dataset['StudyInstanceUID'])).toMatch(/^2\.25\.\d+$/);
      expect(dataset['StudyInstanceUID']).not.toBe(plan.studyInstanceUid);
      expect(dataset['SOPClassUID']).toBe(source[0]?.dataset['SOPClassUID']);
      expect(dataset['PatientID']).toBe(createHmac('sha256', HASH_KEY).update(plan.patient.mrn).digest('base64'));
      expect(dataset['PatientName'] ?? '').toEqual(expect.not.stringMatching(/Doe|Jane/));
      expect(dataset['PatientBirthDate'] ?? '').toBe('');
      expect(dataset['StudyDate'] ?? '').toBe('');
      expect(dataset['AccessionNumber'] ?? '').toBe('');
      expect(dataset['ReferringPhysicianName'] ?? '').toEqual(expect.not.stringMatching(/Welby/));
      expect(dataset['InstitutionName']).toBeUndefined();
      expect(dataset['SeriesDescription']).toBeUndefined();
      expect(dataset['Rows']).toBe(source[0]?.dataset['Rows']);
    }
    // The pixel data is copied as it was.
    const pixels = (i: DumpedInstance): string => Buffer.from((i.dataset['PixelData'] as ArrayBuffer[])[0] as ArrayBuffer).toString('base64');
    expect(copy.map(pixels).sort()).toEqual(source.map(pixels).sort());
  });

  it('keeps only the minimal list, plus a keepList\'s tags', async () => {
    const minimal = (await deidentify('minimal', { dicom: { filterProfile: 'MINIMAL_KEEP_LIST_PROFILE' } })).copy;
    const kept = (await deidentify('kept', { dicom: { keepList: { tags: ['StudyDate', '00081030'] } } })).copy;
    for (const { dataset } of minimal) {
      expect(dataset['StudyDate']).toBeUndefined();
      expect(dataset['Modality']).toBe('CT');
      expect(dataset['PixelData']).toBeDefined();
    }
    for (const { dataset } of kept) {
      expect(dataset['StudyDescription']).toBe(plan.description);
      // A kept date is still de-identified (emptied without a date shift).
      expect(dataset['StudyDate'] ?? '').toBe('');
      expect(dataset['InstitutionName']).toBeUndefined();
    }
  });

  it('keeps everything under KEEP_ALL_PROFILE but the UIDs, and the UIDs too with skipIdRedaction', async () => {
    const all = (await deidentify('all', { dicom: { filterProfile: 'KEEP_ALL_PROFILE' } })).copy;
    expect(all.map((i) => i.dataset['PatientID'])).toEqual(source.map(() => plan.patient.mrn));
    expect(all.some((i) => i.dataset['StudyInstanceUID'] === plan.studyInstanceUid)).toBe(false);
    const same = (await deidentify('same-uids', { dicom: { removeList: { tags: ['PatientName', 'InstitutionName'] }, skipIdRedaction: true } })).copy;
    expect(same.map((i) => i.path).sort()).toEqual(source.map((i) => i.path).sort());
    for (const { dataset } of same) {
      expect(dataset['PatientName']).toBeUndefined();
      expect(dataset['InstitutionName']).toBeUndefined();
      expect(dataset['StudyDescription']).toBe(plan.description);
    }
  });

  it('inspects and transforms tag contents with DEIDENTIFY_TAG_CONTENTS', async () => {
    const shiftKey = randomBytes(16).toString('base64');
    const { copy } = await deidentify('contents', {
      dicom: { filterProfile: 'DEIDENTIFY_TAG_CONTENTS' },
      text: { transformations: [{ infoTypes: ['DATE'], dateShiftConfig: { cryptoKey: shiftKey } }] },
    });
    for (const { dataset } of copy) {
      expect(JSON.stringify(dataset['PatientName'])).not.toMatch(/Doe|Jane/);
      expect(JSON.stringify(dataset['PatientName'])).toContain('[PERSON_NAME]');
      expect(String(dataset['StudyDate'])).toMatch(/^\d{8}$/);
      expect(dataset['StudyDate']).not.toBe(plan.studyDate);
      expect(dataset['PatientBirthDate']).not.toBe(plan.patient.birthDate);
      expect(dataset['StudyDescription']).toBe(plan.description);
    }
  });

  it('creates the destination store and refuses one that exists', async () => {
    expect((await client.get(`${DATASET}/dicomStores/basic`)).status).toBe(200);
    const call = (body: Record<string, unknown>) => client.call('POST', `${STORE}:deidentify`, body);
    expectEnvelope(await call({ destinationStore: `${DATASET}/dicomStores/basic` }), 409, 'ALREADY_EXISTS');
    expectEnvelope(await call({ destinationStore: `${LOC}/datasets/none/dicomStores/x` }), 404, 'NOT_FOUND');
    expectEnvelope(await call({ destinationStore: `${DATASET}/dicomStores/x`, filterConfig: { resourcePathsGcsUri: 'gs://b/paths.txt' } }), 400, 'INVALID_ARGUMENT');
    expectEnvelope(await call({ destinationStore: `${DATASET}/dicomStores/x`, config: { dicom: { removeList: { tags: ['0010001'] } } } }), 400, 'INVALID_ARGUMENT');
    expectEnvelope(await call({ destinationStore: `${DATASET}/dicomStores/x`, config: { dicom: { filterProfile: 'EVERYTHING' } } }), 400, 'INVALID_ARGUMENT');
    expect((await client.get(`${DATASET}/dicomStores/x`)).status).toBe(404);
  });

  it('never changes the source store', async () => {
    const after = await dumpDicom(client, dicom.emulator, STORE);
    expect(after.map((i) => i.bytes.toString('base64'))).toEqual(source.map((i) => i.bytes.toString('base64')));
  });
});
