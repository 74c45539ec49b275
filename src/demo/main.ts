/**
 * `npm run seed`: loads the demo dataset and cohort into a running emulator (by default the one
 * `npm run emulator` starts). Refuses Google's API: this writes synthetic patients. With
 * `--dicom <folder>` or `--fhir <folder>` it imports those files into the demo stores instead of
 * loading the cohort (`import-folder.ts`).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, GOOGLE_API_URL } from '../config/index.js';
import { integer, read } from '../config/parse.js';
import { importFolder, type FolderImport } from './import-folder.js';
import { loadDemoCohort } from './load.js';
import { seedDemoDataset, type DemoTarget } from './seed.js';

/** The folders to import, when `--dicom` or `--fhir` are given. */
function folderImports(env: NodeJS.ProcessEnv): FolderImport[] {
  const { values } = parseArgs({ options: { dicom: { type: 'string', multiple: true }, fhir: { type: 'string', multiple: true } } });
  const jobs = [
    ...(values.dicom ?? []).map((folder) => ({ kind: 'dicom' as const, folder })),
    ...(values.fhir ?? []).map((folder) => ({ kind: 'fhir' as const, folder })),
  ];
  if (jobs.length === 0) return [];
  const dataDir = read(env, 'EMULATOR_DATA_DIR');
  const gcsDir = read(env, 'EMULATOR_GCS_DIR') ?? (dataDir === undefined ? undefined : path.join(dataDir, 'gcs'));
  if (gcsDir === undefined) {
    throw new ConfigError('npm run seed --dicom/--fhir needs the emulator\'s Cloud Storage folder: set EMULATOR_GCS_DIR (or EMULATOR_DATA_DIR) as for the emulator.');
  }
  return jobs.map((job) => ({ ...job, gcsDir }));
}

async function importFolders(target: DemoTarget, jobs: FolderImport[]): Promise<void> {
  for (const job of jobs) {
    const result = await importFolder(target, job);
    process.stdout.write(`Imported ${result.uri} into the demo ${job.kind.toUpperCase()} store: ${result.success} stored, ${result.failure} failed.\n`);
  }
}

async function main(): Promise<void> {
  const env = process.env;
  const apiUrl = (read(env, 'HEALTHCARE_API_URL') ?? `http://127.0.0.1:${integer(env, 'EMULATOR_PORT', 8089, 1, 65535)}/v1`).replace(/\/+$/, '');
  if (new URL(apiUrl).hostname.endsWith('googleapis.com') || apiUrl === GOOGLE_API_URL) {
    throw new ConfigError('npm run seed writes synthetic demo data and only targets an emulator, not Google.');
  }
  // The emulator publishes the stores' notifications to PUBSUB_EMULATOR_HOST: the topics go there.
  const target = { apiUrl, project: read(env, 'HEALTHCARE_PROJECT') ?? 'demo', location: read(env, 'HEALTHCARE_LOCATION') ?? 'us-central1', pubsubHost: read(env, 'PUBSUB_EMULATOR_HOST') };
  const patients = integer(env, 'DEMO_PATIENTS', 100, 1, 100_000);
  const imports = folderImports(env);
  const started = Date.now();
  await seedDemoDataset(target);
  if (imports.length > 0) return importFolders(target, imports);
  const loaded = await loadDemoCohort(target, patients);
  process.stdout.write(loaded.skipped
    ? `The demo stores at ${apiUrl} already hold data; nothing loaded.\n`
    : `Loaded ${loaded.fhirResources} FHIR resources, ${loaded.dicomInstances} DICOM instances and ${loaded.hl7v2Messages} HL7v2 messages for ${patients} patients into ${apiUrl} in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
