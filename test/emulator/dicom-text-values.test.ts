/**
 * Values of the text VRs LT, ST and UT: only trailing spaces are padding (PS3.5 6.2); a trailing
 * CR, LF or TAB is content, which metadata and search results keep, as Orthanc and pydicom do
 * (dcmjs trims all trailing whitespace from the values it reads).
 */

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import dcmjs from 'dcmjs';
import { fromDcmjs } from '../../src/emulator/dicom/dicom-json.js';
import { type DicomEmulator, startDicomEmulator, stow } from './dicom-helpers.js';

const SECONDARY_CAPTURE = '1.2.840.10008.5.1.4.1.1.7';
const [STUDY, SERIES, SOP] = ['1.2.826.0.1.3680043.10.2', '1.2.826.0.1.3680043.10.2.1', '1.2.826.0.1.3680043.10.2.1.1'];

/** Stored value → what the emulator returns, by keyword (tags below). */
const TEXTS = {
  TextValue: ['Sample Text\rA\nB\r\nC\n\r', 'Sample Text\rA\nB\r\nC\n\r'], // UT, even length
  ImageComments: ['  odd\r\n', '  odd\r\n'], // LT, odd length: padded with a space, leading spaces kept
  AdditionalPatientHistory: ['History\t\n', 'History\t\n'], // LT
  InstitutionAddress: ['Street 1   ', 'Street 1'], // ST: trailing spaces are padding
} as const;
const TAGS: Record<keyof typeof TEXTS, string> = {
  TextValue: '0040A160',
  ImageComments: '00204000',
  AdditionalPatientHistory: '001021B0',
  InstitutionAddress: '00080081',
};

function instance(): Uint8Array {
  const { DicomDict, DicomMetaDictionary } = dcmjs.data;
  const file = new DicomDict(
    DicomMetaDictionary.denaturalizeDataset({
      FileMetaInformationVersion: new Uint8Array([0, 1]).buffer,
      MediaStorageSOPClassUID: SECONDARY_CAPTURE,
      MediaStorageSOPInstanceUID: SOP,
      TransferSyntaxUID: '1.2.840.10008.1.2.1',
    }),
  );
  const texts = Object.fromEntries(Object.entries(TEXTS).map(([keyword, [stored]]) => [keyword, stored]));
  file.dict = DicomMetaDictionary.denaturalizeDataset({
    SOPClassUID: SECONDARY_CAPTURE,
    SOPInstanceUID: SOP,
    StudyInstanceUID: STUDY,
    SeriesInstanceUID: SERIES,
    Modality: 'SR',
    ...texts,
    // Nested too: items are converted by the same code, each with its own raw values.
    ContentSequence: [{ RelationshipType: 'CONTAINS', ValueType: 'TEXT', TextValue: TEXTS.TextValue[0] }],
  });
  return new Uint8Array(file.write());
}

let dicom: DicomEmulator;

beforeAll(async () => {
  dicom = await startDicomEmulator();
  expect((await stow(dicom.web, [instance()])).status).toBe(200);
});

afterAll(async () => {
  await dicom.emulator.close();
});

/** The returned text values by keyword, and the nested TextValue. */
function texts(dataset: any): Record<string, unknown> {
  const out: Record<string, unknown> = Object.fromEntries(Object.entries(TAGS).map(([keyword, tag]) => [keyword, dataset[tag]?.Value?.[0]]));
  out['ContentSequence/TextValue'] = dataset['0040A730']?.Value?.[0]?.['0040A160']?.Value?.[0];
  return out;
}

const EXPECTED = { ...Object.fromEntries(Object.entries(TEXTS).map(([keyword, [, returned]]) => [keyword, returned])), 'ContentSequence/TextValue': TEXTS.TextValue[1] };

describe('LT, ST and UT values', () => {
  it('keep trailing CR, LF and TAB, and lose trailing spaces, in WADO-RS metadata', async () => {
    const res = await fetch(`${dicom.web}/studies/${STUDY}/series/${SERIES}/instances/${SOP}/metadata`);
    expect(res.status).toBe(200);
    const [dataset] = (await res.json()) as any[];
    expect(texts(dataset)).toEqual(EXPECTED);
  });

  it('keep them in QIDO-RS results', async () => {
    const res = await fetch(`${dicom.web}/instances?SOPInstanceUID=${SOP}&includefield=all`);
    expect(res.status).toBe(200);
    const [dataset] = (await res.json()) as any[];
    expect(texts(dataset)).toEqual(EXPECTED);
  });

  it('come from the values dcmjs read only while its Value is unchanged (as its writer decides)', () => {
    const read = { vr: 'UT', Value: ['Findings'], _rawValue: ['Findings\r\n '] };
    const changed = { vr: 'UT', Value: ['REMOVED'], _rawValue: ['Findings\r\n '] };
    expect(fromDcmjs({ '0040A160': read, '00204000': changed })).toEqual({
      '0040A160': { vr: 'UT', Value: ['Findings\r\n'] },
      '00204000': { vr: 'UT', Value: ['REMOVED'] },
    });
  });
});
