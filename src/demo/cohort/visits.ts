import { ACUTE, type AcuteSpec, type EncounterKind } from './catalog/conditions.js';
import { ENCOUNTER_CLASS, ENCOUNTER_TYPE, type VisitPurpose } from './catalog/encounters.js';
import { SYSTEM } from './catalog/systems.js';
import type { PatientContext, Visit } from './context.js';
import { codes, coding, concept, referenceTo } from './fhir.js';
import { cliniciansIn, type Clinician } from './providers.js';
import type { Rng } from './random.js';
import { DAY, HOUR, MINUTE, YEAR, ageAt, fhirDateTime, startOfDay } from './time.js';

interface Slot {
  kind: EncounterKind;
  start: number;
  end: number;
}

/**
 * Writes the patient's encounters: `count` visits spread over the last `years` of their life, each
 * with a class, a reason and a clinician. Chronic conditions get their diagnosing visit here.
 */
export function scheduleVisits(context: PatientContext, count: number, years: number): Visit[] {
  const { rng, patient } = context;
  const from = Math.ceil(Math.max(patient.birth + HOUR, patient.end - years * YEAR) / MINUTE) * MINUTE;
  const to = Math.floor(patient.end / MINUTE) * MINUTE;
  const slots = Array.from({ length: count }, () => place(rng, rng.weighted(KIND_WEIGHTS), from, to)).sort((a, b) => a.start - b.start);
  const visits: Visit[] = [];
  for (const slot of slots) {
    // One place at a time: a visit overlapping the previous one is dropped.
    const previous = visits.at(-1);
    if (previous !== undefined && slot.start < previous.end) continue;
    const visit = createVisit(context, slot);
    visits.push(visit);
    // Chronic conditions are put on record by a generalist, not at an orthopedic consultation.
    const diagnoses = visit.acute?.specialist === undefined ? context.chronic : [];
    for (const plan of diagnoses) {
      if (plan.diagnosis === undefined && plan.onset <= visit.start) plan.diagnosis = visit;
    }
  }
  return visits;
}

const KIND_WEIGHTS = [[82, 'AMB'], [13, 'EMER'], [5, 'IMP']] as const;

function place(rng: Rng, kind: EncounterKind, from: number, to: number): Slot {
  const length =
    kind === 'AMB' ? rng.int(1, 4) * 15 * MINUTE : kind === 'EMER' ? rng.int(8, 28) * 15 * MINUTE : rng.int(1, 6) * DAY + rng.int(0, 12) * HOUR;
  const duration = Math.min(length, Math.floor((to - from) / 2 / MINUTE) * MINUTE);
  const latest = to - duration;
  const day = startOfDay(from + rng.real(0, 1) * (latest - from));
  // Clinics open 8:00–16:30; emergency departments and wards take patients at any hour.
  const clock = kind === 'AMB' ? 8 * HOUR + rng.int(0, 34) * 15 * MINUTE : rng.int(0, 24 * 60 - 1) * MINUTE;
  const start = Math.min(latest, Math.max(from, day + clock));
  return { kind, start, end: start + duration };
}

function createVisit(context: PatientContext, slot: Slot): Visit {
  const { rng, patient, chart } = context;
  const age = ageAt(patient.birth, slot.start);
  const known = context.chronic.filter((plan) => plan.diagnosis !== undefined);
  const acute = slot.kind === 'AMB' && !rng.chance(0.45) ? undefined : pickAcute(rng, slot.kind, age, slot.start);
  // A visit with no fitting complaint becomes a clinic visit.
  const kind = acute === undefined ? 'AMB' : slot.kind;
  const purpose: VisitPurpose = acute !== undefined ? 'acute' : rng.weighted([[age < 18 ? 6 : 4, 'checkup'], [known.length > 0 ? 3 : 0, 'followUp']] as const);
  const focus = purpose === 'followUp' ? rng.pick(known) : undefined;
  const clinician = clinicianFor(context, kind, acute);
  const type =
    kind === 'EMER' ? ENCOUNTER_TYPE.emergency
    : kind === 'IMP' ? ENCOUNTER_TYPE.admission
    : purpose === 'acute' ? ENCOUNTER_TYPE.symptom
    : purpose === 'followUp' ? ENCOUNTER_TYPE.followUp
    : age < 18 ? ENCOUNTER_TYPE.wellChild
    : ENCOUNTER_TYPE.checkup;
  const reason = acute?.code ?? focus?.spec.code;
  const period = { start: fhirDateTime(slot.start), end: fhirDateTime(slot.end) };
  const resource = chart.add('Encounter', {
    status: 'finished',
    class: coding(SYSTEM.actCode, ENCOUNTER_CLASS[kind]),
    type: [concept(SYSTEM.snomed, type)],
    subject: patient.ref,
    participant: [{ type: [codes(SYSTEM.participationType, 'PPRF', 'primary performer')], period, individual: clinician.ref }],
    period,
    ...(reason === undefined ? {} : { reasonCode: [concept(SYSTEM.snomed, reason)] }),
    ...(kind === 'IMP'
      ? {
          hospitalization: {
            admitSource: codes(SYSTEM.admitSource, 'emd', 'From accident/emergency department'),
            dischargeDisposition: codes(SYSTEM.dischargeDisposition, 'home', 'Home'),
          },
        }
      : {}),
    serviceProvider: clinician.facility.ref,
  });
  return {
    resource,
    ref: referenceTo(resource),
    kind,
    purpose,
    start: slot.start,
    end: slot.end,
    age,
    clinician,
    facility: clinician.facility,
    ...(acute === undefined ? {} : { acute }),
    ...(focus === undefined ? {} : { focus }),
  };
}

function pickAcute(rng: Rng, kind: EncounterKind, age: number, time: number): AcuteSpec | undefined {
  const fitting = ACUTE.filter(
    (spec) => spec.settings.includes(kind) && age >= spec.ages[0] && age <= spec.ages[1] && (spec.since === undefined || Date.parse(spec.since) <= time),
  );
  return fitting.length === 0 ? undefined : rng.weighted(fitting.map((spec) => [spec.weight, spec] as const));
}

function clinicianFor(context: PatientContext, kind: EncounterKind, acute?: AcuteSpec): Clinician {
  const { rng, providers, patient } = context;
  if (kind === 'EMER') return rng.pick(cliniciansIn(providers, 'emergency medicine'));
  if (kind === 'IMP') return rng.pick(cliniciansIn(providers, 'hospital medicine'));
  if (acute?.specialist !== undefined) return rng.pick(cliniciansIn(providers, acute.specialist));
  // Mostly one's own doctor; otherwise a colleague of the same specialty.
  return rng.chance(0.85) ? patient.primaryCare : rng.pick(cliniciansIn(providers, patient.primaryCare.specialty));
}
