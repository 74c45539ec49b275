import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import dcmjs from 'dcmjs';
import { decode as decodePng } from 'fast-png';
import jpeg from 'jpeg-js';
import type { StudyPlan } from '../../src/demo/imaging-plan.js';
import { expectEnvelope } from './helpers.js';
import { type DicomEmulator, imageSize, multipartParts, sampleInstances, startDicomEmulator, stow, value } from './dicom-helpers.js';

let dicom: DicomEmulator;
let ct: StudyPlan;
let ctFiles: Uint8Array[];
let us: StudyPlan;
let dx: StudyPlan;
let implicitUid: string;
/** Sizes the demo writer gave the CT slices and the ultrasound frames. */
let ctSize: number;
let usSize: number;

const EXPLICIT = '1.2.840.10008.1.2.1';
const IMPLICIT = '1.2.840.10008.1.2';

function read(bytes: Uint8Array): ReturnType<typeof dcmjs.data.DicomMessage.readFile> {
  return dcmjs.data.DicomMessage.readFile(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
}

/** Re-encodes a file in Implicit VR Little Endian, to exercise transcoding on retrieve. */
function asImplicit(bytes: Uint8Array, sopUid: string): Uint8Array {
  const file = read(bytes);
  const meta = { ...file.meta, '00020010': { vr: 'UI', Value: [IMPLICIT] }, '00020003': { vr: 'UI', Value: [sopUid] } };
  const out = new dcmjs.data.DicomDict(meta);
  out.dict = { ...file.dict, '00080018': { vr: 'UI', Value: [sopUid] } };
  return new Uint8Array(out.write());
}

function instancePath(plan: StudyPlan, series = 0, instance = 0): string {
  const s = plan.series[series]!;
  return `studies/${plan.studyInstanceUid}/series/${s.seriesInstanceUid}/instances/${s.instances[instance]!.sopInstanceUid}`;
}

async function get(path: string, accept?: string): Promise<Response> {
  return fetch(`${dicom.web}/${path}`, { headers: accept === undefined ? {} : { accept } });
}

async function errorOf(res: Response): Promise<{ status: number; headers: Headers; text: string; json: unknown }> {
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, json: JSON.parse(text) };
}

beforeAll(async () => {
  dicom = await startDicomEmulator();
  const ctStudy = sampleInstances({ seed: 'wado-ct', modality: 'CT', bodyPart: 'HEAD', description: 'CT HEAD W/O CONTRAST', series: [{ description: 'Axial Brain 5mm', instances: 3 }] });
  const usStudy = sampleInstances({ seed: 'wado-us', modality: 'US', series: [{ description: 'Liver', frames: 5 }] });
  const dxStudy = sampleInstances({ seed: 'wado-dx', modality: 'DX', series: [{ description: 'PA' }] });
  [ct, us, dx] = [ctStudy.plan, usStudy.plan, dxStudy.plan];
  ctFiles = ctStudy.files;
  ctSize = imageSize(ctFiles[0]!).rows;
  usSize = imageSize(usStudy.files[0]!).rows;
  implicitUid = `${ct.series[0]!.instances[0]!.sopInstanceUid}.9`;
  const implicit = asImplicit(ctFiles[0]!, implicitUid);
  for (const files of [ctStudy.files, usStudy.files, dxStudy.files, [implicit]]) expect((await stow(dicom.web, files)).status).toBe(200);
});

afterAll(async () => {
  await dicom.emulator.close();
});

