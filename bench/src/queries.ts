/**
 * The benchmark's queries: each as a GraphQL operation (for `graph`, `naive`) and as a hand-written
 * REST plan (for `rest-optimal`, `rest-sequential`) that fetches the same data with the fewest
 * calls a careful client can make against the Cloud Healthcare API. Both sides reduce their answer
 * to the same canonical form, so every run checks that the systems really fetched the same data.
 */
import {
  DEMO_DICOM_STORE, DEMO_FHIR_STORE, dicomText, dicomValues, includesOf, isoFromDicomDate, matchesOf, mrnOf, referencesOf,
  type Bundle, type DicomJson, type FhirResource, type RestClient,
} from './rest.js';

export const QUERY_NAMES = ['patient-list', 'patient-chart', 'cohort-vitals', 'study-browser', 'dataset-overview', 'trivial'] as const;
export type QueryName = (typeof QUERY_NAMES)[number];

export const SYSTEM_NAMES = ['graph', 'naive', 'bff', 'rest-optimal', 'rest-sequential', 'bare-http'] as const;
export type SystemName = (typeof SYSTEM_NAMES)[number];

/** The patient of `patient-chart`: the first demo patient has a long record and imaging. */
export const CHART_PATIENT = 'pat-000001';
export const BLOOD_PRESSURE = 'http://loinc.org|85354-9';

const T = {
  StudyDate: '00080020', StudyTime: '00080030', StudyDescription: '00081030', SeriesDescription: '0008103E', Modality: '00080060',
  ModalitiesInStudy: '00080061', SOPInstanceUID: '00080018', PatientName: '00100010', StudyInstanceUID: '0020000D',
  SeriesInstanceUID: '0020000E', SeriesNumber: '00200011',
} as const;

/** QIDO `includefield`s. */
const include = (...tags: string[]): [string, string][] => tags.map((tag) => ['includefield', tag]);

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each query has its own answer shape
export interface BenchQuery<Raw = any> {
  name: QueryName;
  /** What the query fetches, for the report. */
  description: string;
  graphql: { query: string; variables: Record<string, unknown> };
  /** The REST plan, one line per wave, for the report. */
  restPlan: string[];
  /** Makes the REST plan's calls (rest-optimal, rest-sequential and the bff's endpoint) and returns their answers. */
  fetchRest(client: RestClient): Promise<Raw>;
  /** The canonical data of the REST plan's answers. */
  restCanonical(raw: Raw): unknown;
  /** The canonical data of a GraphQL answer's `data` (graph, naive, bare-http). */
  fromGraph(data: unknown): unknown;
  systems: readonly SystemName[];
}

// GraphQL answers are loosely typed JSON; the canonical forms below pick what both sides must agree on.
/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = any;

/** The runner's view of a query: its REST answers stay opaque between `fetchRest` and their readers. */
export async function restCanonicalOf(query: BenchQuery, client: RestClient): Promise<unknown> {
  return query.restCanonical(await query.fetchRest(client));
}

const EVERY_QUERY_SYSTEMS = ['graph', 'naive', 'bff', 'rest-optimal', 'rest-sequential'] as const;

const patientList: BenchQuery<Bundle> = {
  name: 'patient-list',
  description: '20 patients with name, MRN, general practitioner and managing organization',
  graphql: {
    query: `query PatientList($store: String!) {
  fhirStore(name: $store) {
    patients(first: 20) {
      nodes {
        resourceId displayName mrn
        generalPractitioners { resourceId displayName }
        managingOrganization { resourceId name }
      }
    }
  }
}`,
    variables: { store: DEMO_FHIR_STORE },
  },
  restPlan: ['GET Patient?_count=20&_include=Patient:general-practitioner&_include=Patient:organization'],
  fetchRest: (client) => client.fhir<Bundle>('Patient', [['_count', '20'], ['_include', 'Patient:general-practitioner'], ['_include', 'Patient:organization']]),
  restCanonical(bundle) {
    const included = includesOf(bundle);
    return matchesOf(bundle).map((patient) => ({
      id: patient.id,
      mrn: mrnOf(patient),
      practitioners: referencesOf(patient.generalPractitioner).flatMap((ref) => included.get(ref)?.id ?? []),
      organization: included.get(referencesOf(patient.managingOrganization)[0] ?? '')?.id ?? null,
    }));
  },
  fromGraph: (data: Json) => data.fhirStore.patients.nodes.map((node: Json) => ({
    id: node.resourceId,
    mrn: node.mrn,
    practitioners: node.generalPractitioners.map((practitioner: Json) => practitioner.resourceId),
    organization: node.managingOrganization?.resourceId ?? null,
  })),
  systems: EVERY_QUERY_SYSTEMS,
};

