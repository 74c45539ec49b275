import { closeChart, showChart } from './chart';
import { closeFeed, showFeed } from './feed';
import { fetchData } from './client';
import { FhirStoresQuery } from './documents';
import { byId, h } from './dom';
import { filterOf, patientSearch } from './search';

/**
 * The demo app: `#` is the patient search, `#patient/<global id>` a patient's chart, `#hl7v2` the
 * live HL7v2 feed. The search stays in the page while a chart is open, so "back" returns to it as it
 * was. A chart and the feed are live while they are on screen.
 */
const searchSection = byId('search', HTMLElement);
const chartSection = byId('chart', HTMLElement);
const feedSection = byId('feed', HTMLElement);
const form = byId('search-form', HTMLFormElement);
const storeSelect = byId('store', HTMLSelectElement);
const CHART = '#patient/';
const FEED = '#hl7v2';

const search = patientSearch(() => storeSelect.value, (id) => `${CHART}${id}`);

const searchForm = (): Promise<void> => search.search(filterOf(form));
form.addEventListener('submit', (event) => {
  event.preventDefault();
  void searchForm();
});
// A pick from a list (store, vital status, language) searches at once; text fields on Enter or Search.
form.addEventListener('change', (event) => {
  if (event.target instanceof HTMLSelectElement) void searchForm();
});

let lastChart = '';
function route(): void {
  const onChart = location.hash.startsWith(CHART);
  const onFeed = location.hash === FEED;
  searchSection.hidden = onChart || onFeed;
  chartSection.hidden = !onChart;
  feedSection.hidden = !onFeed;
  if (!onChart) closeChart();
  if (!onFeed) closeFeed();
  if (onFeed) {
    void showFeed(feedSection);
    return;
  }
  if (onChart) {
    lastChart = location.hash;
    void showChart(chartSection, decodeURIComponent(location.hash.slice(CHART.length)));
    return;
  }
  document.title = 'Healthcare Graph demo';
  // Back from a chart: the keyboard focus returns to that patient's link.
  searchSection.querySelector<HTMLAnchorElement>(`a[href="${CSS.escape(lastChart)}"]`)?.focus();
}
window.addEventListener('hashchange', route);

async function start(): Promise<void> {
  // A chart opened by its link needs no store list.
  route();
  try {
    const { datasets } = await fetchData(FhirStoresQuery, {});
    const stores = datasets.nodes.flatMap((dataset) => dataset.fhirStores.nodes.map((store) => ({ ...store, datasetId: dataset.datasetId })));
    if (stores.length === 0) throw new Error('no FHIR store is visible to this server');
    storeSelect.replaceChildren(...stores.map((store) => h('option', { value: store.name }, `${store.datasetId} / ${store.storeId}`)));
  } catch (error) {
    const status = byId('search-status', HTMLParagraphElement);
    status.className = 'error';
    status.textContent = `Cannot search: ${(error as Error).message}`;
    return;
  }
  await searchForm();
}

void start();
