/**
 * Start-up checks of the external DICOMweb servers against the Cloud Healthcare side and the
 * servers themselves, so a configuration mistake is one clear line instead of odd answers later.
 */
import type { AccessPolicy } from '../access/policy.js';
import { ConfigError } from '../config/parse.js';
import type { Logger } from '../observability/logger.js';
import { getDataset, getStore } from './admin.js';
import type { HealthcareClient } from './client.js';
import { qido } from './dicomweb.js';
import { UpstreamError } from './errors.js';
import type { ExternalDicomServer } from './external-dicomweb.js';
import { storeNameIn } from './names.js';

/** Why a call failed, for a log line: never the message, which an external server may fill with anything. */
const reason = (error: unknown) => (error instanceof UpstreamError ? (error.failure ?? `HTTP ${error.status}`) : 'error');

/**
 * Fails when a server's id is also the id of a Cloud Healthcare DICOM store in its dataset (one name
 * for two stores); warns when its dataset does not exist (only `Query.dicomStore(name)` reaches it
 * then) and when the server does not answer a QIDO search (it may come up later). The Cloud
 * Healthcare checks need the server's own credentials, so they are skipped in passthrough mode.
 */
export async function checkExternalDicomStores(
  client: HealthcareClient,
  servers: ExternalDicomServer[],
  access: AccessPolicy,
  withCredentials: boolean,
  logger: Logger,
): Promise<void> {
  await Promise.all(servers.map(async (server) => {
    // Configuration keeps every server inside the pinned dataset and the allow-list.
    const store = access.checkStore(storeNameIn(server.dataset, 'dicomStores', server.id));
    const log = { store: server.name, url: server.baseUrl };
    if (withCredentials) {
      const [existing, dataset] = await Promise.allSettled([getStore(client, store), getDataset(client, access.checkDataset(server.dataset))]);
      if (existing.status === 'fulfilled') {
        throw new ConfigError(`Invalid DICOMWEB_SERVERS: server ${JSON.stringify(server.id)} has the id of the Cloud Healthcare DICOM store ${server.name}; choose another id.`);
      }
      if (!(existing.reason instanceof UpstreamError && existing.reason.status === 404)) {
        logger.warn({ ...log, reason: reason(existing.reason) }, 'could not check that an external DICOMweb server id is not a Cloud Healthcare store id');
      }
      if (dataset.status === 'rejected') {
        logger.warn({ ...log, reason: reason(dataset.reason) }, 'the dataset of an external DICOMweb server could not be read: the store is reachable only by Query.dicomStore(name)');
      }
    }
    try {
      await qido(client, store, ['studies'], [['limit', '1']]);
    } catch (error) {
      logger.warn({ ...log, reason: reason(error) }, 'an external DICOMweb server does not answer QIDO-RS (yet)');
    }
  }));
}
