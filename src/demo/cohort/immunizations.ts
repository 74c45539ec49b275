import { CATCH_UP_YEARS, INFLUENZA, SCHEDULE } from './catalog/immunizations.js';
import { SYSTEM } from './catalog/systems.js';
import type { PatientContext, Visit } from './context.js';
import { codes, concept } from './fhir.js';
import { MINUTE, YEAR, fhirDateTime, monthOf } from './time.js';
import type { Code } from './types.js';

/**
 * Gives vaccines at clinic visits as they fall due (with catch-up), plus a flu shot in most seasons.
 * Returns the function to call for each visit in time order.
 */
export function immunizer(context: PatientContext): (visit: Visit) => void {
  const given = new Set<string>();
  const fluSeasons = new Set<number>();
  return (visit) => {
    if (visit.kind !== 'AMB') return;
    for (const { vaccine, doses, since } of SCHEDULE) {
      doses.forEach((doseAge, index) => {
        const key = `${vaccine.code}#${index}`;
        const first = doses[0] ?? doseAge;
        // A vaccine introduced late is due from its introduction for those already past the age.
        const due = Math.max(context.patient.birth + doseAge * YEAR, since === undefined ? -Infinity : Date.parse(since) + (doseAge - first) * YEAR);
        if (given.has(key) || visit.start < due || visit.start > due + CATCH_UP_YEARS * YEAR) return;
        given.add(key);
        immunize(context, visit, vaccine, { doseNumberPositiveInt: index + 1 });
      });
    }
    const month = monthOf(visit.start);
    // Seasons run September to March and are named by the year they start in.
    const season = new Date(visit.start).getUTCFullYear() - (month <= 3 ? 1 : 0);
    if ((month >= 9 || month <= 3) && visit.age >= 0.5 && !fluSeasons.has(season) && context.rng.chance(0.6)) {
      fluSeasons.add(season);
      immunize(context, visit, INFLUENZA, { series: `${season}-${season + 1}`, doseNumberPositiveInt: 1 });
    }
  };
}

function immunize(context: PatientContext, visit: Visit, vaccine: Code, protocol: Record<string, unknown>): void {
  const { rng } = context;
  context.chart.add('Immunization', {
    status: 'completed',
    vaccineCode: concept(SYSTEM.cvx, vaccine),
    patient: context.patient.ref,
    encounter: visit.ref,
    occurrenceDateTime: fhirDateTime(Math.min(visit.end, visit.start + 20 * MINUTE)),
    primarySource: true,
    lotNumber: `${rng.faker.string.alpha({ length: 2, casing: 'upper' })}${rng.digits(5)}`,
    performer: [{ function: codes(SYSTEM.immunizationFunction, 'AP', 'Administering Provider'), actor: visit.clinician.ref }],
    protocolApplied: [protocol],
  });
}
