import { mapConnection } from '../../../connections/connection.js';
import { pageFhirList, type FhirPages } from '../../../connections/fhir-pager.js';
import { badUserInput } from '../../../errors.js';
import { nextPageSearch, pageBundle, searchBundle, type AllowedFhirStore } from '../../../healthcare/fhir.js';
import { primeFromBundle } from '../../../loaders/fhir.js';
import type { RequestContext } from '../../context.js';
import type { FhirResourceModel } from '../../models.js';
import { resourceName, storeOf, toModel } from './model.js';

/** Google's system parameters would change how the API answers (or carry credentials), never what it finds. */
const RESERVED_PARAMS = new Set([
  '_count', '_page_token', '_format', '_pretty', 'access_token', 'oauth_token', 'key', 'alt', 'callback', 'fields',
  'prettyPrint', 'quotaUser', 'uploadType', 'upload_protocol',
]);
const PARAM_NAME = /^[A-Za-z_][A-Za-z0-9_\-.]*(?::[A-Za-z0-9_\-.]+)?$/;
const MAX_VALUE_LENGTH = 2048;

/** Checks a search parameter a caller supplied: a plain name (with an optional modifier) and a bounded value. */
export function searchParam(name: string, value: string): [string, string] {
  if (!PARAM_NAME.test(name) || name.length > 100 || RESERVED_PARAMS.has(name.split(':')[0]!)) {
    throw badUserInput(`${JSON.stringify(name.slice(0, 100))} is not a search parameter this server passes on`);
  }
  if (value.length > MAX_VALUE_LENGTH) throw badUserInput(`The value of ${name} is longer than ${MAX_VALUE_LENGTH} characters`);
  // A lone surrogate cannot be sent as UTF-8: it would arrive as U+FFFD, a different search.
  if (/\p{Cs}/u.test(value)) throw badUserInput(`The value of ${name} is not valid Unicode (a lone surrogate)`);
  return [name, value];
}

export interface ResourceListArgs {
  first?: number | null;
  after?: string | null;
}

/** One FHIR list of a request: which search, in which store, and where its cursors belong. */
export interface ResourceListRequest extends ResourceListArgs {
  /** Full resource name of the FHIR store. */
  store: string;
  /** Connection name, bound into cursors (e.g. `Patient.observations`). */
  list: string;
  /** Resource name of the object the list hangs off, bound into cursors. */
  parent: string;
  /** Path below the store's `fhir/`: `['Observation']`, `['Patient', id, '$everything']`. */
  segments: string[];
  /** Search parameters of the first page (without `_count`). */
  params: [string, string][];
  /**
   * The list holds past versions (`_history`): its pages are not current resources, so they neither
   * prime the by-id loader nor share the search loader's cache.
   */
  versions?: boolean;
}

/**
 * A FHIR list's pages in this request: the first through the search loader (deduplicated, and
 * merged with the same search about other patients), later ones by next link; every page primes the
 * by-id loader. A list of versions is read directly, and primes nothing.
 */
function fhirPages(store: AllowedFhirStore, segments: string[], versions: boolean, context: RequestContext): FhirPages {
  return {
    first: (params) => (versions ? searchBundle(context.client, store, segments, params) : context.loaders.fhir.search.load({ store, segments, params })),
    at: async (search) => {
      const bundle = await pageBundle(context.client, store, segments, search);
      if (!versions) primeFromBundle(context.loaders.fhir.resource, store, bundle);
      return bundle;
    },
    next: (bundle) => nextPageSearch(bundle, context.client.apiUrl, store, segments),
  };
}

/** A connection of resources of one search, as models of the store they came from. */
export async function resourceList(request: ResourceListRequest, context: RequestContext) {
  const { store, list, parent, segments, params, first, after, versions = false } = request;
  const pages = fhirPages(storeOf({ store }, context), segments, versions, context);
  const page = await pageFhirList({ codec: context.cursors, list, parent, params, first, after }, pages);
  return mapConnection(page, (resource) => toModel(store, resource));
}

/** What `patientList` is asked for: one resource type about a patient. */
export interface PatientListRequest extends ResourceListArgs {
  type: string;
  /** The search parameter that points at the patient. */
  reference: 'subject' | 'patient';
  /** Newest first where FHIR can sort it. */
  sort?: string;
  filters?: [string, string][];
}

/** A list of one resource type about a patient. */
export function patientList(patient: FhirResourceModel, { type, reference, sort, filters = [], first, after }: PatientListRequest, context: RequestContext) {
  const params: [string, string][] = [[reference, `Patient/${patient.resource.id}`], ...filters];
  if (sort) params.push(['_sort', sort]);
  return resourceList({ store: patient.store, list: `Patient.${type}`, parent: resourceName(patient), segments: [type], params, first, after }, context);
}
