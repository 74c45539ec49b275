import { fetchData } from './client';
import { PatientChartQuery } from './documents';
import { date, day, h, joined } from './dom';
import type { DemoPatientChartQuery } from './gql/graphql';

type Patient = Extract<NonNullable<DemoPatientChartQuery['node']>, { __typename: 'Patient' }>;
type Study = NonNullable<Patient['imagingStudies']>['nodes'][number];
type Observation = Patient['latestVitals'][number];

/** Shows one patient's chart in `section`: facts, five tables and the imaging thumbnails. */
export async function showChart(section: HTMLElement, patientId: string): Promise<void> {
  const title = h('h1', { id: 'chart-title', tabIndex: -1 }, 'Loading the chart…');
  section.replaceChildren(h('a', { className: 'back', href: '#' }, '← Back to the patient list'), title);
  title.focus();
  let patient: Patient;
  try {
    const { node } = await fetchData(PatientChartQuery, { id: patientId });
    if (node?.__typename !== 'Patient') throw new Error('No such patient');
    patient = node;
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
  section.append(
    h('dl', { className: 'facts' },
      fact('MRN', patient.mrn), fact('Born', date(patient.birthDate)), fact('Gender', patient.gender)),
    h('div', { className: 'panels' },
      // One line per vital sign: its newest value (latestObservations, max: 1).
      panel('Latest vitals', ['Vital sign', 'Value', 'Date'],
        patient.latestVitals.map(observationRow)),
      panel('Conditions', ['Condition', 'Status', 'Onset'],
        patient.conditions.nodes.map((c) => [c.code?.display, c.clinicalStatus, date(c.onsetDateTime)])),
      panel('Medications', ['Medication', 'Status', 'Written'],
        patient.medications.nodes.map((m) => [m.medication?.display, m.status, date(m.authoredOn)])),
      panel('Lab results', ['Test', 'Value', 'Date'],
        patient.labResults.nodes.map(observationRow)),
      panel('Encounters', ['Visit', 'Where', 'Date'],
        patient.encounters.nodes.map((e) => [joined(e.class?.display ?? e.class?.code, e.types[0]?.display), e.serviceProvider?.name, date(e.start)])),
    ),
    imaging(patient.imagingStudies?.nodes ?? null),
  );
}

/** What an observation's row shows: what was measured, the value and when. */
const observationRow = (o: Observation) => [o.code?.display, o.valueDisplay, date(o.effectiveDateTime)];

function fact(term: string, value: Node | string | null): HTMLElement {
  return h('div', {}, h('dt', {}, term), h('dd', {}, value ?? '—'));
}

/** A titled table, or a note that there is nothing to show. */
function panel(title: string, columns: string[], rows: (Node | string | null | undefined)[][]): HTMLElement {
  const body = rows.length === 0 ? h('p', { className: 'empty' }, 'None recorded.') : h('table', {},
    h('thead', {}, h('tr', {}, ...columns.map((column) => h('th', { scope: 'col' }, column)))),
    h('tbody', {}, ...rows.map((cells) => h('tr', {},
      ...cells.map((cell) => h('td', {}, cell ?? '—'))))),
  );
  return h('section', { className: 'panel' }, h('h2', {}, title), body);
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
