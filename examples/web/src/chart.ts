import { fetchData, onReconnect, watch } from './client';
import { ChangedObservationQuery, PatientChangedSubscription, PatientChartQuery } from './documents';
import { date, day, h, joined } from './dom';
import type { DemoChangedObservationQuery, DemoPatientChartQuery } from './gql/graphql';

type Patient = Extract<NonNullable<DemoPatientChartQuery['node']>, { __typename: 'Patient' }>;
type Study = NonNullable<Patient['imagingStudies']>['nodes'][number];
type ChangedObservation = Extract<NonNullable<DemoChangedObservationQuery['node']>, { __typename: 'Observation' }>;
type Observation = Pick<Patient['latestVitals'][number] & ChangedObservation, 'code' | 'valueDisplay' | 'effectiveDateTime'>;

/** Ends the live updates of the chart on screen, if any. */
let stopLive: (() => void) | undefined;

/** Leaves the chart: its live updates end (the socket closes a moment after the last one). */
export function closeChart(): void {
  stopLive?.();
  stopLive = undefined;
}

/**
 * Shows one patient's chart in `section`: facts, five tables and the imaging thumbnails. The chart
 * stays live while it is open: a new observation goes into its table at once, any other change to
 * the patient's record reads the chart again, in place.
 */
export async function showChart(section: HTMLElement, patientId: string): Promise<void> {
  closeChart();
  const title = h('h1', { id: 'chart-title', tabIndex: -1 }, 'Loading the chart…');
  section.replaceChildren(h('a', { className: 'back', href: '#' }, '← Back to the patient list'), title);
  title.focus();
  let patient: Patient;
  try {
    patient = await loadPatient(patientId);
  } catch (error) {
    if (!title.isConnected) return;
    title.textContent = 'The chart could not be loaded';
    section.append(h('p', { className: 'error', role: 'alert' }, (error as Error).message));
    return;
  }
  // Another chart was opened meanwhile: this one's answer is too late.
  if (!title.isConnected) return;
  const name = patient.displayName ?? 'Unnamed patient';
  title.textContent = name;
  document.title = `${name} · Healthcare Graph demo`;
  const status = h('p', { className: 'live', role: 'status' }, 'Live: new results appear here as they are recorded.');
  const content = h('div', {});
  section.append(status, content);
  const view = { status, content, panels: renderChart(content, patient) };
  stopLive = followPatient(view, patient, patientId);
}

async function loadPatient(patientId: string, fresh = false): Promise<Patient> {
  const { node } = await fetchData(PatientChartQuery, { id: patientId }, fresh);
  if (node?.__typename !== 'Patient') throw new Error('No such patient');
  return node;
}

/** The tables a new observation goes into. */
interface LivePanels {
  vitals: HTMLElement;
  labs: HTMLElement;
}

interface ChartView {
  status: HTMLElement;
  content: HTMLElement;
  panels: LivePanels;
}

function renderChart(content: HTMLElement, patient: Patient): LivePanels {
  const vitals = panel('Latest vitals', OBSERVATION_COLUMNS.vitals,
    // One line per vital sign: its newest value (latestObservations, max: 1).
    patient.latestVitals.map(observationRow));
  const labs = panel('Lab results', OBSERVATION_COLUMNS.labs, patient.labResults.nodes.map(observationRow));
  content.replaceChildren(
    h('dl', { className: 'facts' },
      fact('MRN', patient.mrn), fact('Born', date(patient.birthDate)), fact('Gender', patient.gender),
      // What GraphiQL's RecordVitalSign tab takes as $patient.
      fact('FHIR id', patient.resourceId)),
    h('div', { className: 'panels' },
      vitals,
      panel('Conditions', ['Condition', 'Status', 'Onset'],
        patient.conditions.nodes.map((c) => [c.code?.display, c.clinicalStatus, date(c.onsetDateTime)])),
      panel('Medications', ['Medication', 'Status', 'Written'],
        patient.medications.nodes.map((m) => [m.medication?.display, m.status, date(m.authoredOn)])),
      labs,
      panel('Encounters', ['Visit', 'Where', 'Date'],
        patient.encounters.nodes.map((e) => [joined(e.class?.display ?? e.class?.code, e.types[0]?.display), e.serviceProvider?.name, date(e.start)])),
    ),
    imaging(patient.imagingStudies?.nodes ?? null),
  );
  return { vitals, labs };
}

/** What the status line says happened. */
const DONE = { CREATE: 'recorded', UPDATE: 'updated', PATCH: 'updated', DELETE: 'removed' } as const;

const OBSERVATION_COLUMNS = { vitals: ['Vital sign', 'Value', 'Date'], labs: ['Test', 'Value', 'Date'] };

/**
 * Subscribes to the patient's changes (`patientChanged`) while the chart is open; returns the
 * function that stops. After a reconnect the chart is read again: missed events are not replayed.
 */
