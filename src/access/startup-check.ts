import type { AccessPolicy } from './policy.js';
import { getDataset, getStore } from '../healthcare/admin.js';
import type { HealthcareClient } from '../healthcare/client.js';
import { UpstreamError } from '../healthcare/errors.js';
import { storeNameIn } from '../healthcare/names.js';
import { STORE_KIND_LIST, STORE_KINDS } from '../healthcare/store-kinds.js';
import type { Logger } from '../observability/logger.js';

/** A configured dataset or allow-listed store that does not exist: the server should not start. */
export class MissingResourceError extends Error {
  override name = 'MissingResourceError';
}

/**
 * Checks at start that the pinned dataset and the allow-listed stores exist, so a typo in the
 * configuration is one clear line instead of NOT_FOUND on every request. A missing dataset is fatal
 * (nothing could be served); a missing store is a warning, since it may be created later. Without
 * permission to look, or with the API unreachable, it warns and lets readiness decide.
 */
export async function checkConfiguredResources(client: HealthcareClient, access: AccessPolicy, logger: Logger): Promise<void> {
  const dataset = access.pinnedDataset;
  const { project, location } = access.location;
  if (dataset === undefined) {
    if (STORE_KIND_LIST.some((kind) => access.allowedStores(kind))) logger.info('store allow-lists apply to the store ids of every dataset; set HEALTHCARE_DATASET to have them checked at start');
    return;
  }
  const checks: { describe: string; fatal: boolean; run: () => Promise<unknown> }[] = [
    { describe: `HEALTHCARE_DATASET=${dataset.dataset}: dataset projects/${project}/locations/${location}/datasets/${dataset.dataset}`, fatal: true, run: () => getDataset(client, dataset) },
    ...STORE_KIND_LIST.flatMap((kind) => (access.allowedStores(kind) ?? []).map((store) => ({
      describe: `${STORE_KINDS[kind].allowListVariable}: ${STORE_KINDS[kind].label} store ${store} in dataset ${dataset.dataset}`,
      fatal: false,
      run: () => getStore(client, access.checkStore(storeNameIn(dataset, kind, store))),
    }))),
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
