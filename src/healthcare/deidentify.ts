/**
 * The three deidentify methods (reference §7.3). Each answers with a running operation; the body
 * shapes are the API's, built from names that were validated first.
 */
import type { HealthcareClient } from './client.js';
import { datasetPath, datasetResourceName, storePath, storeResourceName, type AllowedDataset, type AllowedStore } from './names.js';
import type { Operation } from './operations.js';

/** `DeidentifyConfig` as the API takes it (built by the graph from its typed input). */
export type DeidentifyConfig = Record<string, unknown>;

/** `datasets.deidentify`: copies every FHIR and DICOM store into a new dataset. */
export function deidentifyDataset(client: HealthcareClient, source: AllowedDataset, destination: AllowedDataset, config: DeidentifyConfig): Promise<Operation> {
  return client.json<Operation>({
    kind: 'admin',
    method: 'POST',
    path: `${datasetPath(source)}:deidentify`,
    body: { destinationDataset: datasetResourceName(destination), config },
  });
}

/** `fhirStores.deidentify` into an existing store; `resources` (`Type/id`) narrows what is copied. */
export function deidentifyFhirStore(
  client: HealthcareClient,
  source: AllowedStore<'fhirStores'>,
  destination: AllowedStore<'fhirStores'>,
  config: DeidentifyConfig,
  resources?: readonly string[],
): Promise<Operation> {
  return client.json<Operation>({
    kind: 'admin',
    method: 'POST',
    path: `${storePath(source)}:deidentify`,
    body: {
      destinationStore: storeResourceName(destination),
      config,
      ...(resources === undefined ? {} : { resourceFilter: { resources: { resources } } }),
    },
  });
}

/** `dicomStores.deidentify` into a store the method creates. */
export function deidentifyDicomStore(client: HealthcareClient, source: AllowedStore<'dicomStores'>, destination: AllowedStore<'dicomStores'>, config: DeidentifyConfig): Promise<Operation> {
  return client.json<Operation>({
    kind: 'admin',
    method: 'POST',
    path: `${storePath(source)}:deidentify`,
    body: { destinationStore: storeResourceName(destination), config },
  });
}