describe('WADO-RS instances', () => {
  it('retrieves a study as multipart application/dicom in Explicit VR Little Endian', async () => {
    const res = await get(`studies/${ct.studyInstanceUid}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^multipart\/related; type="application\/dicom"; boundary=/);
    const parts = await multipartParts(res);
    expect(parts).toHaveLength(4);
    expect(parts[0]!.contentType).toBe(`application/dicom; transfer-syntax=${EXPLICIT}`);
    expect(Buffer.compare(parts[0]!.body, Buffer.from(ctFiles[0]!))).toBe(0);
  });

  it('retrieves a series and a single instance, also as a bare application/dicom', async () => {
    const series = ct.series[0]!;
    expect(await multipartParts(await get(`studies/${ct.studyInstanceUid}/series/${series.seriesInstanceUid}`))).toHaveLength(4);
    const single = await get(instancePath(ct), 'application/dicom; transfer-syntax=*');
    expect(single.headers.get('content-type')).toBe(`application/dicom; transfer-syntax=${EXPLICIT}`);
    expect(Buffer.compare(Buffer.from(await single.arrayBuffer()), Buffer.from(ctFiles[0]!))).toBe(0);
  });

  it('transcodes to Explicit VR Little Endian by default and keeps the stored syntax with transfer-syntax=*', async () => {
    const path = `studies/${ct.studyInstanceUid}/series/${ct.series[0]!.seriesInstanceUid}/instances/${implicitUid}`;
    const [converted] = await multipartParts(await get(path));
    const file = read(converted!.body);
    expect(file.meta['00020010']!.Value).toEqual([EXPLICIT]);
    expect(file.dict['00100020']!.Value).toEqual([ct.patient.mrn]);
    expect(Buffer.compare(Buffer.from(file.dict['7FE00010']!.Value![0] as ArrayBuffer), Buffer.from(read(ctFiles[0]!).dict['7FE00010']!.Value![0] as ArrayBuffer))).toBe(0);
    const [asStored] = await multipartParts(await get(path, 'multipart/related; type="application/dicom"; transfer-syntax=*'));
    expect(asStored!.contentType).toBe(`application/dicom; transfer-syntax=${IMPLICIT}`);
    expect(read(asStored!.body).meta['00020010']!.Value).toEqual([IMPLICIT]);
    expect((await get(path, 'multipart/related; type="application/dicom"; transfer-syntax=1.2.840.10008.1.2.4.50')).status).toBe(406);
  });

  it('answers 404 for unknown studies, series and instances, and 400 for malformed UIDs', async () => {
    for (const path of ['studies/1.2.3', `studies/${ct.studyInstanceUid}/series/1.2.3`, `studies/${ct.studyInstanceUid}/series/${ct.series[0]!.seriesInstanceUid}/instances/1.2.3`, 'studies/1.2.3/metadata']) {
      expectEnvelope(await errorOf(await get(path)), 404, 'NOT_FOUND');
    }
    expectEnvelope(await errorOf(await get('studies/not-a-uid')), 400, 'INVALID_ARGUMENT');
    expect((await get(`studies/${ct.studyInstanceUid}`, 'application/json')).status).toBe(406);
  });
});

describe('WADO-RS metadata and bulkdata', () => {
  it('returns metadata at all three levels with BulkDataURIs instead of pixel data', async () => {
    const study = (await (await get(`studies/${ct.studyInstanceUid}/metadata`)).json()) as any[];
    expect(study).toHaveLength(4);
    const series = (await (await get(`studies/${ct.studyInstanceUid}/series/${ct.series[0]!.seriesInstanceUid}/metadata`)).json()) as any[];
    expect(series).toHaveLength(4);
    const [instance] = (await (await get(`${instancePath(ct)}/metadata`)).json()) as any[];
    expect(value(instance, '00100010')).toEqual({ Alphabetic: ct.patient.dicomName });
    expect(value(instance, '00281052')).toBe(-1024);
    expect(instance['00020010']).toBeUndefined();
    expect(instance['7FE00010']).toEqual({ vr: 'OW', BulkDataURI: `${dicom.web}/${instancePath(ct)}/bulkdata/7FE00010` });
  });

  it('serves the BulkDataURI: the pixel data as stored', async () => {
    const [instance] = (await (await get(`${instancePath(ct)}/metadata`)).json()) as any[];
    const res = await fetch(instance['7FE00010'].BulkDataURI);
    expect(res.status).toBe(200);
    const [part] = await multipartParts(res);
    expect(part!.body.length).toBe(ctSize * ctSize * 2);
    const single = await fetch(instance['7FE00010'].BulkDataURI, { headers: { accept: 'application/octet-stream' } });
    expect(Buffer.from(await single.arrayBuffer()).length).toBe(ctSize * ctSize * 2);
    expectEnvelope(await errorOf(await get(`${instancePath(ct)}/bulkdata/7FE00011`)), 404, 'NOT_FOUND');
  });
});

describe('WADO-RS frames', () => {
  it('returns uncompressed frames as multipart application/octet-stream', async () => {
    const res = await get(`${instancePath(us)}/frames/1,3,5`);
    expect(res.headers.get('content-type')).toMatch(/^multipart\/related; type="application\/octet-stream"/);
    const parts = await multipartParts(res);
    expect(parts.map((p) => p.body.length)).toEqual([usSize * usSize, usSize * usSize, usSize * usSize]);
    expect(parts[0]!.contentType).toBe(`application/octet-stream; transfer-syntax=${EXPLICIT}`);
    const all = Buffer.from(read(sampleInstances({ seed: 'wado-us', modality: 'US', series: [{ description: 'Liver', frames: 5 }] }).files[0]!).dict['7FE00010']!.Value![0] as ArrayBuffer);
    expect(Buffer.compare(parts[1]!.body, all.subarray(2 * usSize * usSize, 3 * usSize * usSize))).toBe(0);
    expect(Buffer.compare(parts[0]!.body, parts[1]!.body)).not.toBe(0);
  });

  it('rejects malformed frame lists with 400 and frames past the end with 404', async () => {
    expectEnvelope(await errorOf(await get(`${instancePath(us)}/frames/0`)), 400, 'INVALID_ARGUMENT');
    expectEnvelope(await errorOf(await get(`${instancePath(us)}/frames/1,x`)), 400, 'INVALID_ARGUMENT');
    expectEnvelope(await errorOf(await get(`${instancePath(us)}/frames/6`)), 404, 'NOT_FOUND');
  });
});

describe('WADO-RS rendered', () => {
  it('renders JPEG by default, at the image size', async () => {
    const res = await get(`${instancePath(ct)}/rendered`);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    const image = jpeg.decode(Buffer.from(await res.arrayBuffer()), { useTArray: true });
    expect([image.width, image.height]).toEqual([ctSize, ctSize]);
  });

  it('renders PNG on request, scaled into the viewport with the aspect ratio kept', async () => {
    const res = await get(`${instancePath(ct)}/rendered?viewport=64,128`, 'image/png');
    expect(res.headers.get('content-type')).toBe('image/png');
    const png = decodePng(new Uint8Array(await res.arrayBuffer()));
    expect([png.width, png.height]).toEqual([64, 64]);
    const onlyHeight = decodePng(new Uint8Array(await (await get(`${instancePath(ct)}/rendered?viewport=,100`, 'image/png')).arrayBuffer()));
    expect([onlyHeight.width, onlyHeight.height]).toEqual([100, 100]);
  });

  it('applies the stored window: the skull renders white, the air around the head black', async () => {
    const png = decodePng(new Uint8Array(await (await get(`${instancePath(ct, 0, 1)}/rendered`, 'image/png')).arrayBuffer()));
    const at = (x: number, y: number): number => png.data[(y * png.width + x) * png.channels] ?? -1;
    expect(at(2, 2)).toBe(0);
    // Along the middle row, the first bright run is the skull (bone far above the 40/80 brain window).
    const row = Array.from({ length: png.width }, (_, x) => at(x, png.height / 2));
    expect(Math.max(...row)).toBe(255);
    expect(row.indexOf(255)).toBeGreaterThan(10);
  });

  it('renders MONOCHROME1 the same way round as MONOCHROME2 (bone bright, air dark)', async () => {
    const png = decodePng(new Uint8Array(await (await get(`${instancePath(dx)}/rendered`, 'image/png')).arrayBuffer()));
    const at = (x: number, y: number): number => png.data[(y * png.width + x) * png.channels] ?? -1;
    // Corner: air outside the body; centre column: the spine.
    expect(at(2, 250)).toBeLessThan(40);
    expect(at(128, 128)).toBeGreaterThan(180);
  });

  it('renders single frames of a clip, and refuses lists, bad viewports and unsupported media types', async () => {
    const third = decodePng(new Uint8Array(await (await get(`${instancePath(us)}/frames/3/rendered`, 'image/png')).arrayBuffer()));
    const first = decodePng(new Uint8Array(await (await get(`${instancePath(us)}/frames/1/rendered`, 'image/png')).arrayBuffer()));
    expect([third.width, third.height]).toEqual([usSize, usSize]);
    expect(Buffer.compare(Buffer.from(third.data), Buffer.from(first.data))).not.toBe(0);
    expectEnvelope(await errorOf(await get(`${instancePath(us)}/frames/1,2/rendered`)), 400, 'INVALID_ARGUMENT');
    expectEnvelope(await errorOf(await get(`${instancePath(ct)}/rendered?viewport=0,10`)), 400, 'INVALID_ARGUMENT');
    expectEnvelope(await errorOf(await get(`${instancePath(ct)}/rendered?viewport=20000,10`)), 400, 'INVALID_ARGUMENT');
    expectEnvelope(await errorOf(await get(`${instancePath(ct)}/rendered?quality=50`)), 400, 'INVALID_ARGUMENT');
    expect((await get(`${instancePath(ct)}/rendered`, 'image/gif')).status).toBe(406);
  });
});
