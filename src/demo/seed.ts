/**
 * Creates the demo dataset and stores in an emulator through its REST API, exactly as a user would on
 * Google. Safe to run again (an emulator with a data folder keeps everything): what exists is left
 * alone. `load.ts` fills the stores.
 */

import { createDemoTopics, demoNotificationConfigs } from './notifications.js';

/** The demo dataset's short id and stores, as the public contract names them. */
export const DEMO_DATASET = 'demo';
export const DEMO_FHIR_STORE = 'fhir';
export const DEMO_DICOM_STORE = 'dicom';
export const DEMO_HL7V2_STORE = 'hl7v2';

export interface DemoTarget {
  /** API root including the version, e.g. `http://127.0.0.1:8089/v1`. */
  apiUrl: string;
  project: string;
  location: string;
  /** Bearer token of an admin, when the emulator enforces IAM (`EMULATOR_PRINCIPALS`). */
  token?: string;
  /** The Pub/Sub endpoint (`host:port`, plaintext) the emulator publishes the stores' notifications to. */
  pubsubHost?: string;
  /** Stops a load in progress (the server is shutting down). */
  signal?: AbortSignal;
}

/** A token that maps to an admin, for loading demo data into an emulator that enforces IAM. */
export function adminToken(principals: { tokens: Record<string, string>; admins: string[] } | undefined): string | undefined {
  if (!principals) return undefined;
  return Object.entries(principals.tokens).find(([, principal]) => principals.admins.includes(principal))?.[0];
}

/** How undici reports a kept-alive socket the server had closed: EPIPE, ECONNRESET, or UND_ERR_SOCKET ("other side closed"). */
const CLOSED_SOCKET = new Set(['EPIPE', 'ECONNRESET', 'UND_ERR_SOCKET']);

/**
 * One REST call of the demo loader; a status outside 2xx (and `allow`) throws with the answer's start.
 * The caller consumes the body.
 */
export async function demoFetch(target: DemoTarget, method: string, path: string, options: { body?: BodyInit; contentType?: string; allow?: number[] } = {}): Promise<Response> {
  const headers: Record<string, string> = {};
  if (options.contentType) headers['content-type'] = options.contentType;
  if (target.token) headers.authorization = `Bearer ${target.token}`;
  const send = () => fetch(`${target.apiUrl}/${path}`, { method, body: options.body, headers, signal: target.signal });
  // The emulator (in its own thread) closes a kept-alive connection idle for 5 s, which a long image
  // generation here outlasts; a write to such a socket fails with EPIPE, or (the close arriving as
  // the request goes out, on a loaded machine) a reset or "other side closed", before the emulator
  // read anything, so the call is sent once more on a fresh connection.
  const response = await send().catch((error: unknown) => {
    if (!CLOSED_SOCKET.has((error as { cause?: { code?: string } }).cause?.code ?? '')) throw error;
    return send();
  });
  if (!response.ok && !options.allow?.includes(response.status)) {
    throw new Error(`demo data: ${method} ${path.split('?')[0]!.split('/').slice(-2).join('/')} answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
  }
  return response;
}

/** Names of the demo dataset and stores for a target. */
export function demoNames(target: DemoTarget) {
  const dataset = `projects/${target.project}/locations/${target.location}/datasets/${DEMO_DATASET}`;
  return {
    dataset,
    fhirStore: `${dataset}/fhirStores/${DEMO_FHIR_STORE}`,
    dicomStore: `${dataset}/dicomStores/${DEMO_DICOM_STORE}`,
    hl7V2Store: `${dataset}/hl7V2Stores/${DEMO_HL7V2_STORE}`,
  };
}

/**
 * Creates the demo dataset with its FHIR R4, DICOM and HL7v2 stores, unless they exist; with a
 * Pub/Sub endpoint, also the demo topics and the stores' notifications to them (`notifications.ts`).
 */
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
  // V3 parser: values with escaped delimiters read back decoded.
  await createUnlessExists(target, `${names.dataset}/hl7V2Stores?hl7V2StoreId=${DEMO_HL7V2_STORE}`, { parserConfig: { version: 'V3' }, labels: { source: 'demo' } });
  if (target.pubsubHost !== undefined) await configureNotifications(target, target.pubsubHost);
}

/** The topics first: a store must not notify a topic that does not exist yet. */
async function configureNotifications(target: DemoTarget, pubsubHost: string): Promise<void> {
  await createDemoTopics(target.project, pubsubHost);
  const names = demoNames(target);
  const configs = demoNotificationConfigs(target.project);
  for (const [store, notificationConfigs] of [[names.fhirStore, configs.fhir], [names.dicomStore, configs.dicom], [names.hl7V2Store, configs.hl7v2]] as const) {
    // A PATCH replaces the list, so a second start sets the same configs again.
    const body = JSON.stringify({ notificationConfigs });
    await (await demoFetch(target, 'PATCH', `${store}?updateMask=notificationConfigs`, { body, contentType: 'application/json' })).body?.cancel();
  }
}

async function createUnlessExists(target: DemoTarget, path: string, body: unknown): Promise<void> {
  const response = await demoFetch(target, 'POST', path, { body: JSON.stringify(body), contentType: 'application/json', allow: [409] });
  await response.body?.cancel();
}
