import { CHRONIC, type ChronicKey } from './catalog/conditions.js';
import { SYSTEM } from './catalog/systems.js';
import type { ChronicPlan, PatientContext, Visit } from './context.js';
import type { PatientProfile } from './demographics.js';
import { codes, concept } from './fhir.js';
import type { Rng } from './random.js';
import { DAY, HOUR, YEAR, ageAt, fhirDateTime } from './time.js';
import type { Code, FhirResource } from './types.js';

/** Decides which chronic conditions the patient develops over their life, and when. */
export function planChronicConditions(rng: Rng, patient: PatientProfile): ChronicPlan[] {
  const age = ageAt(patient.birth, patient.end);
  const plans: ChronicPlan[] = [];
  for (const [key, spec] of Object.entries(CHRONIC) as [ChronicKey, (typeof CHRONIC)[ChronicKey]][]) {
    if (age < spec.minAge || !rng.chance(spec.risk(age, patient.person))) continue;
    if (spec.excludes?.some((other) => plans.some((plan) => plan.key === other))) continue;
    const onset = patient.birth + rng.real(spec.minAge, age) * YEAR;
    plans.push({ key, spec, onset, prescriptions: [] });
  }
  return plans;
}

/** Records a chronic condition on the problem list at the visit that diagnosed it. */
export function recordChronicCondition(context: PatientContext, plan: ChronicPlan, visit: Visit): void {
  plan.condition = writeCondition(context, visit, plan.spec.code, {
    category: ['problem-list-item', 'Problem List Item'],
    // Conditions older than the record were there before its first visit.
    onset: Math.min(plan.onset, visit.start),
  });
}

/** Records the complaint of an acute visit; it is resolved once its course has run, if that is before the record ends. */
export function recordAcuteCondition(context: PatientContext, visit: Visit): void {
  const { acute } = visit;
  if (acute === undefined) return;
  const onset = Math.max(context.patient.birth, visit.start - context.rng.int(2, 72) * HOUR);
  const abatement = visit.start + acute.resolvesIn * DAY;
  visit.condition = writeCondition(context, visit, acute.code, {
    category: ['encounter-diagnosis', 'Encounter Diagnosis'],
    onset,
    ...(abatement <= context.patient.end ? { abatement } : {}),
  });
}

interface ConditionFacts {
  category: readonly [code: string, display: string];
  onset: number;
  abatement?: number;
}

function writeCondition(context: PatientContext, visit: Visit, code: Code, facts: ConditionFacts): FhirResource {
  const resolved = facts.abatement !== undefined;
  return context.chart.add('Condition', {
    clinicalStatus: codes(SYSTEM.conditionClinical, resolved ? 'resolved' : 'active', resolved ? 'Resolved' : 'Active'),
    verificationStatus: codes(SYSTEM.conditionVerification, 'confirmed', 'Confirmed'),
    category: [codes(SYSTEM.conditionCategory, ...facts.category)],
    code: concept(SYSTEM.snomed, code),
    subject: context.patient.ref,
    encounter: visit.ref,
    onsetDateTime: fhirDateTime(facts.onset),
    ...(facts.abatement === undefined ? {} : { abatementDateTime: fhirDateTime(facts.abatement) }),
    recordedDate: fhirDateTime(visit.start),
    recorder: visit.clinician.ref,
    asserter: visit.clinician.ref,
  });
}
