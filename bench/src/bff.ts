/**
 * The `bff` system: what a team would write instead of GraphQL, a hand-written Node endpoint per
 * query (`GET /bff/<query>`) that makes the REST client's calls (the same plan as rest-optimal, from
 * the server) and answers the JSON the graph answers for that query, `{"data": …}`. It reuses the
 * graph's pure formatting helpers (display names, observation values, DICOM dates), as such a team
 * would write its own.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { medicalRecordNumber } from '../../src/fhir/identifiers.js';
import { integer, isoDate, text, values } from '../../src/graphql/resolvers/dicom/attributes.js';
import {
  asString, codeableConcept, coding, dateTimeOrPeriodStart, displayName, observationValueText, periodBound, references,
} from '../../src/graphql/resolvers/fhir/datatypes.js';
import {
  chartStudies, firstInstancePerSeries, newestPerPatient, QUERIES, QUERY_NAMES,
  type ChartAnswers, type DatasetAnswers, type QueryName, type StudyBrowserAnswers, type VitalsAnswers,
} from './queries.js';
import { DEMO_DICOM_STORE, includesOf, matchesOf, RestClient, type Bundle, type FhirResource } from './rest.js';

const organization = (resource: FhirResource | undefined) => (resource === undefined ? null : { resourceId: resource.id, name: asString(resource.name) });
const nodes = <T>(list: T[]) => ({ nodes: list });
const firstReference = (value: unknown) => references(value)[0] ?? '';

function patientList(bundle: Bundle) {
  const included = includesOf(bundle);
  return {
    fhirStore: {
      patients: nodes(matchesOf(bundle).map((patient) => ({
        resourceId: patient.id,
        displayName: displayName(patient.name),
        mrn: medicalRecordNumber(patient) ?? null,
        generalPractitioners: references(patient.generalPractitioner).flatMap((reference) => {
          const practitioner = included.get(reference);
          return practitioner ? [{ resourceId: practitioner.id, displayName: displayName(practitioner.name, true) }] : [];
        }),
        managingOrganization: organization(included.get(firstReference(patient.managingOrganization))),
      }))),
    },
  };
}

function patientChart({ patient, observations, conditions, encounters, seriesRows }: ChartAnswers) {
  const providers = includesOf(encounters);
  return {
    fhirStore: {
      patient: {
        resourceId: patient.id,
        displayName: displayName(patient.name),
        mrn: medicalRecordNumber(patient) ?? null,
        birthDate: asString(patient.birthDate),
        observations: nodes(matchesOf(observations).map((observation) => ({
          resourceId: observation.id,
          code: { display: codeableConcept(observation.code)?.display ?? null },
          valueDisplay: observationValueText(observation),
          effectiveDateTime: dateTimeOrPeriodStart(observation, 'effective') ?? asString(observation.effectiveInstant),
        }))),
        conditions: nodes(matchesOf(conditions).map((condition) => ({
          resourceId: condition.id,
          code: { display: codeableConcept(condition.code)?.display ?? null },
          onsetDateTime: dateTimeOrPeriodStart(condition, 'onset'),
        }))),
        encounters: nodes(matchesOf(encounters).map((encounter) => ({
          resourceId: encounter.id,
          start: periodBound(encounter.period, 'start'),
          class: { code: coding(encounter.class)?.code ?? null },
          serviceProvider: organization(providers.get(firstReference(encounter.serviceProvider))),
        }))),
        imagingStudies: nodes(chartStudies(seriesRows).map((study) => ({
          studyInstanceUid: study.uid,
          studyDate: isoDate(study.first, 'StudyDate'),
          description: text(study.first, 'StudyDescription'),
          modalities: study.modalities,
          series: nodes(study.series.map((row) => ({
            seriesInstanceUid: text(row, 'SeriesInstanceUID'),
            seriesNumber: integer(row, 'SeriesNumber'),
            modality: text(row, 'Modality'),
            description: text(row, 'SeriesDescription'),
          }))),
        }))),
      },
    },
  };
}

function cohortVitals({ patients, observations }: VitalsAnswers) {
  const newest = newestPerPatient(observations, 5);
  return {
    fhirStore: {
      patients: nodes(patients.map((patient) => ({
        resourceId: patient.id,
        displayName: displayName(patient.name),
        observations: nodes((newest.get(`Patient/${patient.id}`) ?? []).map((observation) => ({
          resourceId: observation.id,
          effectiveDateTime: dateTimeOrPeriodStart(observation, 'effective') ?? asString(observation.effectiveInstant),
          valueDisplay: observationValueText(observation),
        }))),
      }))),
    },
  };
}

function studyBrowser({ studies, instances }: StudyBrowserAnswers, publicUrl: string) {
  return {
    dicomStore: {
      studies: nodes(studies.map((study, index) => {
        const studyUid = text(study, 'StudyInstanceUID');
        return {
          studyInstanceUid: studyUid,
          studyDate: isoDate(study, 'StudyDate'),
          description: text(study, 'StudyDescription'),
          patientName: text(study, 'PatientName'),
          modalities: values(study, 'ModalitiesInStudy').filter((value): value is string => typeof value === 'string'),
          series: nodes(firstInstancePerSeries(instances[index] ?? []).map((row) => {
            const seriesUid = text(row, 'SeriesInstanceUID');
            const instanceUid = text(row, 'SOPInstanceUID');
            return {
              seriesInstanceUid: seriesUid,
              modality: text(row, 'Modality'),
              description: text(row, 'SeriesDescription'),
              instances: nodes([{
                sopInstanceUid: instanceUid,
                renderedUrl: `${publicUrl}/dicom/${DEMO_DICOM_STORE}/dicomWeb/studies/${studyUid}/series/${seriesUid}/instances/${instanceUid}/frames/1/rendered?format=png`,
              }]),
            };
          })),
        };
      })),
    },
  };
}

function datasetOverview(datasets: DatasetAnswers[]) {
  return {
    datasets: nodes(datasets.map((dataset) => ({
      name: dataset.name,
      fhirStores: nodes(dataset.fhir.map((store) => ({
        name: store.name,
        metrics: (store.metrics.metrics ?? []).map((metric) => ({ resourceType: metric.resourceType, count: Number(metric.count ?? 0) })),
      }))),
      dicomStores: nodes(dataset.dicom.map(({ name, metrics }) => ({
        name,
        metrics: { studyCount: Number(metrics.studyCount ?? 0), seriesCount: Number(metrics.seriesCount ?? 0), instanceCount: Number(metrics.instanceCount ?? 0) },
      }))),
    }))),
  };
}

// The endpoints' answers are the graph's JSON; their inputs are each query's REST answers.
/* eslint-disable @typescript-eslint/no-explicit-any */
const ANSWERS: Readonly<Record<QueryName, (raw: any, publicUrl: string) => unknown>> = {
  'patient-list': patientList,
  'patient-chart': patientChart,
  'cohort-vitals': cohortVitals,
  'study-browser': studyBrowser,
  'dataset-overview': datasetOverview,
  trivial: (dataset: { name: string }) => ({ dataset: { name: dataset.name } }),
};
/* eslint-enable @typescript-eslint/no-explicit-any */

