/**
 * The emulator at scale: a fresh emulator process loads a large cohort (FHIR; lite DICOM for every
 * study unless disabled), then answers selective searches one at a time (no latency, no proxy).
 */
import type { ChildModules } from './build.js';
import { loadCohort } from './cohort.js';
import { RpcChild } from './ipc.js';
import { summarizeLatencies } from './stats.js';
import type { ScaleResult, ScaleSearch } from './results.js';
import { BLOOD_PRESSURE } from './queries.js';
import type { UpstreamInfo, UpstreamStats } from './upstream-child.js';
import { DEMO_DICOM_STORE, DEMO_FHIR_STORE } from './rest.js';

const MRN_SYSTEM = 'urn:oid:1.2.36.146.595.217.0.1';
const SEARCH_REQUESTS = 200;
const SEARCH_TIME_LIMIT_MS = 15_000;

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Deterministic patient numbers spread over the cohort. */
function* patientNumbers(patients: number): Generator<number> {
  let state = 12345;
  for (;;) {
    state = (state * 1103515245 + 12345) % 2147483648;
    yield 1 + (state % patients);
  }
}

async function timeSearches(name: string, count: number, request: (n: number) => string, countMatches: (body: unknown) => number, patients: number): Promise<ScaleSearch> {
  const numbers = patientNumbers(patients);
  const latencies: number[] = [];
  const matches: number[] = [];
  const started = performance.now();
  let example = '';
  for (let i = 0; i < count && performance.now() - started < SEARCH_TIME_LIMIT_MS; i += 1) {
    const url = request(numbers.next().value as number);
    if (example === '') example = url.replace(/^https?:\/\/[^/]+\/v1\/projects\/demo\/locations\/us-central1\/datasets\/demo\//, '');
    const t0 = performance.now();
    const response = await fetch(url, { headers: { accept: url.includes('/dicomWeb/') ? 'application/dicom+json' : 'application/fhir+json' } });
    const text = await response.text();
    latencies.push(performance.now() - t0);
    if (!response.ok) throw new Error(`${name}: ${response.status} ${text.slice(0, 200)}`);
    matches.push(countMatches(text === '' ? null : JSON.parse(text)));
  }
  const summary = summarizeLatencies(latencies);
  return {
    name,
    example: decodeURIComponent(example),
    requests: latencies.length,
    p50Ms: summary.p50Ms,
    p95Ms: summary.p95Ms,
    matches: `${Math.min(...matches)}–${Math.max(...matches)}`,
  };
}

export async function runScaleTest(options: { patients: number; dicom: boolean; log: (message: string) => void; modules: ChildModules }): Promise<ScaleResult> {
  const { patients, log } = options;
  const child = await RpcChild.start(options.modules.url('upstream-child'), {
    name: 'scale emulator',
    nodeFlags: ['--expose-gc', '--max-old-space-size=16384'],
  });
  try {
    const info = await child.call<UpstreamInfo>('start');
    const apiUrl = `${info.emulatorUrl}/v1`;
    const before = await child.call<UpstreamStats>('gc');
    let afterFhir: UpstreamStats | undefined;
    let fhirCpuS = 0;
    log(`Scale test: loading ${patients.toLocaleString('en-US')} patients into a fresh emulator (pid ${info.pid})...`);
    const loaded = await loadCohort(apiUrl, {
      patients,
      realImagePatients: 0,
      dicom: options.dicom ? 'one-per-series' : 'none',
      log,
      afterFhir: async () => {
        const stats = await child.call<UpstreamStats>('gc');
        fhirCpuS = (stats.cpuMs - before.cpuMs) / 1000;
        afterFhir = stats;
      },
    });
    const afterAll = await child.call<UpstreamStats>('gc');
    log(`  FHIR ${loaded.fhirResources} resources in ${(loaded.fhirMs / 1000).toFixed(1)} s; DICOM ${loaded.dicomInstances} instances in ${(loaded.dicomMs / 1000).toFixed(1)} s; RSS ${afterAll.rssMb} MB`);

    const fhir = `${apiUrl}/${DEMO_FHIR_STORE}/fhir`;
    const dicom = `${apiUrl}/${DEMO_DICOM_STORE}/dicomWeb`;
    const entries = (body: unknown) => ((body as { entry?: unknown[] } | null)?.entry?.length ?? 0);
    const searches: ScaleSearch[] = [];
    searches.push(await timeSearches('FHIR Patient by MRN', SEARCH_REQUESTS,
      (n) => `${fhir}/Patient?identifier=${encodeURIComponent(`${MRN_SYSTEM}|MRN${pad(n, 7)}`)}`, entries, patients));
    searches.push(await timeSearches('FHIR 5 latest blood pressures of a patient', SEARCH_REQUESTS,
      (n) => `${fhir}/Observation?subject=Patient/pat-${pad(n, 6)}&code=${encodeURIComponent(BLOOD_PRESSURE)}&_sort=-date&_count=5`, entries, patients));
    if (options.dicom) {
      searches.push(await timeSearches('QIDO studies of a patient (PatientID)', SEARCH_REQUESTS,
        (n) => `${dicom}/studies?PatientID=MRN${pad(n, 7)}&includefield=StudyDescription&includefield=ModalitiesInStudy`, (body) => (Array.isArray(body) ? body.length : 0), patients));
      searches.push(await timeSearches('QIDO first 25 studies', 50, () => `${dicom}/studies?limit=25`, (body) => (Array.isArray(body) ? body.length : 0), patients));
    }
    const memory = (stats: UpstreamStats) => ({ rssMb: stats.rssMb, heapUsedMb: stats.heapUsedMb });
    return {
      patients,
      fhirResources: loaded.fhirResources,
      fhirBundles: loaded.fhirBundles,
      fhirLoadS: Number((loaded.fhirMs / 1000).toFixed(2)),
      fhirEmulatorCpuS: Number(fhirCpuS.toFixed(2)),
      dicom: options.dicom ? {
        studies: loaded.studies,
        instances: loaded.dicomInstances,
        loadS: Number((loaded.dicomMs / 1000).toFixed(2)),
        note: 'one lite instance per series: real attributes and UIDs, 16×16 pixels',
      } : null,
      memoryAfterFhir: memory(afterFhir ?? afterAll),
      memoryAfterAll: memory(afterAll),
      searches,
      note: 'Load: transaction Bundles of 500 entries sent one at a time to a fresh emulator; the bench process generates the next Bundle while the emulator stores the previous one, so the wall time is the emulator\'s ingest time unless generation is slower. Searches: one at a time from the bench process straight to the emulator (no proxy, no injected latency), patients picked pseudo-randomly; times include the HTTP round trip on loopback.',
    };
  } finally {
    await child.stop();
  }
}
