/**
 * The DICOMweb emulator against real-world files nobody on this project wrote: pydicom's test data
 * (Debian `python3-pydicom`), cross-checked with pydicom itself and with DCMTK's decompressors
 * (`dcmtk`). Install both with `apt-get install -y python3-pydicom dcmtk`; without them every test
 * here is skipped with a message. Not part of `npm test` (test/e2e is ignored there); run with
 *   npm test -- --testPathIgnorePatterns=/node_modules/ test/e2e/dicom-pydicom
 */

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import dcmjs from 'dcmjs';
import { decode as decodePng } from 'fast-png';
import { type DicomEmulator, multipartParts, startDicomEmulator, STORE, stow, value } from '../emulator/dicom-helpers.js';

/** Debian's interpreter: the one `python3-pydicom` installs into (a pyenv `python3` may not see it). */
const PYTHON = ['/usr/bin/python3', 'python3'].find((p) => {
  try {
    execFileSync(p, ['-c', 'import pydicom'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
});
const PYDICOM_DATA =
  PYTHON === undefined
    ? undefined
    : execFileSync(PYTHON, ['-c', 'import os, pydicom; print(os.path.join(os.path.dirname(pydicom.__file__), "data"))']).toString().trim();
const TEST_FILES = PYDICOM_DATA === undefined ? undefined : path.join(PYDICOM_DATA, 'test_files');
const CHARSET_FILES = PYDICOM_DATA === undefined ? undefined : path.join(PYDICOM_DATA, 'charset_files');
const HAVE_FILES = TEST_FILES !== undefined && existsSync(path.join(TEST_FILES, 'CT_small.dcm'));

function haveTool(tool: string): boolean {
  try {
    execFileSync(tool, ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const HAVE_DCMTK = haveTool('dcmdrle') && haveTool('dcmdjpeg') && haveTool('dcmdjpls');

if (!HAVE_FILES) {
  console.warn('SKIPPED test/e2e/dicom-pydicom: pydicom test files not found; run `apt-get install -y python3-pydicom dcmtk`.');
} else if (!HAVE_DCMTK) {
  console.warn('SKIPPED the DCMTK cross-checks of test/e2e/dicom-pydicom: `apt-get install -y dcmtk`.');
}

const suite = HAVE_FILES ? describe : describe.skip;
const withDcmtk = HAVE_FILES && HAVE_DCMTK ? it : it.skip;

let dicom: DicomEmulator;
let scratch: string;
/** Stored files by name: the instance URL. Each file gets a store of its own: many share UIDs. */
const stored = new Map<string, { url: string }>();

/** Creates a DICOM store and returns its DICOMweb root. */
async function newStore(id: string): Promise<string> {
  const parent = STORE.slice(0, STORE.lastIndexOf('/'));
  await fetch(`${dicom.api}/${parent}?dicomStoreId=${id}`, { method: 'POST', body: '{}' });
  return `${dicom.api}/${parent}/${id}/dicomWeb`;
}

function testFile(name: string): Buffer {
  return readFileSync(path.join(TEST_FILES ?? '', name));
}

function dataset(bytes: Uint8Array): ReturnType<typeof dcmjs.data.DicomMessage.readFile> {
  return dcmjs.data.DicomMessage.readFile(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
}

/** The native pixel data of a file, as the reference decoders see it. */
function pixelBytes(bytes: Uint8Array): Buffer {
  return Buffer.concat((dataset(bytes).dict['7FE00010']!.Value as ArrayBuffer[]).map((b) => Buffer.from(b)));
}

/** Decompresses a file with a DCMTK tool and returns its pixel data. */
function decompressed(tool: string, name: string): Buffer {
  const out = path.join(scratch, `${tool}-${name}`);
  execFileSync(tool, [path.join(TEST_FILES ?? '', name), out], { stdio: 'ignore' });
  return pixelBytes(readFileSync(out));
}

async function frames(name: string, accept?: string): Promise<Buffer[]> {
  const target = stored.get(name)!;
  const count = Number(value(((await (await fetch(`${target.url}/metadata`)).json()) as any[])[0], '00280008') ?? 1);
  const list = Array.from({ length: count }, (_, i) => i + 1).join(',');
  const res = await fetch(`${target.url}/frames/${list}`, accept === undefined ? {} : { headers: { accept } });
  expect(res.status).toBe(200);
  return (await multipartParts(res)).map((p) => p.body);
}

suite('pydicom test files through the DICOMweb emulator', () => {
  beforeAll(async () => {
    scratch = mkdtempSync(path.join(tmpdir(), 'dicom-e2e-'));
    dicom = await startDicomEmulator();
    const files = readdirSync(TEST_FILES ?? '').filter((f) => f.endsWith('.dcm'));
    for (const [i, name] of files.entries()) {
      const res = await stow(await newStore(`f${i}`), [testFile(name)], { accept: 'application/dicom+json' });
      const ref = ((await res.json()) as any)['00081199']?.Value?.[0];
      if (ref !== undefined) stored.set(name, { url: value(ref, '00081190') as string });
    }
  });

  afterAll(async () => {
    await dicom?.emulator.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('stores the readable files and reports the broken ones as failures', async () => {
    for (const name of ['CT_small.dcm', 'MR_small.dcm', 'MR_small_RLE.dcm', 'JPEG2000.dcm', 'SC_rgb_rle_2frame.dcm', 'rtplan.dcm']) {
      expect([name, stored.has(name)]).toEqual([name, true]);
    }
    const res = await stow(dicom.web, [testFile('no_meta.dcm')], { accept: 'application/dicom+json' });
    expect(res.status).toBe(409);
    expect(value(((await res.json()) as any)['00081198'].Value[0], '00081197')).toBe(0xc000);
  });

  it('finds CT_small by its attributes, with pydicom\'s values', async () => {
    const expected = JSON.parse(
      execFileSync(PYTHON!, ['-c', `import json, pydicom; d = pydicom.dcmread(${JSON.stringify(path.join(TEST_FILES!, 'CT_small.dcm'))}); print(json.dumps([str(d.PatientID), str(d.PatientName), d.StudyDate, d.StudyInstanceUID]))`]).toString(),
    ) as [string, string, string, string];
    const [patientId, patientName, studyDate, studyUid] = expected;
    const web = stored.get('CT_small.dcm')!.url.split('/studies/')[0];
    const res = await fetch(`${web}/studies?PatientID=${encodeURIComponent(patientId)}&StudyDate=${studyDate}`);
    const studies = (await res.json()) as any[];
    expect(studies.map((s) => value(s, '0020000D'))).toContain(studyUid);
    const study = studies.find((s) => value(s, '0020000D') === studyUid);
    expect(value(study, '00100010')).toEqual({ Alphabetic: patientName });
  });

  it('decodes names in single-byte character sets and UTF-8 as pydicom does', async () => {
    const files = ['chrFren.dcm', 'chrGerm.dcm', 'chrGreek.dcm', 'chrRuss.dcm', 'chrArab.dcm', 'chrHbrw.dcm', 'chrX1.dcm'];
    const script = `import json, pydicom, os; print(json.dumps({f: str(pydicom.dcmread(os.path.join(${JSON.stringify(CHARSET_FILES)}, f)).PatientName).split('=')[0] for f in ${JSON.stringify(files)}}, ensure_ascii=False))`;
    const names = JSON.parse(execFileSync(PYTHON!, ['-c', script]).toString()) as Record<string, string>;
    for (const [i, file] of files.entries()) {
      const res = await stow(await newStore(`charset${i}`), [readFileSync(path.join(CHARSET_FILES!, file))], { accept: 'application/dicom+json' });
      const url = value(((await res.json()) as any)['00081199'].Value[0], '00081190') as string;
      const [metadata] = (await (await fetch(`${url}/metadata`)).json()) as any[];
      expect([file, value(metadata, '00100010')?.Alphabetic]).toEqual([file, names[file]]);
    }
  });

  it('returns lossless compressed frames decompressed, equal to the uncompressed original', async () => {
    const original = pixelBytes(testFile('MR_small.dcm'));
    for (const name of ['MR_small_RLE.dcm', 'MR_small_jp2klossless.dcm', 'MR_small_jpeg_ls_lossless.dcm', 'MR_small_bigendian.dcm', 'MR_small_implicit.dcm']) {
      const [frame] = await frames(name);
      expect([name, Buffer.compare(frame!, original)]).toEqual([name, 0]);
    }
  });

  it('passes compressed frames through with transfer-syntax=*', async () => {
    const res = await fetch(`${stored.get('MR_small_RLE.dcm')!.url}/frames/1`, { headers: { accept: 'multipart/related; type="application/octet-stream"; transfer-syntax=*' } });
    const [part] = await multipartParts(res);
    expect(part!.contentType).toBe('application/octet-stream; transfer-syntax=1.2.840.10008.1.2.5');
    expect(Buffer.compare(part!.body, pixelBytes(testFile('MR_small_RLE.dcm')))).toBe(0);
  });

  withDcmtk('decodes RLE, JPEG and JPEG-LS colour and multi-frame data exactly as DCMTK does', async () => {
    const cases: Array<[string, string]> = [
      ['SC_rgb_rle_2frame.dcm', 'dcmdrle'],
      ['SC_rgb_rle_16bit.dcm', 'dcmdrle'],
      ['rtdose_rle.dcm', 'dcmdrle'],
      ['SC_rgb_jpeg_dcmtk.dcm', 'dcmdjpeg'],
      ['SC_rgb_jpeg_gdcm.dcm', 'dcmdjpeg'],
      ['MR_small_jpeg_ls_lossless.dcm', 'dcmdjpls'],
    ];
    for (const [name, tool] of cases) {
      const reference = decompressed(tool, name);
      expect([name, Buffer.compare(Buffer.concat(await frames(name)), reference)]).toEqual([name, 0]);
    }
  });

  withDcmtk('retrieves a compressed instance as a valid Explicit VR Little Endian file', async () => {
    const { url } = stored.get('SC_rgb_rle_2frame.dcm')!;
    const [part] = await multipartParts(await fetch(url));
    expect(part!.contentType).toBe('application/dicom; transfer-syntax=1.2.840.10008.1.2.1');
    const file = path.join(scratch, 'retrieved.dcm');
    writeFileSync(file, part!.body);
    const dump = execFileSync('dcmdump', [file]).toString();
    expect(dump).toContain('LittleEndianExplicit');
    expect(Buffer.compare(pixelBytes(part!.body), decompressed('dcmdrle', 'SC_rgb_rle_2frame.dcm'))).toBe(0);
  });

  it('renders compressed images of every family', async () => {
    for (const name of ['CT_small.dcm', 'MR_small_RLE.dcm', 'JPEG2000.dcm', 'JPEG-lossy.dcm', 'SC_rgb_rle_2frame.dcm', 'SC_rgb_jpeg_dcmtk.dcm', 'MR_small_jpeg_ls_lossless.dcm', 'ExplVR_BigEnd.dcm']) {
      const res = await fetch(`${stored.get(name)!.url}/rendered?viewport=64,64`, { headers: { accept: 'image/png' } });
      expect([name, res.status]).toEqual([name, 200]);
      const png = decodePng(new Uint8Array(await res.arrayBuffer()));
      expect(Math.max(png.width, png.height)).toBe(64);
    }
  });

  it('serves the metadata of non-image objects, with sequences', async () => {
    const [plan] = (await (await fetch(`${stored.get('rtplan.dcm')!.url}/metadata`)).json()) as any[];
    expect(value(plan, '00080060')).toBe('RTPLAN');
    expect(plan['300A00B0'].vr).toBe('SQ');
    expect((await fetch(`${stored.get('rtplan.dcm')!.url}/rendered`)).status).toBe(400);
  });
});
