import { MEDICATIONS, type MedicationKey } from './catalog/medications.js';
import { SYSTEM } from './catalog/systems.js';
import type { ChronicPlan, PatientContext, Visit } from './context.js';
import { codes, coding, concept, quantity, referenceTo } from './fhir.js';
import { DAY, MINUTE, fhirDateTime } from './time.js';
import type { FhirResource } from './types.js';

/** Chronic prescriptions are renewed at the first routine visit this long after the last one. */
const RENEWAL_INTERVAL = 330 * DAY;
/** Not every chronic condition is treated with drugs (lifestyle changes, patient choice). */
const MEDICATED_SHARE = 0.85;

/** Starts medication for a chronic condition diagnosed at `visit`. */
export function startChronicMedication(context: PatientContext, plan: ChronicPlan, visit: Visit): void {
  const { rng } = context;
  if (plan.spec.medications.length === 0 || !rng.chance(MEDICATED_SHARE)) return;
  const taken = new Set(context.chronic.flatMap((other) => other.prescriptions.map((prescription) => prescription.key)));
  plan.spec.medications.forEach((group, index) => {
    if (index > 0 && !rng.chance(0.5)) return;
    const key = choose(context, group.filter((candidate) => !taken.has(candidate)), visit.age);
    if (key === undefined) return;
    plan.prescriptions.push({ key, request: prescribe(context, visit, key, 'active', plan.condition), authored: authoredAt(visit) });
  });
  // Values measured at this visit predate the first dose.
  if (plan.prescriptions.length > 0) plan.treatedSince = visit.end;
}

/** Renews chronic prescriptions that are due at a routine visit; the renewed request is completed. */
export function renewChronicMedication(context: PatientContext, visit: Visit): void {
  if (visit.kind !== 'AMB' || visit.purpose === 'acute') return;
  for (const plan of context.chronic) {
    if (plan.diagnosis === visit) continue;
    for (const prescription of plan.prescriptions) {
      if (visit.start - prescription.authored < RENEWAL_INTERVAL) continue;
      prescription.request.status = 'completed';
      prescription.request = prescribe(context, visit, prescription.key, 'active', plan.condition);
      prescription.authored = authoredAt(visit);
    }
  }
}

/** Short courses for an acute complaint, one drug from each of its groups. */
export function treatAcuteCondition(context: PatientContext, visit: Visit): void {
  for (const group of visit.acute?.medications ?? []) {
    const key = choose(context, group, visit.age);
    if (key === undefined) continue;
    const finished = authoredAt(visit) + (MEDICATIONS[key].courseDays ?? 0) * DAY;
    prescribe(context, visit, key, finished <= context.patient.end ? 'completed' : 'active', visit.condition);
  }
}

/** A patient who died has their remaining prescriptions stopped. */
export function closeMedication(context: PatientContext): void {
  if (!context.patient.deceased) return;
  for (const plan of context.chronic) {
    for (const prescription of plan.prescriptions) prescription.request.status = 'stopped';
  }
}

/** One of `candidates` the patient may take, in the form for their age. */
function choose(context: PatientContext, candidates: MedicationKey[], age: number): MedicationKey | undefined {
  const allowed = candidates
    .map((key) => (age < 12 ? (MEDICATIONS[key].pediatric ?? key) : key))
    .filter((key) => !context.avoid.has(key));
  return allowed.length === 0 ? undefined : context.rng.pick(allowed);
}

function authoredAt(visit: Visit): number {
  return Math.max(visit.start, visit.end - 5 * MINUTE);
}

function prescribe(context: PatientContext, visit: Visit, key: MedicationKey, status: string, reason: FhirResource | undefined): FhirResource {
  const spec = MEDICATIONS[key];
  return context.chart.add('MedicationRequest', {
    status,
    intent: 'order',
    // Drugs prescribed on leaving hospital are discharge medication; the rest are taken at home.
    category: [visit.kind === 'IMP' ? codes(SYSTEM.medicationRequestCategory, 'discharge', 'Discharge') : codes(SYSTEM.medicationRequestCategory, 'community', 'Community')],
    medicationCodeableConcept: { coding: [coding(SYSTEM.rxnorm, spec.ingredient)], text: spec.product },
    subject: context.patient.ref,
    encounter: visit.ref,
    authoredOn: fhirDateTime(authoredAt(visit)),
    requester: visit.clinician.ref,
    ...(reason === undefined ? {} : { reasonReference: [referenceTo(reason)] }),
    dosageInstruction: [
      {
        sequence: 1,
        text: spec.sig,
        timing: { repeat: { ...spec.timing } },
        ...(spec.asNeeded ? { asNeededBoolean: true } : {}),
        route: concept(SYSTEM.snomed, spec.route),
        doseAndRate: [{ doseQuantity: quantity(spec.dose.value, spec.dose.unit, spec.dose.code) }],
      },
    ],
    dispenseRequest:
      spec.courseDays === undefined
        ? { numberOfRepeatsAllowed: 3, expectedSupplyDuration: quantity(90, 'days', 'd') }
        : { expectedSupplyDuration: quantity(spec.courseDays, 'days', 'd') },
  });
}
