/** Shared helpers for the de-identification tests: a demo-loaded emulator, operation polling, store dumps. */

import dcmjs from 'dcmjs';
import { loadDemoCohort } from '../../src/demo/load.js';
import { seedDemoDataset, type DemoTarget } from '../../src/demo/seed.js';
import type { RunningEmulator } from '../../src/emulator/server.js';
import { multipartParts } from './dicom-helpers.js';
import { type ApiResponse, type Client, obj } from './helpers.js';

export const PROJECT = 'p';
export const LOCATION = 'us-central1';
export const DEMO = `projects/${PROJECT}/locations/${LOCATION}/datasets/demo`;

/** Seeds the demo dataset (FHIR store `fhir`, DICOM store `dicom`) with a small cohort. */
export async function loadDemo(emulator: RunningEmulator, patients: number): Promise<void> {
  const target: DemoTarget = { apiUrl: `${emulator.url}/v1`, project: PROJECT, location: LOCATION };
  await seedDemoDataset(target);
  await loadDemoCohort(target, patients);
}

/** Polls `operations.get` until the operation is done (or the attempts run out). */
export async function waitDone(client: Client, name: string, attempts = 600): Promise<Record<string, unknown>> {
  for (let i = 0; i < attempts; i++) {
    const res = await client.get(name);
    if (res.status !== 200) throw new Error(`operations.get answered ${res.status}: ${res.text}`);
    const op = obj(res.json);
    if (op['done'] === true) return op;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`operation ${name} did not finish`);
}

/** The counter of an operation as numbers (absent = 0, as proto3 JSON leaves zeros out). */
export function counterOf(op: Record<string, unknown>): { success: number; failure: number; pending: number } {
  const counter = (obj(op['metadata'])['counter'] ?? {}) as Record<string, string | undefined>;
  return { success: Number(counter['success'] ?? 0), failure: Number(counter['failure'] ?? 0), pending: Number(counter['pending'] ?? 0) };
}

/** Every current resource of a FHIR store, by `Type/id`, read over REST (search pages). */
export async function dumpFhir(client: Client, store: string): Promise<Map<string, Record<string, unknown>>> {
  const out = new Map<string, Record<string, unknown>>();
  const metrics = obj((await client.get(`${store}:getFHIRStoreMetrics`)).json);
  for (const { resourceType } of (metrics['metrics'] ?? []) as { resourceType: string }[]) {
    let next: string | undefined = `${store}/fhir/${resourceType}?_count=1000`;
    while (next !== undefined) {
      const page = obj((await client.get(next)).json);
      for (const entry of (page['entry'] ?? []) as { resource: Record<string, unknown> }[]) {
        out.set(`${String(entry.resource['resourceType'])}/${String(entry.resource['id'])}`, entry.resource);
      }
      const link = ((page['link'] ?? []) as { relation: string; url: string }[]).find((l) => l.relation === 'next');
      next = link === undefined ? undefined : link.url.slice(link.url.indexOf('/v1/') + 4);
    }
  }
  return out;
}

/** One DICOM instance: its UIDs from QIDO and its Part 10 bytes from WADO. */
export interface DumpedInstance {
  path: string;
  bytes: Buffer;
  /** The data set, naturalized by dcmjs (keywords → values). */
  dataset: Record<string, unknown>;
}

/** Every instance of a DICOM store with its Part 10 bytes. */
export async function dumpDicom(client: Client, emulator: RunningEmulator, store: string): Promise<DumpedInstance[]> {
  const res: ApiResponse = await client.get(`${store}/dicomWeb/instances?limit=50000`);
  if (res.status === 204) return [];
  const rows = res.json as Record<string, { Value?: string[] }>[];
  const out: DumpedInstance[] = [];
  for (const row of rows) {
    const uid = (tag: string): string => row[tag]?.Value?.[0] ?? '';
    const path = `studies/${uid('0020000D')}/series/${uid('0020000E')}/instances/${uid('00080018')}`;
    const wado = await fetch(`${emulator.url}/v1/${store}/dicomWeb/${path}`, {
      headers: { accept: 'multipart/related; type="application/dicom"; transfer-syntax=*' },
    });
    const bytes = (await multipartParts(wado))[0]?.body ?? Buffer.alloc(0);
    const file = dcmjs.data.DicomMessage.readFile(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    out.push({ path, bytes, dataset: dcmjs.data.DicomMetaDictionary.naturalizeDataset(file.dict) });
  }
  return out;
}