interface ChartStudy {
  uid: string;
  date: string | null;
  description: string | null;
  modalities: string[];
  series: { uid: string; number: string | null; modality: string | null; description: string | null }[];
}

const byUid = (a: { uid: string }, b: { uid: string }) => a.uid.localeCompare(b.uid);

/** The REST answers of the patient chart. */
export interface ChartAnswers {
  patient: FhirResource;
  observations: Bundle;
  conditions: Bundle;
  encounters: Bundle;
  /** The patient's series (QIDO rows with their study's attributes). */
  seriesRows: DicomJson[];
}

/**
 * A patient's studies grouped from its series rows, newest first (StudyDate and StudyTime), at most
 * 10 with 20 series each: what the chart shows.
 */
export function chartStudies(rows: readonly DicomJson[]): { uid: string; first: DicomJson; modalities: string[]; series: DicomJson[] }[] {
  const studies = new Map<string, { uid: string; first: DicomJson; modalities: string[]; series: DicomJson[] }>();
  for (const row of rows) {
    const uid = dicomText(row, T.StudyInstanceUID) ?? '';
    let study = studies.get(uid);
    if (study === undefined) {
      study = { uid, first: row, modalities: [], series: [] };
      studies.set(uid, study);
    }
    const modality = dicomText(row, T.Modality);
    if (modality !== null && !study.modalities.includes(modality)) study.modalities.push(modality);
    if (study.series.length < 20) study.series.push(row);
  }
  const sortKey = (study: { first: DicomJson }) => `${dicomText(study.first, T.StudyDate) ?? ''}${dicomText(study.first, T.StudyTime) ?? ''}`;
  return [...studies.values()].sort((a, b) => sortKey(b).localeCompare(sortKey(a))).slice(0, 10);
}

const patientChart: BenchQuery<ChartAnswers> = {
  name: 'patient-chart',
  description: 'one patient with 10 latest observations, active conditions, 5 encounters with their service provider, and imaging studies with series',
  graphql: {
    query: `query PatientChart($store: String!, $id: String!) {
  fhirStore(name: $store) {
    patient(id: $id) {
      resourceId displayName mrn birthDate
      observations(first: 10) { nodes { resourceId code { display } valueDisplay effectiveDateTime } }
      conditions(clinicalStatus: "active", first: 20) { nodes { resourceId code { display } onsetDateTime } }
      encounters(first: 5) { nodes { resourceId start class { code } serviceProvider { resourceId name } } }
      imagingStudies(first: 10) {
        nodes {
          studyInstanceUid studyDate description modalities
          series(first: 20) { nodes { seriesInstanceUid seriesNumber modality description } }
        }
      }
    }
  }
}`,
    variables: { store: DEMO_FHIR_STORE, id: CHART_PATIENT },
  },
  restPlan: [
    `GET Patient/${CHART_PATIENT} ∥ Observation?subject=…&_sort=-date&_count=10 ∥ Condition?subject=…&clinical-status=active&_sort=-onset-date&_count=20 ∥ Encounter?subject=…&_sort=-date&_count=5&_include=Encounter:service-provider`,
    'QIDO series?PatientID={MRN}&includefield=StudyDate,StudyTime,StudyDescription,SeriesNumber,SeriesDescription (studies and their series in one search, grouped client-side)',
  ],
  async fetchRest(client) {
    const subject: [string, string] = ['subject', `Patient/${CHART_PATIENT}`];
    const [patient, observations, conditions, encounters] = await client.all([
      () => client.fhir<FhirResource>(`Patient/${CHART_PATIENT}`),
      () => client.fhir<Bundle>('Observation', [subject, ['_sort', '-date'], ['_count', '10']]),
      () => client.fhir<Bundle>('Condition', [subject, ['clinical-status', 'active'], ['_sort', '-onset-date'], ['_count', '20']]),
      () => client.fhir<Bundle>('Encounter', [subject, ['_sort', '-date'], ['_count', '5'], ['_include', 'Encounter:service-provider']]),
    ] as const);
    const mrn = mrnOf(patient);
    const seriesRows = mrn === null ? [] : await client.qido('series', [['PatientID', mrn], ...include(T.StudyDate, T.StudyTime, T.StudyDescription, T.SeriesNumber, T.SeriesDescription)]);
    return { patient, observations, conditions, encounters, seriesRows };
  },
  restCanonical({ patient, observations, conditions, encounters, seriesRows }) {
    const organizations = includesOf(encounters);
    return {
      id: patient.id,
      mrn: mrnOf(patient),
      observations: matchesOf(observations).map((resource) => resource.id),
      conditions: matchesOf(conditions).map((resource) => resource.id),
      encounters: matchesOf(encounters).map((encounter) => ({ id: encounter.id, serviceProvider: organizations.get(referencesOf(encounter.serviceProvider)[0] ?? '')?.id ?? null })),
      studies: chartStudies(seriesRows).map((study): ChartStudy => ({
        uid: study.uid,
        date: isoFromDicomDate(dicomText(study.first, T.StudyDate)),
        description: dicomText(study.first, T.StudyDescription),
        modalities: [...study.modalities].sort(),
        series: study.series.map((row) => ({ uid: dicomText(row, T.SeriesInstanceUID) ?? '', number: dicomText(row, T.SeriesNumber), modality: dicomText(row, T.Modality), description: dicomText(row, T.SeriesDescription) })),
      })).sort(byUid),
    };
  },
  fromGraph: (data: Json) => {
    const patient = data.fhirStore.patient;
    return {
      id: patient.resourceId,
      mrn: patient.mrn,
      observations: patient.observations.nodes.map((node: Json) => node.resourceId),
      conditions: patient.conditions.nodes.map((node: Json) => node.resourceId),
      encounters: patient.encounters.nodes.map((node: Json) => ({ id: node.resourceId, serviceProvider: node.serviceProvider?.resourceId ?? null })),
      studies: patient.imagingStudies.nodes.map((study: Json): ChartStudy => ({
        uid: study.studyInstanceUid,
        date: study.studyDate,
        description: study.description,
        modalities: [...study.modalities].sort(),
        series: study.series.nodes.map((series: Json) => ({
          uid: series.seriesInstanceUid,
          number: series.seriesNumber === null ? null : String(series.seriesNumber),
          modality: series.modality,
          description: series.description,
        })),
      })).sort(byUid),
    };
  },
  systems: EVERY_QUERY_SYSTEMS,
};

