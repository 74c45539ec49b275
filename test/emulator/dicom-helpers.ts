/** Shared helpers for the DICOMweb emulator tests: an emulator with the module, STOW, multipart. */

import { randomBytes } from 'node:crypto';
import dcmjs from 'dcmjs';
import { sampleStudyPlan, type SamplePlanOptions, writeStudyInstances } from '../../src/demo/dicom/index.js';
import { dicomWebModule } from '../../src/emulator/dicom/index.js';
import { BUILT_IN_MODULES, type EmulatorOptions, type RunningEmulator } from '../../src/emulator/server.js';
import { LOC, start } from './helpers.js';

export const STORE = `${LOC}/datasets/ds/dicomStores/dicom`;

/** An emulator with the DICOMweb module, a dataset `ds` and a DICOM store `dicom`. */
export interface DicomEmulator {
  emulator: RunningEmulator;
  /** `http://host/v1/projects/…/dicomStores/dicom/dicomWeb` */
  web: string;
  /** `http://host/v1` */
  api: string;
}

export async function startDicomEmulator(options: EmulatorOptions = {}, createStore = true): Promise<DicomEmulator> {
  // The module is built in once registered in server.ts; until then the tests add it themselves.
  const modules = BUILT_IN_MODULES.includes(dicomWebModule) ? [] : [dicomWebModule];
  const emulator = await start({ modules, ...options });
  const api = `${emulator.url}/v1`;
  if (createStore) {
    await fetch(`${api}/${LOC}/datasets?datasetId=ds`, { method: 'POST' });
    await fetch(`${api}/${LOC}/datasets/ds/dicomStores?dicomStoreId=dicom`, { method: 'POST', body: '{}' });
  }
  return { emulator, api, web: `${api}/${STORE}/dicomWeb` };
}

/** Part 10 files of a sample study (see `sampleStudyPlan`). */
export function sampleInstances(options: SamplePlanOptions = {}): { plan: ReturnType<typeof sampleStudyPlan>; files: Uint8Array[] } {
  const plan = sampleStudyPlan(options);
  return { plan, files: writeStudyInstances(plan).map((i) => i.bytes) };
}

/** Rows, columns and frames of a Part 10 image, as the demo writer sized it. */
export function imageSize(bytes: Uint8Array): { rows: number; columns: number; frames: number } {
  const { dict } = dcmjs.data.DicomMessage.readFile(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  const number = (tag: string, fallback: number): number => Number(dict[tag]?.Value?.[0] ?? fallback);
  return { rows: number('00280010', 0), columns: number('00280011', 0), frames: number('00280008', 1) };
}

/** A multipart/related body of DICOM parts. */
export function multipartBody(parts: Uint8Array[], boundary = randomBytes(8).toString('hex')): { body: Buffer; boundary: string } {
  const chunks: Buffer[] = [];
  for (const part of parts) chunks.push(Buffer.from(`--${boundary}\r\nContent-Type: application/dicom\r\n\r\n`), Buffer.from(part), Buffer.from('\r\n'));
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), boundary };
}

/** STOW-RS of `files` to `studies` (or `studies/{study}`), multipart unless `single`. */
export async function stow(
  web: string,
  files: Uint8Array[],
  options: { accept?: string; study?: string; single?: boolean } = {},
): Promise<Response> {
  const url = options.study === undefined ? `${web}/studies` : `${web}/studies/${options.study}`;
  const headers: Record<string, string> = {};
  if (options.accept !== undefined) headers['accept'] = options.accept;
  if (options.single === true) {
    headers['content-type'] = 'application/dicom';
    return fetch(url, { method: 'POST', headers, body: new Uint8Array(files[0] ?? []) });
  }
  const { body, boundary } = multipartBody(files);
  headers['content-type'] = `multipart/related; type="application/dicom"; boundary=${boundary}`;
  return fetch(url, { method: 'POST', headers, body: new Uint8Array(body) });
}

/** A part of a multipart response. */
export interface ResponsePart {
  contentType: string | undefined;
  body: Buffer;
}

/** Splits a multipart response using the boundary named in its Content-Type (independent of the emulator's parser). */
export async function multipartParts(res: Response): Promise<ResponsePart[]> {
  const type = res.headers.get('content-type') ?? '';
  const boundary = /boundary="?([^";]+)"?/.exec(type)?.[1];
  if (boundary === undefined) throw new Error(`no boundary in ${type}`);
  const body = Buffer.from(await res.arrayBuffer());
  const delimiter = `--${boundary}`;
  const text = body.toString('latin1');
  const parts: ResponsePart[] = [];
  let at = text.indexOf(delimiter);
  while (at >= 0) {
    const lineEnd = text.indexOf('\r\n', at);
    if (text.slice(at + delimiter.length, at + delimiter.length + 2) === '--') break;
    const headerEnd = text.indexOf('\r\n\r\n', lineEnd);
    const headers = text.slice(lineEnd + 2, headerEnd);
    const next = text.indexOf(`\r\n${delimiter}`, headerEnd);
    parts.push({
      contentType: /content-type:\s*(.*)/i.exec(headers)?.[1]?.trim(),
      body: body.subarray(headerEnd + 4, next),
    });
    at = next + 2;
  }
  return parts;
}

/** The first value of a DICOM JSON attribute. */
export function value(dataset: any, tag: string): any {
  return dataset?.[tag]?.Value?.[0];
}
