import type { Config } from '../config/index.js';
import { GOOGLE_API_URL } from '../config/index.js';
import type { Disposers } from '../disposers.js';
import type { Credentials } from '../healthcare/auth.js';
import { HealthcareClient, type UpstreamSettings } from '../healthcare/client.js';
import { createResource, type FhirResource } from '../healthcare/fhir.js';
import { openAuditLog, toFhirAuditEvent, type AuditEvent } from '../observability/audit.js';
import type { Logger } from '../observability/logger.js';
import { createTracing } from '../observability/tracing.js';
import { OidcVerifier } from './oidc.js';
import type { AccessPolicy } from './policy.js';
import { MemoryBucketStore, RateLimiter } from './rate-limit.js';
import type { TrustServices } from './request-scope.js';
import { TokenInfo } from './tokeninfo.js';

/** AuditEvent writes to `AUDIT_FHIR_STORE` in flight at once; beyond it events are dropped (and counted in the log). */
const MAX_PENDING_AUDIT_WRITES = 64;

interface TrustStart {
  config: Config;
  logger: Logger;
  disposers: Disposers;
  settings: UpstreamSettings;
  credentials: Credentials;
  access: AccessPolicy;
}

/**
 * Starts what every request goes through besides the graph: the OIDC verifier, the rate limiter
 * (in Redis with `REDIS_URL`), the audit log and tracing; each registers its clean-up.
 */
export async function startTrustServices({ config, logger, disposers, settings, credentials, access }: TrustStart): Promise<TrustServices> {
  const tracing = await createTracing(config.tracing, settings.apiUrl);
  disposers.push(() => tracing.shutdown());

  const forward = config.audit.fhirStore === undefined ? undefined : auditStoreWriter(config.audit.fhirStore, { settings, credentials, access, logger });
  const audit = openAuditLog(config.audit.destination, forward);
  disposers.push(() => audit.close());

  let rateLimiter: RateLimiter | undefined;
  const { requestsPerMinute, upstreamCallsPerMinute } = config.rateLimits;
  if (requestsPerMinute > 0 || upstreamCallsPerMinute > 0) {
    const store = config.redisUrl
      ? await (await import('./rate-limit-redis.js')).connectRedisBucketStore(config.redisUrl, logger)
      : new MemoryBucketStore();
    rateLimiter = new RateLimiter(config.rateLimits, store, logger);
    disposers.push(() => store.close());
  }

  return {
    auth: {
      authMode: config.authMode,
      serverCredentials: credentials,
      access,
      oidc: config.oidc ? { verifier: new OidcVerifier(config.oidc), access: config.oidc.access } : undefined,
      // Only Google can say whose a Google token is, and only a token meant for Google goes there.
      tokenInfo: config.authMode === 'passthrough' && audit.enabled && settings.apiUrl === GOOGLE_API_URL ? new TokenInfo() : undefined,
    },
    rateLimiter,
    audit,
    tracing,
  };
}

/** Writes each event as an AuditEvent resource, in the background, with the server's credentials. */
function auditStoreWriter(storeName: string, { settings, credentials, access, logger }: Omit<TrustStart, 'config' | 'disposers'>): (event: AuditEvent) => void {
  const store = access.storeNamed('fhirStores', storeName);
  let pending = 0;
  return (event) => {
    if (pending >= MAX_PENDING_AUDIT_WRITES) {
      logger.error({ requestId: event.requestId }, 'audit event not written to AUDIT_FHIR_STORE: too many writes pending');
      return;
    }
    pending += 1;
    createResource(new HealthcareClient(settings, credentials), store, toFhirAuditEvent(event) as FhirResource)
      .catch((error: unknown) => logger.error({ requestId: event.requestId, reason: (error as Error).message }, 'audit event not written to AUDIT_FHIR_STORE'))
      .finally(() => { pending -= 1; });
  };
}
