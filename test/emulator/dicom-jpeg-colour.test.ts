/**
 * Colour of baseline JPEG frames, decoded for WADO-RS frames and for rendered images. The
 * Photometric Interpretation says whether the components are YCbCr (YBR_*) or RGB, as DCMTK and
 * Orthanc decide. libjpeg, left to guess, takes a stream with neither a JFIF nor an Adobe marker
 * and component IDs 0, 1, 2 (pydicom's SC_jpeg_no_color_transform.dcm) for YCbCr: wrong colours.
 *
 * The JPEGs are written here, bit by bit: one 8×8 block per component holding a constant, with
 * quantization 1, so that they decode exactly to the values put in.
 */

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import dcmjs from 'dcmjs';
import { decode as decodePng } from 'fast-png';
import { type DicomEmulator, multipartParts, startDicomEmulator, stow } from './dicom-helpers.js';

const JPEG_BASELINE = '1.2.840.10008.1.2.4.50';
const SECONDARY_CAPTURE = '1.2.840.10008.5.1.4.1.1.7';

/** Writes bits most significant first, stuffing a zero byte after each 0xFF (ITU T.81 F.1.2.3). */
class BitWriter {
  private readonly bytes: number[] = [];
  private current = 0;
  private used = 0;

  write(value: number, length: number): void {
    for (let i = length - 1; i >= 0; i--) {
      this.current = (this.current << 1) | ((value >> i) & 1);
      if (++this.used === 8) this.flushByte();
    }
  }

  /** The bytes, the last one padded with 1-bits. */
  finish(): number[] {
    if (this.used > 0) this.write(0xff, 8 - this.used);
    return this.bytes;
  }

  private flushByte(): void {
    this.bytes.push(this.current);
    if (this.current === 0xff) this.bytes.push(0);
    this.current = 0;
    this.used = 0;
  }
}

function segment(marker: number, payload: number[]): number[] {
  return [0xff, marker, (payload.length + 2) >> 8, (payload.length + 2) & 0xff, ...payload];
}

/**
 * An 8×8 baseline JPEG of three components, each a constant `samples[i]`, with the component IDs
 * and markers given. DC categories 0–11 all have 4-bit codes (category n is code n); the only AC
 * symbol is end-of-block, code `0`.
 */