/** The graph-shaped `data` of one query, from its REST calls against `apiUrl`. */
export async function bffData(name: QueryName, apiUrl: string, publicUrl: string): Promise<unknown> {
  return ANSWERS[name](await QUERIES[name].fetchRest(new RestClient(apiUrl, 'parallel')), publicUrl);
}

function respond(response: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) });
  response.end(json);
}

async function handle(request: IncomingMessage, response: ServerResponse, apiUrl: string, publicUrl: string): Promise<void> {
  const name = /^\/bff\/([a-z-]+)$/.exec(request.url ?? '')?.[1] as QueryName | undefined;
  if (name === undefined || !QUERY_NAMES.includes(name)) return respond(response, 404, { errors: [{ message: `no endpoint ${request.url}` }] });
  try {
    respond(response, 200, { data: await bffData(name, apiUrl, publicUrl) });
  } catch (error) {
    respond(response, 502, { errors: [{ message: (error as Error).message }] });
  }
}

/** Starts the bff on a free port of 127.0.0.1, calling the API root `apiUrl` (with `/v1`). */
export async function startBff(apiUrl: string): Promise<{ url: string; close: () => Promise<void> }> {
  let publicUrl = '';
  const server = createServer((request, response) => {
    request.resume();
    void handle(request, response, apiUrl, publicUrl);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  publicUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: publicUrl,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}
