/**
 * Worker thread of `emulator-scale.ts`: generates patients `from`..`to` of the demo cohort (with
 * the providers when `from` is 1) as transaction Bundle bodies of `bundleSize` entries, and posts
 * them as transferred UTF-8 bytes, so generating the cohort runs on every core and costs the
 * main thread nothing but the copy-free hand-over.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { toBundles, type FhirResource } from '../../src/demo/cohort/index.js';
import { cohortChunks } from './cohort.js';

/** What the worker is asked to generate. */
export interface CohortPart {
  from: number;
  to: number;
  bundleSize: number;
}

/** What it answers: the part's Bundle bodies in load order, and its resource count. */
export interface GeneratedPart {
  bodies: Uint8Array<ArrayBuffer>[];
  resources: number;
}

function generate({ from, to, bundleSize }: CohortPart): GeneratedPart {
  const resources: FhirResource[] = [];
  for (const chunk of cohortChunks(to, 25, undefined, undefined, from)) resources.push(...chunk.resources);
  const encoder = new TextEncoder();
  const bodies = toBundles(resources, bundleSize, 'transaction').map((bundle) => encoder.encode(JSON.stringify(bundle)));
  return { bodies, resources: resources.length };
}

if (parentPort !== null) {
  const part = generate(workerData as CohortPart);
  parentPort.postMessage(part, part.bodies.map((body) => body.buffer));
}
