import { chunk, groupBy } from '../collections.js';
import type { Bundle, BundleEntry } from '../healthcare/fhir.js';
import { MAX_IDS_PER_SEARCH, type SearchKey } from './fhir.js';

/** FHIR's largest `_count`: one merged search asks for this many matches. */
const MAX_COUNT = 1000;

/**
 * Parameters that point a search at one patient, where the parameter's name is also the element
 * holding the reference, so a match can be given back to the patient it belongs to.
 */
const PATIENT_PARAMS = new Set(['subject', 'patient']);
const PATIENT_REFERENCE = /^Patient\/([A-Za-z0-9\-.]{1,64})$/;

/** A search about one patient that may share an upstream call with the same search about others. */
interface PatientSearch {
  index: number;
  key: SearchKey;
  param: string;
  patient: string;
  count: number;
}

/** What a batch of searches becomes: searches made as they are, and groups made as one call each. */
export interface SearchPlan {
  single: { index: number; key: SearchKey }[];
  merged: { key: SearchKey; members: PatientSearch[] }[];
}

function asPatientSearch(key: SearchKey, index: number): PatientSearch | undefined {
  if (key.segments.length !== 1) return undefined;
  const targets = key.params.filter(([name]) => PATIENT_PARAMS.has(name));
  const count = Number(key.params.find(([name]) => name === '_count')?.[1]);
  if (targets.length !== 1 || !Number.isInteger(count) || count < 1 || count >= MAX_COUNT) return undefined;
  if (key.params.some(([name]) => name === '_page_token' || name === '_summary' || name === '_elements')) return undefined;
  const [param, value] = targets[0]!;
  const patient = PATIENT_REFERENCE.exec(value)?.[1];
  return patient === undefined ? undefined : { index, key, param, patient, count };
}

/**
 * Groups the searches of one batch that differ only in which patient they are about (e.g. 20
 * patients' 5 latest blood pressures). A group becomes one search with `subject=Patient/a,Patient/b,…`
 * and `_count=1000`; `splitMerged` hands each member its own page back. Everything else stays a
 * search of its own.
 */
export function planPatientSearches(keys: readonly SearchKey[]): SearchPlan {
  const single: SearchPlan['single'] = [];
  const searches: PatientSearch[] = [];
  keys.forEach((key, index) => {
    const search = asPatientSearch(key, index);
    if (search === undefined) single.push({ index, key });
    else searches.push(search);
  });
  // Searches of one shape are the same search but for the patient they name.
  const groups = groupBy(searches, ({ key, param }) =>
    JSON.stringify([key.store, key.segments, key.params.map(([name, value]) => (name === param ? [name] : [name, value]))]));
  const merged: SearchPlan['merged'] = [];
  for (const members of groups.values()) {
    if (members.length === 1) {
      single.push({ index: members[0]!.index, key: members[0]!.key });
      continue;
    }
    for (const part of chunk(members, MAX_IDS_PER_SEARCH)) {
      const { key, param } = part[0]!;
      const params = key.params.map(([name, value]): [string, string] => {
        if (name === param) return [name, part.map((member) => `Patient/${member.patient}`).join(',')];
        return name === '_count' ? [name, String(MAX_COUNT)] : [name, value];
      });
      merged.push({ key: { ...key, params }, members: part });
    }
  }
  return { single, merged };
}

/** The patient id a match's reference element points at, if it is a plain `Patient/{id}` reference. */
function referencedPatient(entry: BundleEntry, param: string): string | undefined {
  const reference = (entry.resource?.[param] as { reference?: unknown } | undefined)?.reference;
  return typeof reference === 'string' ? PATIENT_REFERENCE.exec(reference.replace(/\/_history\/[^/]*$/, ''))?.[1] : undefined;
}

/**
 * Each member's page out of a merged search, or undefined for members that need their own search.
 *
 * A member's page is exact when the merged search returned everything (no next link), or when the
 * search is sorted and the member has more matches than it asked for: later merged pages only hold
 * matches that sort after these. A member's page then carries one match more than its `_count`, which
 * is how the pager knows there is a next page; continuing from it re-runs the member's own search.
 * Matches that cannot be given to one member (another reference form) make the whole group fall back.
 */
export function splitMerged(bundle: Bundle, members: readonly PatientSearch[]): (Bundle | undefined)[] {
  const param = members[0]!.param;
  const complete = !(bundle.link ?? []).some((link) => link.relation === 'next');
  const sorted = members[0]!.key.params.some(([name]) => name === '_sort');
  const byPatient = new Map<string, BundleEntry[]>(members.map((member) => [member.patient, []]));
  // `_include`d resources primed the by-id loader when the merged page arrived; pages need matches only.
  for (const entry of bundle.entry ?? []) {
    if ((entry.search?.mode ?? 'match') !== 'match') continue;
    const matches = byPatient.get(referencedPatient(entry, param) ?? '');
    if (matches === undefined) return members.map(() => undefined);
    matches.push(entry);
  }
  return members.map((member) => {
    const matches = byPatient.get(member.patient)!;
    if (complete) {
      return { resourceType: 'Bundle', type: 'searchset', total: matches.length, entry: matches.slice(0, member.count + 1) };
    }
    if (sorted && matches.length > member.count) {
      return { resourceType: 'Bundle', type: 'searchset', entry: matches.slice(0, member.count + 1) };
    }
    return undefined;
  });
}