/** The REST answers of cohort vitals: the patients, and their blood pressures newest first. */
export interface VitalsAnswers {
  patients: FhirResource[];
  observations: FhirResource[];
}

/** The first `count` observations of each subject (`Patient/id`), in the given (newest first) order. */
export function newestPerPatient(observations: readonly FhirResource[], count: number): Map<string, FhirResource[]> {
  const bySubject = new Map<string, FhirResource[]>();
  for (const observation of observations) {
    const subject = referencesOf(observation.subject)[0] ?? '';
    const list = bySubject.get(subject) ?? [];
    if (list.length < count) list.push(observation);
    bySubject.set(subject, list);
  }
  return bySubject;
}

const cohortVitals: BenchQuery<VitalsAnswers> = {
  name: 'cohort-vitals',
  description: '20 patients × their 5 latest blood-pressure observations (LOINC 85354-9)',
  graphql: {
    query: `query CohortVitals($store: String!, $code: String!) {
  fhirStore(name: $store) {
    patients(first: 20) {
      nodes {
        resourceId displayName
        observations(code: $code, first: 5) { nodes { resourceId effectiveDateTime valueDisplay } }
      }
    }
  }
}`,
    variables: { store: DEMO_FHIR_STORE, code: BLOOD_PRESSURE },
  },
  restPlan: [
    'GET Patient?_count=20',
    `GET Observation?subject=Patient/a,Patient/b,…(20)&code=${BLOOD_PRESSURE}&_sort=-date&_count=1000 (+ next pages if any), 5 newest per patient kept client-side`,
  ],
  async fetchRest(client) {
    const patients = matchesOf(await client.fhir<Bundle>('Patient', [['_count', '20']]));
    const observations = patients.length === 0 ? [] : await client.fhirAllPages('Observation', [
      ['subject', patients.map((patient) => `Patient/${patient.id}`).join(',')],
      ['code', BLOOD_PRESSURE],
      ['_sort', '-date'],
      ['_count', '1000'],
    ]);
    return { patients, observations };
  },
  restCanonical: ({ patients, observations }) => {
    const newest = newestPerPatient(observations, 5);
    return patients.map((patient) => ({ id: patient.id, observations: (newest.get(`Patient/${patient.id}`) ?? []).map((observation) => observation.id) }));
  },
  fromGraph: (data: Json) => data.fhirStore.patients.nodes.map((node: Json) => ({
    id: node.resourceId,
    observations: node.observations.nodes.map((observation: Json) => observation.resourceId),
  })),
  systems: EVERY_QUERY_SYSTEMS,
};

