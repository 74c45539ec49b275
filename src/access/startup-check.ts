import type { AccessSettings } from './policy.js';
import { getDataset, getStore } from '../healthcare/admin.js';
import type { HealthcareClient } from '../healthcare/client.js';
import { UpstreamError } from '../healthcare/errors.js';
import { getHl7V2Store, hl7V2StoreName } from '../healthcare/hl7v2.js';
import type { StoreKind } from '../healthcare/names.js';
import type { Logger } from '../observability/logger.js';

/** A configured dataset or allow-listed store that does not exist: the server should not start. */
export class MissingResourceError extends Error {
  override name = 'MissingResourceError';
}

const VARIABLE: Record<StoreKind, string> = { fhirStores: 'ALLOWED_FHIR_STORES', dicomStores: 'ALLOWED_DICOM_STORES' };

/**
 * Checks at start that the pinned dataset and the allow-listed stores exist, so a typo in the
 * configuration is one clear line instead of NOT_FOUND on every request. A missing dataset is fatal
 * (nothing could be served); a missing store is a warning, since it may be created later. Without
 * permission to look, or with the API unreachable, it warns and lets readiness decide.
 */
export async function checkConfiguredResources(client: HealthcareClient, settings: AccessSettings, logger: Logger): Promise<void> {
  const { project, location, dataset } = settings;
  const lists: [StoreKind, string[] | undefined][] = [['fhirStores', settings.allowedFhirStores], ['dicomStores', settings.allowedDicomStores]];
  const hl7V2Stores = settings.allowedHl7V2Stores ?? [];
  if (dataset === undefined) {
    if (lists.some(([, stores]) => stores) || settings.allowedHl7V2Stores) logger.info('store allow-lists apply to the store ids of every dataset; set HEALTHCARE_DATASET to have them checked at start');
    return;
  }
  const datasetName = { project, location, dataset };
  const checks: { describe: string; fatal: boolean; run: () => Promise<unknown> }[] = [
    { describe: `HEALTHCARE_DATASET=${dataset}: dataset projects/${project}/locations/${location}/datasets/${dataset}`, fatal: true, run: () => getDataset(client, datasetName) },
    ...lists.flatMap(([kind, stores]) => (stores ?? []).map((store) => ({
      describe: `${VARIABLE[kind]}: ${kind === 'fhirStores' ? 'FHIR' : 'DICOM'} store ${store} in dataset ${dataset}`,
      fatal: false,
      run: () => getStore(client, { ...datasetName, kind, store }),
    }))),
    ...hl7V2Stores.map((store) => ({
      describe: `ALLOWED_HL7V2_STORES: HL7v2 store ${store} in dataset ${dataset}`,
      fatal: false,
      run: () => getHl7V2Store(client, hl7V2StoreName(datasetName, store)),
    })),
  ];
  const missing: string[] = [];
  await Promise.all(checks.map(async (check) => {
    try {
      await check.run();
    } catch (error) {
      if (!(error instanceof UpstreamError && error.status === 404)) {
        logger.warn({ check: check.describe, reason: error instanceof UpstreamError ? (error.failure ?? error.status) : 'error' }, 'could not verify a configured resource');
      } else if (check.fatal) {
        missing.push(check.describe);
      } else {
        logger.warn(`${check.describe} does not exist (yet): it is left out of lists until it does`);
      }
    }
  }));
  if (missing.length > 0) throw new MissingResourceError(`${missing.join('; ')} does not exist.`);
}
