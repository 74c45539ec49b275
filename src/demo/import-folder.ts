/**
 * `npm run seed -- --dicom <folder> --fhir <folder>`: loads a folder of DICOM files or FHIR NDJSON
 * into the demo stores the way one loads a bucket on Google, with `dicomStores.import` and
 * `fhirStores.import`. The emulator's Cloud Storage is a folder (`EMULATOR_GCS_DIR`, by default
 * `{EMULATOR_DATA_DIR}/gcs`): a folder outside it is copied in first, under `seed/`.
 */
import { cp } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { demoFetch, DEMO_DATASET, DEMO_DICOM_STORE, DEMO_FHIR_STORE, type DemoTarget } from './seed.js';

/** What to import, and where the emulator's Cloud Storage folder is. */
export interface FolderImport {
  kind: 'dicom' | 'fhir';
  folder: string;
  gcsDir: string;
}

/** The result of one import, as its operation reported it. */
export interface FolderImportResult {
  uri: string;
  success: number;
  failure: number;
}

/** The `gs://` URI of a folder inside the Cloud Storage folder, copying it in when it lies outside. */
async function sourceUri(folder: string, gcsDir: string, pattern: string): Promise<string> {
  const root = path.resolve(gcsDir);
  let inside = path.relative(root, path.resolve(folder));
  if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) {
    // Not a folder within a bucket of the emulated storage: copy it into the `seed` bucket.
    inside = path.join('seed', path.basename(path.resolve(folder)));
    await cp(folder, path.join(root, inside), { recursive: true });
  }
  return `gs://${inside.split(path.sep).join('/')}/${pattern}`;
}

/** Starts the import and waits for its operation to finish. */
export async function importFolder(target: DemoTarget, job: FolderImport): Promise<FolderImportResult> {
  const dataset = `projects/${target.project}/locations/${target.location}/datasets/${DEMO_DATASET}`;
  // DICOM files often have no extension: every file is tried (the others count as failures).
  const uri = await sourceUri(job.folder, job.gcsDir, job.kind === 'dicom' ? '**' : '**.ndjson');
  const [store, body] = job.kind === 'dicom'
    ? [`${dataset}/dicomStores/${DEMO_DICOM_STORE}`, { gcsSource: { uri } }]
    : [`${dataset}/fhirStores/${DEMO_FHIR_STORE}`, { contentStructure: 'RESOURCE', gcsSource: { uri } }];
  const started = (await (await demoFetch(target, 'POST', `${store}:import`, { body: JSON.stringify(body), contentType: 'application/json' })).json()) as { name: string };
  for (;;) {
    const op = (await (await demoFetch(target, 'GET', started.name)).json()) as {
      done?: boolean;
      error?: { message?: string };
      metadata?: { counter?: { success?: string; failure?: string } };
    };
    if (op.done) {
      const counter = op.metadata?.counter ?? {};
      return { uri, success: Number(counter.success ?? 0), failure: Number(counter.failure ?? 0) };
    }
    await sleep(100);
  }
}
