import type { HealthcareClient } from '../healthcare/client.js';
import { UpstreamError } from '../healthcare/errors.js';
import { datasetPath, locationPath, type LocationName } from '../healthcare/names.js';

/** The demo dataset's short id and stores, as the public contract names them. */
export const DEMO_DATASET = 'demo';
export const DEMO_FHIR_STORE = 'fhir';
export const DEMO_DICOM_STORE = 'dicom';

/**
 * Creates the demo dataset and its stores through the REST API, exactly as a user would against
 * Google. Safe to run again (an emulator with a data folder keeps them): existing ones are left as they are.
 */
export async function seedDemoDataset(client: HealthcareClient, location: LocationName): Promise<void> {
  const dataset = { ...location, dataset: DEMO_DATASET };
  await createUnlessExists(client, `${locationPath(location)}/datasets`, { datasetId: DEMO_DATASET }, { timeZone: 'UTC' });
  await createUnlessExists(client, `${datasetPath(dataset)}/fhirStores`, { fhirStoreId: DEMO_FHIR_STORE }, {
    version: 'R4',
    // Lets the cohort loader PUT resources with stable ids, so demo ids are the same on every start.
    enableUpdateCreate: true,
    labels: { source: 'demo' },
  });
  await createUnlessExists(client, `${datasetPath(dataset)}/dicomStores`, { dicomStoreId: DEMO_DICOM_STORE }, { labels: { source: 'demo' } });
}

async function createUnlessExists(client: HealthcareClient, path: string, query: Record<string, string>, body: unknown): Promise<void> {
  try {
    await client.json({ kind: 'admin', method: 'POST', path, query, body });
  } catch (error) {
    if (!(error instanceof UpstreamError && error.status === 409)) throw error;
  }
}
