/**
 * Creates the demo dataset and stores in an emulator through its REST API, exactly as a user would on
 * Google. Safe to run again (an emulator with a data folder keeps everything): what exists is left
 * alone. `load.ts` fills the stores.
 */

/** The demo dataset's short id and stores, as the public contract names them. */
export const DEMO_DATASET = 'demo';
export const DEMO_FHIR_STORE = 'fhir';
export const DEMO_DICOM_STORE = 'dicom';

export interface DemoTarget {
  /** API root including the version, e.g. `http://127.0.0.1:8089/v1`. */
  apiUrl: string;
  project: string;
  location: string;
}

/** Names of the demo dataset and stores for a target. */
export function demoNames(target: DemoTarget) {
  const dataset = `projects/${target.project}/locations/${target.location}/datasets/${DEMO_DATASET}`;
  return { dataset, fhirStore: `${dataset}/fhirStores/${DEMO_FHIR_STORE}`, dicomStore: `${dataset}/dicomStores/${DEMO_DICOM_STORE}` };
}

/** Creates the demo dataset with its FHIR R4 store and DICOM store, unless they exist. */
export async function seedDemoDataset(target: DemoTarget): Promise<void> {
  const names = demoNames(target);
  await createUnlessExists(target, `projects/${target.project}/locations/${target.location}/datasets?datasetId=${DEMO_DATASET}`, { timeZone: 'UTC' });
  await createUnlessExists(target, `${names.dataset}/fhirStores?fhirStoreId=${DEMO_FHIR_STORE}`, {
    version: 'R4',
    // Lets the cohort loader PUT resources with stable ids, so demo ids are the same on every start.
    enableUpdateCreate: true,
    labels: { source: 'demo' },
  });
  await createUnlessExists(target, `${names.dataset}/dicomStores?dicomStoreId=${DEMO_DICOM_STORE}`, { labels: { source: 'demo' } });
}

async function createUnlessExists(target: DemoTarget, path: string, body: unknown): Promise<void> {
  const response = await fetch(`${target.apiUrl}/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok && response.status !== 409) {
    throw new Error(`demo data: POST ${path} answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
  }
  await response.body?.cancel();
}
