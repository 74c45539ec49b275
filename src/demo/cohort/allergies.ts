import { ALLERGIES, ANAPHYLAXIS_CODE } from './catalog/allergies.js';
import { SYSTEM } from './catalog/systems.js';
import type { PatientContext, Visit } from './context.js';
import { codes, concept } from './fhir.js';
import { fhirDateTime } from './time.js';

/** A quarter of patients have allergies (one or two), recorded at their first visit. */
export function recordAllergies(context: PatientContext, firstVisit: Visit): void {
  const { rng } = context;
  if (!rng.chance(0.25)) return;
  const count = rng.chance(0.7) ? 1 : 2;
  const chosen = new Set(Array.from({ length: count }, () => rng.weighted(ALLERGIES.map((spec) => [spec.weight, spec] as const))));
  for (const spec of chosen) {
    for (const key of spec.avoid) context.avoid.add(key);
    const reaction = rng.pick(spec.reactions);
    const severe = reaction.code === ANAPHYLAXIS_CODE;
    context.chart.add('AllergyIntolerance', {
      clinicalStatus: codes(SYSTEM.allergyClinical, 'active', 'Active'),
      verificationStatus: codes(SYSTEM.allergyVerification, 'confirmed', 'Confirmed'),
      type: 'allergy',
      category: [spec.category],
      criticality: severe ? 'high' : 'low',
      code: concept(SYSTEM.snomed, spec.substance),
      patient: context.patient.ref,
      encounter: firstVisit.ref,
      recordedDate: fhirDateTime(firstVisit.start),
      recorder: firstVisit.clinician.ref,
      reaction: [{ manifestation: [concept(SYSTEM.snomed, reaction)], severity: severe ? 'severe' : rng.pick(['mild', 'moderate']) }],
    });
  }
}
