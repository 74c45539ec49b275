import { fetchData } from './client';
import { PatientSearchQuery } from './documents';
import { byId, date, h, separated } from './dom';
import type { DemoPatientSearchQuery, PatientFilter } from './gql/graphql';

type PatientPage = NonNullable<DemoPatientSearchQuery['fhirStore']>['patients'];

/** Small pages, so that "load more" shows up even in the demo cohort. */
const PAGE_SIZE = 10;

/**
 * The search form's fields as the graph's `PatientFilter`: a blank text field or "Any" filters
 * nothing. The vital status is a tri-state (any, living, deceased), so `deceased` is null, false
 * or true.
 */
export function filterOf(form: HTMLFormElement): PatientFilter {
  const data = new FormData(form);
  const field = (name: string): string | null => String(data.get(name) ?? '').trim() || null;
  const deceased = field('deceased');
  return { name: field('name'), city: field('city'), language: field('language'), deceased: deceased === null ? null : deceased === 'true' };
}

/**
 * The patient search: filters over one FHIR store, shown a page at a time. "Load more" asks for
 * the page after the last `endCursor` and appends it.
 */
export function patientSearch(store: () => string, chartLink: (patientId: string) => string) {
  const list = byId('patients', HTMLUListElement);
  const status = byId('search-status', HTMLParagraphElement);
  const loadMore = byId('load-more', HTMLButtonElement);
  let filter: PatientFilter = {};
  let endCursor: string | null = null;
  let shown = 0;
  // A newer search wins over the pages of an older one still on the way.
  let generation = 0;

  async function load(after: string | null): Promise<void> {
    const current = ++generation;
    loadMore.disabled = true;
    status.className = '';
    status.textContent = after ? 'Loading more patients…' : 'Searching…';
    let page: PatientPage;
    try {
      const data = await fetchData(PatientSearchQuery, { store: store(), filter, first: PAGE_SIZE, after });
      if (!data.fhirStore) throw new Error('The FHIR store was not found');
      page = data.fhirStore.patients;
    } catch (error) {
      if (current !== generation) return;
      status.className = 'error';
      status.textContent = `Search failed: ${(error as Error).message}`;
      loadMore.disabled = false;
      return;
    }
    if (current !== generation) return;
    const items = page.nodes.map((patient) => h('li', {},
      h('a', { href: chartLink(patient.id) }, patient.displayName ?? 'Unnamed patient'),
      h('p', { className: 'meta' }, ...separated(
        patient.mrn,
        patient.gender,
        patient.birthDate && h('span', { className: 'nowrap' }, 'born ', date(patient.birthDate)),
        patient.addresses[0]?.city,
        patient.deceased && 'deceased',
      )),
    ));
    if (after) list.append(...items);
    else list.replaceChildren(...items);
    shown = after ? shown + items.length : items.length;
    endCursor = page.pageInfo.endCursor;
    loadMore.hidden = !page.pageInfo.hasNextPage;
    loadMore.disabled = false;
    status.textContent = shown === 0 ? 'No patient matches.'
      : page.totalCount === null ? `Showing ${shown} patients.` : `Showing ${shown} of ${page.totalCount} patients.`;
    // The "Load more" button may have just disappeared under the keyboard focus: keep it in the list.
    if (after) items[0]?.querySelector('a')?.focus();
  }

  loadMore.addEventListener('click', () => void load(endCursor));

  return {
    /** Starts a new search; an empty filter lists every patient. */
    search(newFilter: PatientFilter): Promise<void> {
      filter = newFilter;
      return load(null);
    },
  };
}