function followPatient(view: ChartView, patient: Patient, patientId: string): () => void {
  const reload = async (): Promise<void> => {
    const fresh = await loadPatient(patientId, true);
    if (view.content.isConnected) view.panels = renderChart(view.content, fresh);
  };
  const failed = (error: Error) => {
    view.status.className = 'live error';
    view.status.textContent = `Live updates stopped: ${error.message}`;
  };
  const stop = watch(PatientChangedSubscription, { store: patient.store.name, patientId: patient.resourceId }, {
    next: ({ patientChanged: change }) => {
      const shown = change.resourceType === 'Observation' && change.action !== 'DELETE' && change.resource
        ? showObservation(view, change.resource.id)
        : reload().then(() => announce(view, `${change.resourceType} ${DONE[change.action]}`));
      shown.catch(failed);
    },
    error: failed,
  });
  const stopReconnect = onReconnect(() => void reload().catch(failed));
  return () => {
    stop();
    stopReconnect();
  };
}

/** Reads a changed observation and puts it at the top of its table, marked as new. */
async function showObservation(view: ChartView, id: string): Promise<void> {
  const { node } = await fetchData(ChangedObservationQuery, { id }, true);
  if (node?.__typename !== 'Observation' || !view.content.isConnected) return;
  const lab = node.categories.some((category) => category.code === 'laboratory');
  // A vital sign replaces the line of its kind (the card shows the newest of each); a lab result is added.
  upsertRow(lab ? view.panels.labs : view.panels.vitals, lab ? OBSERVATION_COLUMNS.labs : OBSERVATION_COLUMNS.vitals, observationRow(node), !lab);
  announce(view, joined(node.code?.display ?? 'Observation', node.valueDisplay));
}

function announce(view: ChartView, what: string): void {
  view.status.className = 'live';
  view.status.textContent = `Live: ${what} (${new Date().toLocaleTimeString()})`;
}

/** What an observation's row shows: what was measured, the value and when. */
const observationRow = (o: Observation) => [o.code?.display, o.valueDisplay, date(o.effectiveDateTime)];

function fact(term: string, value: Node | string | null): HTMLElement {
  return h('div', {}, h('dt', {}, term), h('dd', {}, value ?? '—'));
}

type Cell = Node | string | null | undefined;

/** A titled table, or a note that there is nothing to show. */
function panel(title: string, columns: string[], rows: Cell[][]): HTMLElement {
  const body = rows.length === 0 ? h('p', { className: 'empty' }, 'None recorded.') : table(columns, rows);
  return h('section', { className: 'panel' }, h('h2', {}, title), body);
}

function table(columns: string[], rows: Cell[][]): HTMLTableElement {
  return h('table', {},
    h('thead', {}, h('tr', {}, ...columns.map((column) => h('th', { scope: 'col' }, column)))),
    h('tbody', {}, ...rows.map(row)),
  );
}

const row = (cells: Cell[]): HTMLTableRowElement => h('tr', {}, ...cells.map((cell) => h('td', {}, cell ?? '—')));

/**
 * Puts a row at the top of a panel's table (making the table if the panel had none), marked as
 * new; with `replace`, instead of the row whose first cell says the same.
 */
function upsertRow(section: HTMLElement, columns: string[], cells: Cell[], replace: boolean): void {
  let body = section.querySelector('tbody');
  if (body === null) {
    const made = table(columns, []);
    section.querySelector('.empty')?.replaceWith(made);
    body = made.tBodies[0]!;
  }
  const fresh = row(cells);
  fresh.className = 'fresh';
  const label = fresh.cells[0]?.textContent;
  const same = replace ? [...body.rows].find((candidate) => candidate.cells[0]?.textContent === label) : undefined;
  if (same) same.replaceWith(fresh);
  else body.prepend(fresh);
}

/**
 * The study in the viewer (`Study.viewerUrl`: the built-in OHIF at /viewer, or `VIEWER_URL_TEMPLATE`).
 * Without one, the page at /viewer says how to prepare it (the README's "Open studies in a viewer").
 */
function viewerLink(study: Study): HTMLElement {
  if (study.viewerUrl) return h('p', { className: 'viewer-link' }, h('a', { href: study.viewerUrl, target: '_blank', rel: 'noopener' }, 'Open in viewer'));
  return h('p', { className: 'viewer-link empty' }, h('a', { href: '/viewer', target: '_blank', rel: 'noopener' }, 'How to open studies in a viewer'));
}

/** The first image of each series, rendered by the graph's image proxy (`Instance.renderedUrl`). */
function imaging(studies: Study[] | null): HTMLElement {
  const section = h('section', { className: 'panel' }, h('h2', {}, 'Imaging'));
  // Null, not empty: the caller may read the patient but not the DICOM store.
  if (studies === null) section.append(h('p', { className: 'empty' }, 'Imaging could not be loaded for this patient.'));
  else if (studies.length === 0) section.append(h('p', { className: 'empty' }, 'No imaging studies.'));
  for (const study of studies ?? []) {
    const heading = joined(day(study.studyDate), study.description ?? 'Study without description');
    section.append(h('article', { className: 'study' },
      h('h3', {}, heading),
      viewerLink(study),
      h('ul', { className: 'thumbnails' }, ...study.series.nodes.flatMap((series) => series.instances.nodes.map((instance) => {
        const label = joined(series.modality, series.description ?? `series ${series.seriesNumber ?? ''}`);
        return h('li', {}, h('figure', {},
          h('img', {
            src: instance.renderedUrl,
            alt: `First image of the ${label} series, ${heading}`,
            width: instance.columns ?? 160,
            height: instance.rows ?? 160,
          }),
          h('figcaption', {}, `${label} (${series.numberOfInstances ?? '?'} images)`),
        ));
      }))),
    ));
  }
  return section;
}
