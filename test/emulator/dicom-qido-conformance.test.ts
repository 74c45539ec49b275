/**
 * QIDO-RS parameters at every search resource, as Google's conformance statement lists them
 * (reference §4.2): `includefield=all` and `fuzzymatching=false` are accepted on all six search
 * paths, and each level takes exactly its match keys (Studies: StudyInstanceUID, PatientName,
 * PatientID, AccessionNumber, ReferringPhysicianName, StudyDate; Series: those and
 * SeriesInstanceUID, Modality; Instances: those and SOPInstanceUID); any other key is a 400.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { StudyPlan } from '../../src/demo/imaging-plan.js';
import { type DicomEmulator, sampleInstances, startDicomEmulator, stow } from './dicom-helpers.js';

let dicom: DicomEmulator;
let plan: StudyPlan;

const status = async (path: string): Promise<number> => (await fetch(`${dicom.web}/${path}`, { headers: { accept: 'application/dicom+json' } })).status;

beforeAll(async () => {
  dicom = await startDicomEmulator();
  const sample = sampleInstances({ seed: 'qido-conformance', modality: 'CT', studyDate: '20240110', accessionNumber: 'ACC-1', patient: { mrn: 'MRN-9', dicomName: 'Roe^Jane' }, series: [{ description: 'Axial', instances: 2 }] });
  plan = sample.plan;
  expect((await stow(dicom.web, sample.files)).status).toBe(200);
});
afterAll(() => dicom.emulator.close());

const STUDY_KEYS = { StudyInstanceUID: () => plan.studyInstanceUid, PatientName: () => 'Roe^Jane', PatientID: () => 'MRN-9', AccessionNumber: () => 'ACC-1', ReferringPhysicianName: () => '', StudyDate: () => '20240101-20241231' };
const SERIES_KEYS = { ...STUDY_KEYS, SeriesInstanceUID: () => plan.series[0]!.seriesInstanceUid, Modality: () => 'CT' };
const INSTANCE_KEYS = { ...SERIES_KEYS, SOPInstanceUID: () => plan.series[0]!.instances[0]!.sopInstanceUid };

const searches = () => [
  { path: 'studies', keys: STUDY_KEYS },
  { path: 'series', keys: SERIES_KEYS },
  { path: `studies/${plan.studyInstanceUid}/series`, keys: SERIES_KEYS },
  { path: 'instances', keys: INSTANCE_KEYS },
  { path: `studies/${plan.studyInstanceUid}/instances`, keys: INSTANCE_KEYS },
  { path: `studies/${plan.studyInstanceUid}/series/${plan.series[0]!.seriesInstanceUid}/instances`, keys: INSTANCE_KEYS },
];

describe('QIDO-RS conformance at every search resource', () => {
  it('accepts includefield=all and fuzzymatching=false everywhere', async () => {
    for (const { path } of searches()) {
      expect([path, await status(`${path}?includefield=all&fuzzymatching=false`)]).toEqual([path, 200]);
      expect([path, await status(`${path}?includefield=all&fuzzymatching=true&PatientName=roe`)]).toEqual([path, 200]);
    }
  });

  it('takes each level\'s match keys, and finds the study with each of them', async () => {
    for (const { path, keys } of searches()) {
      for (const [key, value] of Object.entries(keys)) {
        expect([path, key, await status(`${path}?${key}=${encodeURIComponent(value())}`)]).toEqual([path, key, 200]);
      }
    }
  });

  it('refuses the keys Google does not list for a level', async () => {
    const refused: Record<string, string[]> = {
      studies: ['SeriesInstanceUID', 'Modality', 'SOPInstanceUID', 'ModalitiesInStudy', 'StudyDescription', 'PatientBirthDate'],
      series: ['SOPInstanceUID', 'SeriesDescription', 'SeriesNumber'],
      instances: ['SOPClassUID', 'InstanceNumber'],
    };
    for (const { path } of searches()) {
      const level = path.split('/').at(-1)!;
      for (const key of refused[level]!) expect([path, key, await status(`${path}?${key}=1`)]).toEqual([path, key, 400]);
    }
  });
});
