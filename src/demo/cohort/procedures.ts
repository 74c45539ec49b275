import { PROCEDURES, type ProcedureKey } from './catalog/procedures.js';
import { SYSTEM } from './catalog/systems.js';
import { reasonOf, type PatientContext, type Visit } from './context.js';
import { concept } from './fhir.js';
import { MINUTE, fhirDateTime } from './time.js';

/** What is done at a visit: what its complaint calls for, monitoring of its focus, screenings at checkups. */
export function performProcedures(context: PatientContext, visit: Visit): void {
  const { rng } = context;
  const keys = new Set<ProcedureKey>(visit.acute?.procedures);
  if (visit.focus !== undefined) {
    for (const key of visit.focus.spec.procedures) if (rng.chance(0.5)) keys.add(key);
    if (rng.chance(0.3)) keys.add('medicationReconciliation');
  }
  if (visit.purpose === 'checkup' && visit.age >= 12 && rng.chance(0.3)) keys.add('depressionScreening');
  let start = visit.start + 10 * MINUTE;
  for (const key of keys) {
    const { code, minutes } = PROCEDURES[key];
    // Done one after another, within the visit.
    const end = Math.min(visit.end, start + minutes * MINUTE);
    const begin = Math.min(start, end - MINUTE);
    context.chart.add('Procedure', {
      status: 'completed',
      code: concept(SYSTEM.snomed, code),
      subject: context.patient.ref,
      encounter: visit.ref,
      performedPeriod: { start: fhirDateTime(begin), end: fhirDateTime(end) },
      performer: [{ actor: visit.clinician.ref }],
      ...reasonOf(visit),
    });
    start = end;
  }
}
