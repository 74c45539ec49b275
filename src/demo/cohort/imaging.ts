import type { DemoModality, SeriesPlan, StudyPlan } from '../imaging-plan.js';
import { MODALITY_NAME, ROUTINE_STUDIES, SOP_CLASS, STUDIES, type StudyKey, type StudyTemplate } from './catalog/imaging.js';
import { IMAGING_REPORT } from './catalog/observations.js';
import { SYSTEM } from './catalog/systems.js';
import type { PatientContext, Visit } from './context.js';
import { codes, coding, concept, referenceTo } from './fhir.js';
import { cliniciansIn } from './providers.js';
import { HOUR, NOW, dicomDate, dicomTime, fhirDateTime } from './time.js';
import { demoUid } from './uids.js';
import type { FhirResource } from './types.js';

interface Indication {
  visit: Visit;
  options: StudyKey[];
  reason?: FhirResource;
}

const SIDES = {
  LEFT: { code: '7771000', display: 'Left (qualifier value)' },
  RIGHT: { code: '24028007', display: 'Right (qualifier value)' },
} as const;

/**
 * Gives an imaging patient `count` studies, preferring visits whose complaint or chronic condition
 * calls for imaging, and returns their plans. Each study is written as an ImagingStudy and read in a
 * radiology DiagnosticReport.
 */
export function performImaging(context: PatientContext, visits: Visit[], count: number): StudyPlan[] {
  const { rng } = context;
  const indicated: Indication[] = visits.flatMap((visit) => {
    if (visit.acute !== undefined && visit.acute.imaging.length > 0) return [{ visit, options: visit.acute.imaging, reason: visit.condition }];
    const plan = context.chronic.find((candidate) => candidate.diagnosis === visit && candidate.spec.imaging.length > 0) ?? visit.focus;
    return plan !== undefined && plan.spec.imaging.length > 0 ? [{ visit, options: plan.spec.imaging, reason: plan.condition }] : [];
  });
  const chosen = rng.faker.helpers.shuffle(indicated).slice(0, count);
  while (chosen.length < count) {
    chosen.push({ visit: rng.pick(visits), options: [rng.weighted(ROUTINE_STUDIES)] });
  }
  chosen.sort((a, b) => a.visit.start - b.visit.start);
  return chosen.map((indication, index) => performStudy(context, indication, index + 1));
}

function performStudy(context: PatientContext, { visit, options, reason }: Indication, number: number): StudyPlan {
  const { rng, patient, seed } = context;
  const template = STUDIES[rng.pick(options)];
  const modality: DemoModality = template.modality === 'XR' ? rng.pick(['CR', 'DX'] as const) : template.modality;
  const side = rng.pick(['LEFT', 'RIGHT'] as const);
  const lateral = template.description.includes('{SIDE}');
  const description = template.description.replace('{SIDE}', side);
  // Acquired during the visit, to the second.
  const started = Math.floor((visit.start + rng.real(0.1, 0.7) * (visit.end - visit.start)) / 1000) * 1000;
  const studyPath = `${seed}/${patient.number}/${number}`;
  const series = seriesOf(context, template, modality, studyPath);
  const plan: StudyPlan = {
    studyInstanceUid: demoUid(studyPath),
    accessionNumber: `ACC${String(patient.number).padStart(7, '0')}${String(number).padStart(2, '0')}`,
    studyDate: dicomDate(started),
    studyTime: dicomTime(started),
    description,
    referringPhysicianName: visit.clinician.dicomName,
    series,
    patient: { ...patient.dicom },
  };

  const radiologists = cliniciansIn(context.providers, 'radiology');
  const local = radiologists.filter((clinician) => clinician.facility === visit.facility);
  const reader = rng.pick(local.length > 0 ? local : radiologists);
  const sopClass = SOP_CLASS[modality];
  const study = context.chart.add('ImagingStudy', {
    identifier: [
      { system: SYSTEM.dicomUid, value: `urn:oid:${plan.studyInstanceUid}` },
      { use: 'usual', type: codes(SYSTEM.identifierType, 'ACSN', 'Accession ID'), value: plan.accessionNumber },
    ],
    status: 'available',
    modality: [coding(SYSTEM.dicom, { code: modality, display: MODALITY_NAME[modality] })],
    subject: patient.ref,
    encounter: visit.ref,
    started: fhirDateTime(started),
    referrer: visit.clinician.ref,
    interpreter: [reader.ref],
    numberOfSeries: series.length,
    numberOfInstances: series.reduce((sum, item) => sum + item.instances.length, 0),
    ...(reason === undefined ? {} : { reasonReference: [referenceTo(reason)] }),
    description,
    series: series.map((item) => ({
      uid: item.seriesInstanceUid,
      number: item.seriesNumber,
      modality: coding(SYSTEM.dicom, { code: item.modality, display: MODALITY_NAME[item.modality] }),
      description: item.description,
      numberOfInstances: item.instances.length,
      bodySite: coding(SYSTEM.snomed, template.bodySite),
      ...(lateral ? { laterality: coding(SYSTEM.snomed, SIDES[side]) } : {}),
      started: fhirDateTime(started),
      instance: item.instances.map((instance) => ({
        uid: instance.sopInstanceUid,
        sopClass: { system: SYSTEM.rfc3986, code: `urn:oid:${sopClass.uid}`, display: sopClass.name },
        number: instance.instanceNumber,
      })),
    })),
  });

  context.chart.add('DiagnosticReport', {
    status: 'final',
    category: [codes(SYSTEM.diagnosticService, 'RAD', 'Radiology')],
    code: concept(SYSTEM.loinc, IMAGING_REPORT, description),
    subject: patient.ref,
    encounter: visit.ref,
    effectiveDateTime: fhirDateTime(started),
    issued: fhirDateTime(Math.min(NOW, started + rng.int(1, 6) * HOUR)),
    performer: [visit.facility.ref],
    resultsInterpreter: [reader.ref],
    imagingStudy: [referenceTo(study)],
    conclusion: rng.pick(template.findings),
  });
  return plan;
}

/** 1–4 series (all views of a radiograph), each with a few images; ultrasound images are clips. */
function seriesOf(context: PatientContext, template: StudyTemplate, modality: DemoModality, studyPath: string): SeriesPlan[] {
  const { rng } = context;
  const all = template.series.slice(0, 4);
  const count = template.modality === 'XR' ? all.length : rng.int(Math.max(1, all.length - 1), all.length);
  return all.slice(0, count).map((description, index) => {
    const seriesPath = `${studyPath}/${index + 1}`;
    // A scout is one or two localizer images whatever the protocol.
    const [min, max] = description === 'Scout' ? [1, 2] : template.instances;
    return {
      seriesInstanceUid: demoUid(seriesPath),
      seriesNumber: index + 1,
      modality,
      description,
      bodyPart: template.bodyPart,
      instances: Array.from({ length: rng.int(min, max) }, (_, instance) => ({
        sopInstanceUid: demoUid(`${seriesPath}/${instance + 1}`),
        instanceNumber: instance + 1,
        numberOfFrames: template.frames === undefined ? 1 : rng.int(...template.frames),
      })),
    };
  });
}
