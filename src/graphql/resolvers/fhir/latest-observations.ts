/**
 * `Patient.latestObservations`: the newest `max` observations per code, as FHIR's
 * `Observation/$lastn` defines it. Google's v1 API has no `$lastn`, so it is a search sorted newest
 * first, grouped by code. The first search asks for about as many as the answer needs and goes
 * through the search loader, so the patients of a page share one merged search. Named codes that
 * page leaves short are asked for alone (again one search for the patients missing the same codes);
 * only what that cannot settle, or a category without named codes, reads on through the patient's
 * own search.
 */
import { badUserInput, graphQLError } from '../../../errors.js';
import { bundleMatches, nextPageSearch, pageBundle, type Bundle, type FhirResource } from '../../../healthcare/fhir.js';
import type { PatientResolvers } from '../../../generated/graphql.js';
import type { RequestContext } from '../../context.js';
import type { FhirResourceModel } from '../../models.js';
import { searchParam } from './lists.js';
import { storeOf, toModel } from './model.js';

const MAX_PER_CODE = 10;
const MAX_CODES = 50;
/** Codes a category is guessed to hold when none are named (vital signs are about 8). */
const CODES_GUESS = 10;
/** FHIR's largest page, for a patient who reads on. */
const FULL_PAGE = 1000;
/** Pages one patient may read on: 10,000 observations of one category is not a chart any more. */
const MAX_PAGES = 10;

interface Coding {
  system?: unknown;
  code?: unknown;
}

/** Whether a coding matches a token `code`, `system|code`, `|code` (no system) or `system|`. */
function matchesToken(coding: Coding, token: string): boolean {
  const bar = token.indexOf('|');
  if (bar === -1) return coding.code === token;
  const [system, code] = [token.slice(0, bar), token.slice(bar + 1)];
  const systemMatches = system === '' ? coding.system === undefined : coding.system === system;
  return systemMatches && (code === '' || coding.code === code);
}

const codingsOf = (resource: FhirResource): Coding[] => {
  const coding = (resource.code as { coding?: unknown } | undefined)?.coding;
  return Array.isArray(coding) ? coding.filter((entry): entry is Coding => typeof entry === 'object' && entry !== null) : [];
};

/** The code an observation is counted under: the first named code it carries, or its first coding. */
function codeKey(resource: FhirResource, codes: readonly string[] | undefined): string | undefined {
  const codings = codingsOf(resource);
  if (codes) return codes.find((token) => codings.some((coding) => matchesToken(coding, token)));
  const [first] = codings;
  return first === undefined || typeof first.code !== 'string' ? undefined : `${typeof first.system === 'string' ? first.system : ''}|${first.code}`;
}

/** Observations grouped by code, newest first within each (the search is sorted). */
class PerCode {
  readonly groups = new Map<string, FhirResource[]>();

  constructor(private readonly codes: readonly string[] | undefined, private readonly max: number) {
    for (const code of codes ?? []) this.groups.set(code, []);
  }

  add(resources: FhirResource[]): void {
    for (const resource of resources) {
      const key = codeKey(resource, this.codes);
      if (key === undefined) continue;
      const group = this.groups.get(key) ?? [];
      if (group.length < this.max) group.push(resource);
      this.groups.set(key, group);
    }
  }

  /** Named codes that have fewer than `max` observations so far. */
  get missing(): string[] {
    return [...this.groups].filter(([, group]) => group.length < this.max).map(([code]) => code);
  }

  /** Every named code has its `max` (without named codes, only the end of the list settles it). */
  get full(): boolean {
    return this.codes !== undefined && [...this.groups.values()].every((group) => group.length >= this.max);
  }

  get answer(): FhirResource[] {
    return [...this.groups.values()].flat();
  }
}

/** Whether a page is the end of its list: no next link, and (a page cut from a merged search) no match beyond its `_count`. */
const isLast = (bundle: Bundle, count: number) => !(bundle.link ?? []).some((link) => link.relation === 'next') && bundleMatches(bundle).length <= count;

function checkArguments(category: string | null | undefined, codes: readonly string[] | null | undefined, max: number | null | undefined) {
  const perCode = max ?? 1;
  if (!Number.isInteger(perCode) || perCode < 1 || perCode > MAX_PER_CODE) throw badUserInput(`max must be between 1 and ${MAX_PER_CODE}`);
  if (!category && !codes?.length) throw badUserInput('Pass codes, a category, or both');
  if (codes && codes.length > MAX_CODES) throw badUserInput(`codes may name at most ${MAX_CODES} codes`);
  const unique = codes?.length ? [...new Set(codes.map((code) => searchParam('code', code)[1]))] : undefined;
  const filters: [string, string][] = category ? [searchParam('category', category)] : [];
  return { perCode, codes: unique, filters };
}

async function latestObservations(
  patient: FhirResourceModel,
  args: { category?: string | null; codes?: readonly string[] | null; max?: number | null },
  context: RequestContext,
): Promise<FhirResourceModel[]> {
  const { perCode, codes, filters } = checkArguments(args.category, args.codes, args.max);
  const store = storeOf(patient, context);
  const search = (codeFilter: string[] | undefined, count: number) => {
    const params: [string, string][] = [['subject', `Patient/${patient.resource.id}`], ...filters];
    if (codeFilter) params.push(['code', codeFilter.map(escapeToken).join(',')]);
    return context.loaders.fhir.search.load({ store, segments: ['Observation'], params: [...params, ['_sort', '-date'], ['_count', String(Math.min(count, FULL_PAGE - 1))]] });
  };
  const groups = new PerCode(codes, perCode);
  const count = perCode * (codes?.length ?? CODES_GUESS);
  const first = await search(codes, count);
  groups.add(bundleMatches(first));
  if (isLast(first, count) || groups.full) return models(patient, groups);

  if (codes) {
    // The newest matches can leave out a code that is rarer (or absent): ask for those codes alone.
    // Patients of a page that miss the same codes share this search too.
    const missing = groups.missing;
    const more = await search(missing, perCode * missing.length);
    groups.add(bundleMatches(more));
    if (isLast(more, perCode * missing.length) || groups.full) return models(patient, groups);
  }

  // Read on through the patient's own search, from its start: a merged page has no next link of its own.
  const all = new PerCode(codes, perCode);
  let page = await search(codes, FULL_PAGE);
  for (let pages = 1; ; pages++) {
    all.add(bundleMatches(page));
    const next = nextPageSearch(page, context.client.apiUrl, store, ['Observation']);
    if (next === undefined || all.full) return models(patient, all);
    if (pages === MAX_PAGES) throw graphQLError('QUERY_TOO_COMPLEX', `The patient has more than ${MAX_PAGES * FULL_PAGE} such observations: name the codes`);
    page = await pageBundle(context.client, store, ['Observation'], next);
  }
}

const models = (patient: FhirResourceModel, groups: PerCode) => groups.answer.map((resource) => toModel(patient.store, resource));

/** FHIR search escaping inside one value of an OR list: `\`, `,` and `$` (a token's `|` stays). */
const escapeToken = (token: string) => token.replace(/[\\,$]/g, (character) => `\\${character}`);

export const latestObservationResolvers: Pick<PatientResolvers, 'latestObservations'> = {
  latestObservations,
};
