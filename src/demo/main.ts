/**
 * `npm run seed`: loads the demo dataset and cohort into a running emulator (by default the one
 * `npm run emulator` starts). Refuses Google's API: this writes synthetic patients.
 */
import { ConfigError, GOOGLE_API_URL } from '../config/index.js';
import { integer, read } from '../config/parse.js';
import { loadDemoCohort } from './load.js';
import { seedDemoDataset } from './seed.js';

async function main(): Promise<void> {
  const env = process.env;
  const apiUrl = (read(env, 'HEALTHCARE_API_URL') ?? `http://127.0.0.1:${integer(env, 'EMULATOR_PORT', 8089, 1, 65535)}/v1`).replace(/\/+$/, '');
  if (new URL(apiUrl).hostname.endsWith('googleapis.com') || apiUrl === GOOGLE_API_URL) {
    throw new ConfigError('npm run seed writes synthetic demo data and only targets an emulator, not Google.');
  }
  const target = { apiUrl, project: read(env, 'HEALTHCARE_PROJECT') ?? 'demo', location: read(env, 'HEALTHCARE_LOCATION') ?? 'us-central1' };
  const patients = integer(env, 'DEMO_PATIENTS', 100, 1, 100_000);
  const started = Date.now();
  await seedDemoDataset(target);
  const loaded = await loadDemoCohort(target, patients);
  process.stdout.write(loaded.skipped
    ? `The demo stores at ${apiUrl} already hold data; nothing loaded.\n`
    : `Loaded ${loaded.fhirResources} FHIR resources, ${loaded.dicomInstances} DICOM instances and ${loaded.hl7v2Messages} HL7v2 messages for ${patients} patients into ${apiUrl} in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