function solidJpeg(samples: [number, number, number], options: { ids: [number, number, number]; adobeTransform?: 0 | 1 }): Uint8Array {
  const { ids, adobeTransform } = options;
  const bits = new BitWriter();
  for (const sample of samples) {
    // Level shift, then the DCT's DC term of a constant block: 8 × the shifted value.
    const dc = 8 * (sample - 128);
    const category = dc === 0 ? 0 : Math.floor(Math.log2(Math.abs(dc))) + 1;
    bits.write(category, 4);
    bits.write(dc >= 0 ? dc : dc + (1 << category) - 1, category);
    bits.write(0, 1);
  }
  const adobe = adobeTransform === undefined ? [] : segment(0xee, [...Buffer.from('Adobe'), 0, 100, 0, 0, 0, 0, adobeTransform]);
  const dcCounts = [0, 0, 0, 12, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
  const acCounts = [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
  return new Uint8Array([
    0xff, 0xd8,
    ...adobe,
    ...segment(0xdb, [0, ...new Array<number>(64).fill(1)]),
    ...segment(0xc0, [8, 0, 8, 0, 8, 3, ...ids.flatMap((id) => [id, 0x11, 0])]),
    ...segment(0xc4, [0x00, ...dcCounts, ...Array.from({ length: 12 }, (_, i) => i)]),
    ...segment(0xc4, [0x10, ...acCounts, 0x00]),
    ...segment(0xda, [3, ...ids.flatMap((id) => [id, 0x00]), 0, 63, 0]),
    ...bits.finish(),
    0xff, 0xd9,
  ]);
}

/** A Secondary Capture instance holding `jpeg` as its one frame. */
function jpegInstance(jpeg: Uint8Array, photometricInterpretation: string, n: number): Uint8Array {
  const { DicomDict, DicomMetaDictionary } = dcmjs.data;
  const sop = `1.2.826.0.1.3680043.10.1.${n}`;
  const file = new DicomDict(
    DicomMetaDictionary.denaturalizeDataset({
      FileMetaInformationVersion: new Uint8Array([0, 1]).buffer,
      MediaStorageSOPClassUID: SECONDARY_CAPTURE,
      MediaStorageSOPInstanceUID: sop,
      TransferSyntaxUID: JPEG_BASELINE,
    }),
  );
  file.dict = DicomMetaDictionary.denaturalizeDataset({
    SOPClassUID: SECONDARY_CAPTURE,
    SOPInstanceUID: sop,
    StudyInstanceUID: '1.2.826.0.1.3680043.10.1',
    SeriesInstanceUID: '1.2.826.0.1.3680043.10.1.1',
    Modality: 'OT',
    SamplesPerPixel: 3,
    PhotometricInterpretation: photometricInterpretation,
    PlanarConfiguration: 0,
    Rows: 8,
    Columns: 8,
    BitsAllocated: 8,
    BitsStored: 8,
    HighBit: 7,
    PixelRepresentation: 0,
  });
  file.dict['7FE00010'] = { vr: 'OB', Value: [jpeg.buffer.slice(jpeg.byteOffset, jpeg.byteOffset + jpeg.byteLength)] };
  return new Uint8Array(file.write());
}

const CASES = [
  { name: 'RGB, no JFIF or Adobe marker, component IDs 0, 1, 2', pi: 'RGB', ids: [0, 1, 2], samples: [200, 100, 50], rgb: [200, 100, 50] },
  { name: 'RGB, Adobe marker "no transform", component IDs 0, 1, 2', pi: 'RGB', ids: [0, 1, 2], adobeTransform: 0, samples: [30, 160, 220], rgb: [30, 160, 220] },
  // Y 120, Cb 130, Cr 125 is RGB 115.8, 121.5, 123.5 (ITU T.871).
  { name: 'YBR_FULL, component IDs 1, 2, 3: converted to RGB', pi: 'YBR_FULL', ids: [1, 2, 3], samples: [120, 130, 125], rgb: [116, 121, 124] },
] as const;

let dicom: DicomEmulator;
const paths: string[] = [];

beforeAll(async () => {
  dicom = await startDicomEmulator();
  const files = CASES.map((c, i) => jpegInstance(solidJpeg([...c.samples], { ids: [...c.ids], adobeTransform: 'adobeTransform' in c ? c.adobeTransform : undefined }), c.pi, i + 1));
  expect((await stow(dicom.web, files)).status).toBe(200);
  for (const [i] of CASES.entries()) paths.push(`${dicom.web}/studies/1.2.826.0.1.3680043.10.1/series/1.2.826.0.1.3680043.10.1.1/instances/1.2.826.0.1.3680043.10.1.${i + 1}`);
});

afterAll(async () => {
  await dicom.emulator.close();
});

/** Expects every pixel of interleaved 8-bit samples (`channels` a pixel) to be `rgb`, within rounding. */
function expectColour(data: Uint8Array, channels: number, rgb: readonly number[]): void {
  expect(data.length / channels).toBe(64);
  for (let p = 0; p < data.length; p += channels) {
    const pixel = [...data.subarray(p, p + 3)];
    expect(pixel.map((sample, s) => Math.abs(sample - rgb[s]!) <= 1)).toEqual([true, true, true]);
  }
}

describe('baseline JPEG colour', () => {
  it.each(CASES.map((c, i) => [c.name, i] as const))('decodes frames of %s', async (_, i) => {
    const res = await fetch(`${paths[i]}/frames/1`);
    expect(res.status).toBe(200);
    const [part] = await multipartParts(res);
    expectColour(part!.body, 3, CASES[i]!.rgb);
  });

  it.each(CASES.map((c, i) => [c.name, i] as const))('renders %s', async (_, i) => {
    const res = await fetch(`${paths[i]}/rendered`, { headers: { accept: 'image/png' } });
    expect(res.status).toBe(200);
    const png = decodePng(new Uint8Array(await res.arrayBuffer()));
    expectColour(png.data as Uint8Array, png.channels, CASES[i]!.rgb);
  });
});