/** The REST answers of the study browser: 25 studies, and each study's instances. */
export interface StudyBrowserAnswers {
  studies: DicomJson[];
  instances: DicomJson[][];
}

/** One row per series (its first instance), in the order the series first appear, at most 20 (the graph's default page). */
export function firstInstancePerSeries(rows: readonly DicomJson[]): DicomJson[] {
  const series = new Map<string, DicomJson>();
  for (const row of rows) {
    const uid = dicomText(row, T.SeriesInstanceUID) ?? '';
    if (!series.has(uid)) series.set(uid, row);
  }
  return [...series.values()].slice(0, 20);
}

const studyBrowser: BenchQuery<StudyBrowserAnswers> = {
  name: 'study-browser',
  description: "25 studies with their series and the first instance's renderedUrl per series",
  graphql: {
    query: `query StudyBrowser($store: String!) {
  dicomStore(name: $store) {
    studies(first: 25) {
      nodes {
        studyInstanceUid studyDate description patientName modalities
        series { nodes { seriesInstanceUid modality description instances(first: 1) { nodes { sopInstanceUid renderedUrl } } } }
      }
    }
  }
}`,
    variables: { store: DEMO_DICOM_STORE },
  },
  restPlan: [
    'QIDO studies?limit=25&includefield=StudyDescription,ModalitiesInStudy',
    'QIDO studies/{uid}/instances?includefield=Modality,SeriesDescription per study (25 in parallel): series and their first instance grouped client-side; renderedUrl built from the UIDs',
  ],
  async fetchRest(client) {
    const studies = await client.qido('studies', [['limit', '25'], ...include(T.StudyDescription, T.ModalitiesInStudy)]);
    const instances = await client.all(studies.map((study) => () =>
      client.qido(`studies/${dicomText(study, T.StudyInstanceUID)}/instances`, include(T.Modality, T.SeriesDescription))));
    return { studies, instances };
  },
  restCanonical: ({ studies, instances }) => studies.map((study, index) => ({
    uid: dicomText(study, T.StudyInstanceUID) ?? '',
    date: isoFromDicomDate(dicomText(study, T.StudyDate)),
    description: dicomText(study, T.StudyDescription),
    patientName: dicomText(study, T.PatientName),
    modalities: dicomValues(study, T.ModalitiesInStudy).sort(),
    series: firstInstancePerSeries(instances[index] ?? []).map((row) => ({
      uid: dicomText(row, T.SeriesInstanceUID) ?? '',
      modality: dicomText(row, T.Modality),
      description: dicomText(row, T.SeriesDescription),
      firstInstance: dicomText(row, T.SOPInstanceUID),
    })),
  })),
  fromGraph: (data: Json) => data.dicomStore.studies.nodes.map((study: Json) => ({
    uid: study.studyInstanceUid,
    date: study.studyDate,
    description: study.description,
    patientName: study.patientName,
    modalities: [...study.modalities].sort(),
    series: study.series.nodes.map((series: Json) => ({
      uid: series.seriesInstanceUid,
      modality: series.modality,
      description: series.description,
      firstInstance: series.instances.nodes[0]?.sopInstanceUid ?? null,
    })),
  })),
  systems: EVERY_QUERY_SYSTEMS,
};

interface AdminStore {
  name: string;
}

export interface FhirStoreMetrics {
  metrics?: { resourceType: string; count?: string }[];
}

export interface DicomStoreMetrics {
  studyCount?: string;
  seriesCount?: string;
  instanceCount?: string;
}

/** The REST answers of the dataset overview, per dataset: its stores and their metrics. */
export interface DatasetAnswers {
  name: string;
  fhir: { name: string; metrics: FhirStoreMetrics }[];
  dicom: { name: string; metrics: DicomStoreMetrics }[];
}

