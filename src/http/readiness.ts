import type { AuthMode } from '../config/index.js';
import { getDataset, listDatasets } from '../healthcare/admin.js';
import type { Credentials } from '../healthcare/auth.js';
import { HealthcareClient, type UpstreamSettings } from '../healthcare/client.js';
import { UpstreamError } from '../healthcare/errors.js';
import type { AccessPolicy } from '../access/policy.js';

export interface ReadinessResult {
  ready: boolean;
  detail: string;
}

/**
 * Asks the upstream one cheap question (the pinned dataset, or the first dataset of the location).
 * In passthrough mode the server holds no credentials, so an authentication refusal still proves the
 * upstream answers.
 */
export async function checkReadiness(settings: UpstreamSettings, credentials: Credentials, authMode: AuthMode, access: AccessPolicy): Promise<ReadinessResult> {
  const client = new HealthcareClient({ ...settings, timeoutMs: Math.min(settings.timeoutMs, 5000) }, credentials);
  try {
    const pinned = access.pinnedDataset;
    if (pinned) await getDataset(client, pinned);
    else await listDatasets(client, access.location, { pageSize: 1 });
    return { ready: true, detail: 'upstream answers' };
  } catch (error) {
    if (error instanceof UpstreamError && authMode === 'passthrough' && (error.status === 401 || error.status === 403)) {
      return { ready: true, detail: 'upstream answers (asks for caller credentials)' };
    }
    const reason = error instanceof UpstreamError ? (error.failure ?? `HTTP ${error.status}`) : 'unexpected error';
    return { ready: false, detail: `upstream check failed: ${reason}` };
  }
}
