/**
 * `Patient/{id}/$everything`: the patient, every resource in its compartment (referencing it
 * through a compartment element, see `compartment.ts`) and the resources the patient references
 * (general practitioner, managing organization, links). Filters `start`/`end` (care dates),
 * `_since` (last update) and `_type`; pages with `_count` / `_page_token` like search.
 */

import type { JsonObject } from '../json.js';
import { bundle, canonicalParams, linkUrl, searchEntry, type Link } from './bundles.js';
import { inPatientCompartment } from '../../fhir/compartment.js';
import { dateRanges, parseDateRange, parseInstant, type DateRange } from './dates.js';
import { sliceAfter, sortKeyed, type Keyed } from './pages.js';
import { badResourceType, invalidQuery, resourceNotFound } from './outcome.js';
import { isResourceType } from '../../fhir/resource-types.js';
import { paramsOf } from './search-parameters.js';
import { DEFAULT_COUNT, parseCount } from './search-query.js';
import { keyOf, type FhirStore, type ResourceRecord } from './store.js';

interface EverythingFilters {
  start: DateRange | undefined;
  end: DateRange | undefined;
  since: number | undefined;
  types: ReadonlySet<string> | undefined;
  count: number;
  pageToken: string | undefined;
  applied: [string, string][];
}

function parseFilters(params: Iterable<[string, string]>): EverythingFilters {
  const filters: EverythingFilters = {
    start: undefined,
    end: undefined,
    since: undefined,
    types: undefined,
    count: DEFAULT_COUNT,
    pageToken: undefined,
    applied: [],
  };
  for (const [name, value] of params) {
    switch (name) {
      case 'start':
      case 'end': {
        const range = parseDateRange(value);
        if (range === undefined) throw invalidQuery(`invalid ${name} "${value}": expected YYYY-MM-DD`);
        filters[name] = range;
        break;
      }
      case '_since':
        filters.since = parseInstant(value);
        if (filters.since === undefined) {
          throw invalidQuery(`invalid _since "${value}": expected an instant to the second with a time zone`);
        }
        break;
      case '_type': {
        const types = value.split(',').map((t) => t.trim());
        const unknown = types.find((t) => !isResourceType(t));
        if (unknown !== undefined) throw badResourceType(unknown);
        filters.types = new Set(types);
        break;
      }
      case '_count':
        filters.count = parseCount(value);
        break;
      case '_page_token':
        filters.pageToken = value;
        continue;
      default:
        continue;
    }
    filters.applied.push([name, value]);
  }
  return filters;
}

/** Whether a resource's care date (if its type has one and it is set) falls within start…end. */
function inPeriod(record: ResourceRecord, filters: EverythingFilters): boolean {
  const { start, end } = filters;
  if (start === undefined && end === undefined) return true;
  const careDate = paramsOf(record.type).find((def) => def.careDate === true);
  if (careDate === undefined) return true;
  const ranges = dateRanges(careDate.extract(record.resource));
  if (ranges.length === 0) return true;
  return ranges.some((r) => (start === undefined || r.hi > start.lo) && (end === undefined || r.lo < end.hi));
}

function members(store: FhirStore, patient: ResourceRecord): ResourceRecord[] {
  const patientKey = keyOf('Patient', patient.id);
  const found = new Map<string, ResourceRecord>([[patientKey, patient]]);
  for (const record of store.referrersOf(patientKey)) {
    if (record.refs.some((ref) => ref.target === patientKey && inPatientCompartment(record.type, ref.path))) {
      found.set(keyOf(record.type, record.id), record);
    }
  }
  for (const ref of patient.refs) {
    const record = store.byKey(ref.target);
    if (record !== undefined) found.set(ref.target, record);
  }
  return [...found.values()];
}

/** Renders one page of `$everything` as a searchset Bundle. */
export function everything(store: FhirStore, id: string, params: Iterable<[string, string]>, base: string): JsonObject {
  const filters = parseFilters(params);
  const patient = store.current('Patient', id);
  if (patient === undefined) throw resourceNotFound(`Patient/${id}`);
  const selected = members(store, patient).filter(
    (record) =>
      (filters.types === undefined || filters.types.has(record.type)) &&
      (filters.since === undefined || Date.parse(String((record.resource['meta'] as JsonObject)['lastUpdated'])) >= filters.since) &&
      inPeriod(record, filters),
  );
  // The patient first, then its records oldest first.
  const order = [false, false];
  const sorted = sortKeyed(
    selected.map((record): Keyed<ResourceRecord> => ({ item: record, key: [record === patient ? 0 : 1, record.gen] })),
    order,
  );
  const binding = `${store.name}|everything|${id}|${canonicalParams(filters.applied)}`;
  const after = filters.pageToken === undefined ? undefined : store.pageTokens.open(binding, filters.pageToken);
  const page = sliceAfter(sorted, after, filters.count, order);
  const path = `Patient/${id}/$everything`;
  const links: Link[] = [{ relation: 'self', url: linkUrl(base, path, filters.applied) }];
  if (page.nextAfter !== undefined) {
    const token = store.pageTokens.seal(binding, page.nextAfter);
    links.push({ relation: 'next', url: linkUrl(base, path, [...filters.applied, ['_page_token', token]]) });
  }
  return bundle('searchset', links, page.items.map((k) => searchEntry(base, k.item.resource, 'match')), sorted.length);
}
