import { mapConnection } from '../../../connections/connection.js';
import { pageFhirList } from '../../../connections/fhir-pager.js';
import { badUserInput } from '../../../errors.js';
import { parseStoreName } from '../../../healthcare/names.js';
import type { RequestContext } from '../../context.js';
import type { FhirResourceModel } from '../../models.js';
import { resourceName, toModel } from './model.js';

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

/** A connection of resources of one search, as models of the store they came from. */
export async function resourceList(
  store: string,
  list: string,
  parent: string,
  segments: string[],
  params: [string, string][],
  { first, after }: ResourceListArgs,
  context: RequestContext,
) {
  const storeName = parseStoreName(store, 'fhirStores');
  context.access.checkStore(storeName);
  const page = await pageFhirList({ list, parent, store: storeName, segments, params, first, after }, context);
  return mapConnection(page, (resource) => toModel(store, resource));
}

/** A list of one resource type about a patient, newest first where FHIR can sort it. */
export function patientList(
  patient: FhirResourceModel,
  type: string,
  reference: 'subject' | 'patient',
  sort: string | undefined,
  filters: [string, string][],
  args: ResourceListArgs,
  context: RequestContext,
) {
  const params: [string, string][] = [[reference, `Patient/${patient.resource.id}`], ...filters];
  if (sort) params.push(['_sort', sort]);
  return resourceList(patient.store, `Patient.${type}`, resourceName(patient), [type], params, args, context);
}
