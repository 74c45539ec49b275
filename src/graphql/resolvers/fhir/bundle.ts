/** `executeFhirBundle`: a batch or transaction Bundle, checked here and run by the store in one call. */
import { badUserInput } from '../../../errors.js';
import { executeBundle, type BundleResponseEntry, type FhirResource } from '../../../healthcare/fhir.js';
import { storeResourceName } from '../../../healthcare/names.js';
import type { MutationResolvers } from '../../../generated/graphql.js';
import { toModel } from './model.js';
import { targetStore } from './mutations.js';
import { asWriteError, writeErrorCode } from './write-errors.js';

const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);
/** Google's limit for transaction and batch bundles is the 50 MB body; entries beyond this are a mistake. */
const MAX_ENTRIES = 10_000;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Checks that a JSON input is a batch or transaction Bundle whose entries each have a request. */
function requestBundle(value: unknown): FhirResource {
  if (!isObject(value) || value['resourceType'] !== 'Bundle') throw badUserInput('bundle must be a FHIR Bundle: a JSON object with "resourceType": "Bundle"');
  if (value['type'] !== 'batch' && value['type'] !== 'transaction') throw badUserInput('bundle.type must be "batch" or "transaction"');
  const entries = value['entry'] ?? [];
  if (!Array.isArray(entries) || entries.length > MAX_ENTRIES) throw badUserInput(`bundle.entry must be a list of at most ${MAX_ENTRIES} entries`);
  entries.forEach((entry: unknown, i) => {
    const request = isObject(entry) ? entry['request'] : undefined;
    if (!isObject(request) || typeof request['method'] !== 'string' || !METHODS.has(request['method']) || typeof request['url'] !== 'string' || request['url'] === '') {
      throw badUserInput(`bundle.entry[${i}] needs a request with a method (GET, POST, PUT, PATCH, DELETE) and a url`);
    }
    if (entry !== null && 'resource' in (entry as object) && !isObject((entry as Record<string, unknown>)['resource'])) {
      throw badUserInput(`bundle.entry[${i}].resource must be a FHIR resource object`);
    }
  });
  return value as FhirResource;
}

/** The first issue's text of an entry's OperationOutcome. */
function outcomeMessage(outcome: FhirResource | undefined): string {
  const issue = (outcome?.['issue'] as { diagnostics?: string; details?: { text?: string }; code?: string }[] | undefined)?.[0];
  return (issue?.diagnostics ?? issue?.details?.text ?? issue?.code ?? 'the entry failed').slice(0, 300);
}

function entryResult(store: string, entry: BundleResponseEntry) {
  const status = entry.response?.status ?? '';
  const statusCode = Number.parseInt(status, 10) || 0;
  const failed = statusCode >= 400;
  return {
    status,
    statusCode,
    location: entry.response?.location ?? null,
    etag: entry.response?.etag ?? null,
    resource: !failed && entry.resource?.resourceType !== undefined ? toModel(store, entry.resource) : null,
    error: failed ? { code: writeErrorCode(statusCode), message: outcomeMessage(entry.response?.outcome) } : null,
  };
}

export const fhirBundleMutations: MutationResolvers = {
  executeFhirBundle: async (_parent, { input }, context) => {
    const store = targetStore(input.store, context);
    const bundle = requestBundle(input.bundle);
    const response = await asWriteError(() => executeBundle(context.client, store, bundle));
    const name = storeResourceName(store);
    return { type: response.type ?? '', entries: (response.entry ?? []).map((entry) => entryResult(name, entry)) };
  },
};