const datasetOverview: BenchQuery<DatasetAnswers[]> = {
  name: 'dataset-overview',
  description: 'all datasets → their FHIR and DICOM stores → each store\'s metrics',
  graphql: {
    query: `query DatasetOverview {
  datasets {
    nodes {
      name
      fhirStores { nodes { name metrics { resourceType count } } }
      dicomStores { nodes { name metrics { studyCount seriesCount instanceCount } } }
    }
  }
}`,
    variables: {},
  },
  restPlan: [
    'GET datasets',
    'GET {dataset}/fhirStores ∥ {dataset}/dicomStores per dataset',
    'GET {store}:getFHIRStoreMetrics / :getDICOMStoreMetrics per store',
  ],
  async fetchRest(client) {
    const list = await client.admin<{ datasets?: AdminStore[] }>('projects/demo/locations/us-central1/datasets');
    return client.all((list.datasets ?? []).map((dataset) => async (): Promise<DatasetAnswers> => {
      const [fhirList, dicomList] = await client.all([
        () => client.admin<{ fhirStores?: AdminStore[] }>(`${dataset.name}/fhirStores`),
        () => client.admin<{ dicomStores?: AdminStore[] }>(`${dataset.name}/dicomStores`),
      ] as const);
      const [fhir, dicom] = await client.all([
        () => client.all((fhirList.fhirStores ?? []).map((store) => async () =>
          ({ name: store.name, metrics: await client.admin<FhirStoreMetrics>(`${store.name}:getFHIRStoreMetrics`) }))),
        () => client.all((dicomList.dicomStores ?? []).map((store) => async () =>
          ({ name: store.name, metrics: await client.admin<DicomStoreMetrics>(`${store.name}:getDICOMStoreMetrics`) }))),
      ] as const);
      return { name: dataset.name, fhir, dicom };
    }));
  },
  restCanonical: (datasets) => datasets.map((dataset) => ({
    name: dataset.name,
    fhir: dataset.fhir.map((store) => ({ name: store.name, metrics: (store.metrics.metrics ?? []).map((metric) => [metric.resourceType, Number(metric.count ?? 0)]).sort() })),
    dicom: dataset.dicom.map(({ name, metrics }) => ({ name, counts: [Number(metrics.studyCount ?? 0), Number(metrics.seriesCount ?? 0), Number(metrics.instanceCount ?? 0)] })),
  })),
  fromGraph: (data: Json) => data.datasets.nodes.map((dataset: Json) => ({
    name: dataset.name,
    fhir: dataset.fhirStores.nodes.map((store: Json) => ({
      name: store.name,
      metrics: store.metrics.map((metric: Json) => [metric.resourceType, metric.count]).sort(),
    })),
    dicom: dataset.dicomStores.nodes.map((store: Json) => ({
      name: store.name,
      counts: [store.metrics.studyCount, store.metrics.seriesCount, store.metrics.instanceCount],
    })),
  })),
  systems: EVERY_QUERY_SYSTEMS,
};

const trivial: BenchQuery<{ name: string }> = {
  name: 'trivial',
  description: 'one dataset\'s name: `{ dataset(id: "demo") { name } }` (one upstream call; measures the server\'s own overhead)',
  graphql: { query: '{ dataset(id: "demo") { name } }', variables: {} },
  restPlan: ['GET projects/demo/locations/us-central1/datasets/demo'],
  fetchRest: (client) => client.admin<{ name: string }>('projects/demo/locations/us-central1/datasets/demo'),
  restCanonical: (dataset) => ({ name: dataset.name }),
  fromGraph: (data: Json) => ({ name: data.dataset?.name ?? null }),
  systems: [...EVERY_QUERY_SYSTEMS, 'bare-http'],
};
/* eslint-enable @typescript-eslint/no-explicit-any */

export const QUERIES: Readonly<Record<QueryName, BenchQuery>> = {
  'patient-list': patientList,
  'patient-chart': patientChart,
  'cohort-vitals': cohortVitals,
  'study-browser': studyBrowser,
  'dataset-overview': datasetOverview,
  trivial,
};

/** Where two canonical values first differ (a JSON path), or undefined when they are equal. */
export function firstDifference(a: unknown, b: unknown, path = '$'): string | undefined {
  if (Object.is(a, b)) return undefined;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return `${path}: ${JSON.stringify(a)?.slice(0, 80)} ≠ ${JSON.stringify(b)?.slice(0, 80)}`;
  if (Array.isArray(a) !== Array.isArray(b)) return `${path}: array ≠ object`;
  if (Array.isArray(a) && Array.isArray(b) && a.length !== b.length) return `${path}: ${a.length} items ≠ ${b.length} items`;
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  for (const key of keys) {
    const difference = firstDifference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], Array.isArray(a) ? `${path}[${key}]` : `${path}.${key}`);
    if (difference !== undefined) return difference;
  }
  return undefined;
}
