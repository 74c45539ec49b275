/**
 * The emulator through `dicomweb-client`, the DICOMweb library OHIF uses: its request shapes
 * (Accept headers, multipart encoding, query strings) must work unchanged.
 */

import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import * as DICOMwebClientModule from 'dicomweb-client';
import jpeg from 'jpeg-js';
import { type DicomEmulator, imageSize, sampleInstances, startDicomEmulator, value } from './dicom-helpers.js';

let dicom: DicomEmulator;
let client: DICOMwebClientModule.api.DICOMwebClient;

const ct = sampleInstances({ seed: 'client-ct', modality: 'CT', bodyPart: 'HEAD', description: 'CT HEAD W/O CONTRAST', series: [{ description: 'Axial Brain 5mm', instances: 2 }, { description: 'Coronal MPR', instances: 1 }] });
const cr = sampleInstances({ seed: 'client-cr', modality: 'CR', patient: { mrn: 'MRN-CLIENT', dicomName: 'Client^Carla' } });

beforeAll(async () => {
  // dicomweb-client talks XMLHttpRequest; Node has none.
  // @ts-expect-error xhr2 ships no type declarations
  globalThis.XMLHttpRequest = (await import('xhr2')).default;
  dicom = await startDicomEmulator();
  // The package is CommonJS: Node exposes its exports as named exports and as `default`.
  const { api } = DICOMwebClientModule.api === undefined ? (DICOMwebClientModule as any).default : DICOMwebClientModule;
  client = new api.DICOMwebClient({ url: dicom.web, singlepart: false });
});

afterAll(async () => {
  await dicom.emulator.close();
});

const toArrayBuffer = (bytes: Uint8Array): ArrayBuffer => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

describe('dicomweb-client against the emulator', () => {
  it('stores instances (multipart STOW-RS)', async () => {
    await client.storeInstances({ datasets: [...ct.files, ...cr.files].map(toArrayBuffer) });
    // The client logs failed requests itself; keep the expected 409 out of the test output.
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      await expect(client.storeInstances({ datasets: cr.files.map(toArrayBuffer) })).rejects.toMatchObject({ status: 409 });
    } finally {
      quiet.mockRestore();
    }
  });

  it('searches for studies with query parameters, as OHIF does', async () => {
    const studies = (await client.searchForStudies({
      queryParams: { PatientID: 'MRN-CLIENT', limit: '101', offset: '0', fuzzymatching: 'false', includefield: '00081030,00080060' },
    })) as any[];
    expect(studies).toHaveLength(1);
    expect(value(studies[0], '0020000D')).toBe(cr.plan.studyInstanceUid);
    expect(value(studies[0], '00081030')).toBe(cr.plan.description);
    expect(await client.searchForStudies({ queryParams: { PatientName: 'carl', fuzzymatching: 'true' } })).toHaveLength(1);
  });

  it('searches for the series of a study', async () => {
    const series = (await client.searchForSeries({ studyInstanceUID: ct.plan.studyInstanceUid })) as any[];
    expect(series.map((s) => value(s, '0020000E'))).toEqual(ct.plan.series.map((s) => s.seriesInstanceUid));
    expect(series.map((s) => value(s, '00080060'))).toEqual(['CT', 'CT']);
  });

  it('retrieves study metadata', async () => {
    const metadata = (await client.retrieveStudyMetadata({ studyInstanceUID: ct.plan.studyInstanceUid, request: {} })) as any[];
    expect(metadata).toHaveLength(3);
    expect(metadata.map((m) => value(m, '00200013'))).toEqual([1, 2, 1]);
    expect(metadata[0]['7FE00010'].BulkDataURI).toContain('/bulkdata/7FE00010');
  });

  it('retrieves a rendered instance as JPEG', async () => {
    const series = ct.plan.series[0]!;
    const rendered = await client.retrieveInstanceRendered({
      studyInstanceUID: ct.plan.studyInstanceUid,
      seriesInstanceUID: series.seriesInstanceUid,
      sopInstanceUID: series.instances[0]!.sopInstanceUid,
      mediaTypes: [{ mediaType: 'image/jpeg' }],
      queryParams: { viewport: '128,128' },
    });
    const buffer = Array.isArray(rendered) ? (rendered[0] as ArrayBuffer) : rendered;
    const image = jpeg.decode(new Uint8Array(buffer), { useTArray: true });
    expect([image.width, image.height]).toEqual([128, 128]);
  });

  it('retrieves an instance and its frames', async () => {
    const series = ct.plan.series[1]!;
    const uids = { studyInstanceUID: ct.plan.studyInstanceUid, seriesInstanceUID: series.seriesInstanceUid, sopInstanceUID: series.instances[0]!.sopInstanceUid };
    // The package's declarations mark these methods' optional options as required.
    const loose = client as unknown as {
      retrieveInstance(options: object): Promise<ArrayBuffer>;
      retrieveInstanceFrames(options: object): Promise<ArrayBuffer[]>;
    };
    const instance = await loose.retrieveInstance(uids);
    expect(Buffer.compare(Buffer.from(instance), Buffer.from(ct.files[2]!))).toBe(0);
    const frames = await loose.retrieveInstanceFrames({ ...uids, frameNumbers: [1] });
    expect(frames).toHaveLength(1);
    const { rows, columns } = imageSize(ct.files[2]!);
    expect(frames[0]!.byteLength).toBe(rows * columns * 2);
  });
});
