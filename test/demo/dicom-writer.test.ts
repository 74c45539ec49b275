import { describe, expect, it } from '@jest/globals';
import dcmjs from 'dcmjs';
import { sampleStudyPlan, SOP_CLASS_UID, writeStudyInstances } from '../../src/demo/dicom/index.js';
import type { DemoModality, StudyPlan } from '../../src/demo/imaging-plan.js';

function parse(bytes: Uint8Array): { meta: Record<string, unknown>; data: Record<string, any>; pixels: Uint8Array } {
  const file = dcmjs.data.DicomMessage.readFile(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  const { naturalizeDataset } = dcmjs.data.DicomMetaDictionary;
  const pixels = new Uint8Array(file.dict['7FE00010']!.Value![0] as ArrayBuffer);
  return { meta: naturalizeDataset(file.meta), data: naturalizeDataset(file.dict), pixels };
}

/** Stored pixel values of a 16-bit single-frame image. */
function words(pixels: Uint8Array): Uint16Array {
  return new Uint16Array(pixels.buffer, pixels.byteOffset, pixels.byteLength / 2);
}

const plans: Record<DemoModality, StudyPlan> = {
  CT: sampleStudyPlan({ seed: 'w-ct', modality: 'CT', bodyPart: 'HEAD', description: 'CT HEAD W/O CONTRAST', series: [{ description: 'Axial Brain 5mm', instances: 3 }] }),
  MR: sampleStudyPlan({ seed: 'w-mr', modality: 'MR', series: [{ description: 'Ax T2 FLAIR', instances: 2 }] }),
  CR: sampleStudyPlan({ seed: 'w-cr', modality: 'CR' }),
  DX: sampleStudyPlan({ seed: 'w-dx', modality: 'DX', bodyPart: 'KNEE', description: 'XR KNEE LEFT 3 VIEWS', series: [{ description: 'AP' }, { description: 'Lateral' }] }),
  US: sampleStudyPlan({ seed: 'w-us', modality: 'US', series: [{ description: 'Liver', instances: 2, frames: 6 }] }),
};

describe('writeStudyInstances', () => {
  it.each(Object.keys(plans) as DemoModality[])('writes %s instances carrying the plan, readable by dcmjs', (modality) => {
    const plan = plans[modality];
    const written = writeStudyInstances(plan);
    const expected = plan.series.flatMap((series) => series.instances.map((instance) => ({ series, instance })));
    expect(written.map((w) => [w.seriesInstanceUid, w.sopInstanceUid])).toEqual(expected.map((e) => [e.series.seriesInstanceUid, e.instance.sopInstanceUid]));
    written.forEach(({ bytes }, i) => {
      const { series, instance } = expected[i]!;
      const { meta, data, pixels } = parse(bytes);
      expect(meta).toMatchObject({
        TransferSyntaxUID: '1.2.840.10008.1.2.1',
        MediaStorageSOPClassUID: SOP_CLASS_UID[modality],
        MediaStorageSOPInstanceUID: instance.sopInstanceUid,
      });
      expect(data).toMatchObject({
        SOPClassUID: SOP_CLASS_UID[modality],
        SOPInstanceUID: instance.sopInstanceUid,
        StudyInstanceUID: plan.studyInstanceUid,
        SeriesInstanceUID: series.seriesInstanceUid,
        PatientID: plan.patient.mrn,
        PatientBirthDate: plan.patient.birthDate,
        PatientSex: plan.patient.sex,
        StudyDate: plan.studyDate,
        StudyTime: plan.studyTime,
        AccessionNumber: plan.accessionNumber,
        StudyDescription: plan.description,
        SeriesDescription: series.description,
        Modality: modality,
        BodyPartExamined: series.bodyPart,
        SeriesNumber: series.seriesNumber,
        InstanceNumber: instance.instanceNumber,
      });
      expect(data['PatientName']).toEqual([{ Alphabetic: plan.patient.dicomName }]);
      expect(data['ReferringPhysicianName']).toEqual([{ Alphabetic: plan.referringPhysicianName }]);
      const frames = modality === 'US' ? instance.numberOfFrames : 1;
      expect(pixels.byteLength).toBe(data['Rows'] * data['Columns'] * (data['BitsAllocated'] / 8) * frames);
      expect(data['WindowWidth']).toBeGreaterThan(0);
    });
  });

  it('writes ultrasound clips as multi-frame instances with a frame time', () => {
    const [first] = writeStudyInstances(plans.US);
    const { data, pixels } = parse(first!.bytes);
    expect(data['NumberOfFrames']).toBe(6);
    expect(data['FrameTime']).toBe(50);
    expect(data['BitsAllocated']).toBe(8);
    const frameSize = data['Rows'] * data['Columns'];
    // The speckle moves from frame to frame.
    expect(Buffer.compare(Buffer.from(pixels.subarray(0, frameSize)), Buffer.from(pixels.subarray(frameSize, 2 * frameSize)))).not.toBe(0);
  });

  it('draws a CT head phantom: air outside, skull bone around soft tissue, slices that differ', () => {
    const slices = writeStudyInstances(plans.CT).map((w) => parse(w.bytes));
    const [middle] = slices.slice(1);
    const { data, pixels } = middle!;
    const hu = (x: number, y: number): number => (words(pixels)[y * data['Columns'] + x] ?? 0) * data['RescaleSlope'] + data['RescaleIntercept'];
    const centre = data['Columns'] / 2;
    expect(hu(2, 2)).toBeLessThan(-950);
    expect(hu(centre, centre)).toBeGreaterThan(0);
    expect(hu(centre, centre)).toBeLessThan(80);
    const row = Array.from({ length: data['Columns'] }, (_, x) => hu(x, centre));
    expect(Math.max(...row)).toBeGreaterThan(700);
    expect([data['WindowCenter'], data['WindowWidth'], data['RescaleType']]).toEqual([40, 80, 'HU']);
    expect(data['ImageOrientationPatient']).toEqual([1, 0, 0, 0, 1, 0]);
    expect(slices[0]!.data['SliceLocation']).toBeLessThan(slices[2]!.data['SliceLocation']);
    expect(Buffer.compare(Buffer.from(slices[0]!.pixels), Buffer.from(slices[2]!.pixels))).not.toBe(0);
  });

  it('draws radiographs with bone brighter than soft tissue, storing DX as MONOCHROME1', () => {
    const [ap] = writeStudyInstances(plans.DX).map((w) => parse(w.bytes));
    const { data, pixels } = ap!;
    expect(data['PhotometricInterpretation']).toBe('MONOCHROME1');
    const value = (x: number, y: number): number => words(pixels)[y * data['Columns'] + x] ?? 0;
    // MONOCHROME1: brighter = lower. The femoral shaft (centre, upper third) beats the soft tissue beside it.
    const column = data['Columns'] / 2;
    expect(value(column, 40)).toBeLessThan(value(column - 45, 40));
    expect(value(2, 2)).toBeGreaterThan(value(column, 40));
    const [cr] = writeStudyInstances(plans.CR).map((w) => parse(w.bytes));
    expect(cr!.data['PhotometricInterpretation']).toBe('MONOCHROME2');
    expect(cr!.data['ViewPosition']).toBe('PA');
  });

  it('is deterministic: the same plan gives the same bytes', () => {
    const once = writeStudyInstances(plans.MR).map((w) => Buffer.from(w.bytes));
    const twice = writeStudyInstances(plans.MR).map((w) => Buffer.from(w.bytes));
    expect(once.map((b, i) => Buffer.compare(b, twice[i]!))).toEqual([0, 0]);
  });
});
