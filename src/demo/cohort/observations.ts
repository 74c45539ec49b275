import { BLOOD_PRESSURE_PANEL, LABS, PANELS, VITALS, type Measure, type PanelKey } from './catalog/observations.js';
import { SYSTEM } from './catalog/systems.js';
import { physiologyAt, type PatientContext, type Visit } from './context.js';
import { codes, concept, quantity, referenceTo, round } from './fhir.js';
import { labValues, vitalSigns } from './physiology.js';
import { DAY, HOUR, MINUTE, NOW, fhirDateTime, startOfDay } from './time.js';
import type { Reference } from './types.js';

type Category = readonly [code: string, display: string];
const VITAL_SIGNS: Category = ['vital-signs', 'Vital Signs'];
const LABORATORY: Category = ['laboratory', 'Laboratory'];

/** Vital signs: once per visit, and every morning of a hospital stay. */
export function recordVitals(context: PatientContext, visit: Visit): void {
  const times = [visit.start + (visit.kind === 'AMB' ? 5 : 15) * MINUTE];
  if (visit.kind === 'IMP') {
    for (let day = startOfDay(visit.start) + DAY + 8 * HOUR; day < visit.end; day += DAY) times.push(day);
  }
  times.forEach((time, index) => {
    // Height (and so BMI) at checkups, for children, and on admission.
    const withHeight = index === 0 && (visit.purpose === 'checkup' || visit.age < 18 || visit.kind === 'IMP');
    recordVitalSet(context, visit, time, withHeight);
  });
}

function recordVitalSet(context: PatientContext, visit: Visit, time: number, withHeight: boolean): void {
  const signs = vitalSigns(context.rng, physiologyAt(context, time, visit.acute));
  const base = observationBase(context, visit, VITAL_SIGNS, time, [visit.clinician.ref]);
  const add = (measure: Measure, value: number) =>
    context.chart.add('Observation', { ...base(), code: concept(SYSTEM.loinc, measure.code), valueQuantity: valueOf(measure, value) });

  if (signs.bloodPressure !== undefined) {
    context.chart.add('Observation', {
      ...base(),
      code: concept(SYSTEM.loinc, BLOOD_PRESSURE_PANEL, 'Blood pressure'),
      component: [
        { code: concept(SYSTEM.loinc, VITALS.systolic.code), valueQuantity: valueOf(VITALS.systolic, signs.bloodPressure.systolic) },
        { code: concept(SYSTEM.loinc, VITALS.diastolic.code), valueQuantity: valueOf(VITALS.diastolic, signs.bloodPressure.diastolic) },
      ],
    });
  }
  add(VITALS.heartRate, signs.heartRate);
  add(VITALS.respiratoryRate, signs.respiratoryRate);
  add(VITALS.temperature, signs.temperature);
  add(VITALS.oxygenSaturation, signs.oxygenSaturation);
  const weight = round(signs.weight, VITALS.weight.digits);
  add(VITALS.weight, weight);
  if (withHeight) {
    const height = round(signs.height, VITALS.height.digits);
    add(VITALS.height, height);
    add(VITALS.bmi, weight / (height / 100) ** 2);
  }
}

/** Runs lab orders for a visit: one DiagnosticReport per panel, over its result Observations. */
export function orderLabs(context: PatientContext, visit: Visit, panels: ReadonlySet<PanelKey>): void {
  const { rng, chart } = context;
  // Blood is drawn early in the visit; results come back within hours.
  const drawn = visit.start + Math.min(30, Math.floor((visit.end - visit.start) / 2 / MINUTE)) * MINUTE;
  const state = physiologyAt(context, drawn, visit.acute);
  for (const panel of panels) {
    const issued = Math.min(NOW, drawn + rng.int(1, 4) * HOUR);
    const base = observationBase(context, visit, LABORATORY, drawn, [visit.facility.ref], issued);
    const results = [...labValues(rng, panel, state)].map(([lab, value]) => {
      const measure = LABS[lab];
      return chart.add('Observation', { ...base(), code: concept(SYSTEM.loinc, measure.code), ...labResult(measure, value) });
    });
    chart.add('DiagnosticReport', {
      status: 'final',
      category: [codes(SYSTEM.diagnosticService, 'LAB', 'Laboratory')],
      code: concept(SYSTEM.loinc, PANELS[panel].code),
      subject: context.patient.ref,
      encounter: visit.ref,
      effectiveDateTime: fhirDateTime(drawn),
      issued: fhirDateTime(issued),
      performer: [visit.facility.ref],
      result: results.map((result) => referenceTo(result)),
    });
  }
}

/** The fields every Observation of one moment shares; a function so each resource gets its own objects. */
function observationBase(context: PatientContext, visit: Visit, category: Category, time: number, performer: Reference[], issued = time) {
  return () => ({
    status: 'final',
    category: [codes(SYSTEM.observationCategory, ...category)],
    subject: context.patient.ref,
    encounter: visit.ref,
    effectiveDateTime: fhirDateTime(time),
    issued: fhirDateTime(issued),
    performer,
  });
}

function valueOf(measure: Measure, value: number) {
  return quantity(round(value, measure.digits), measure.unit, measure.ucum);
}

const INTERPRETATION = {
  L: 'Low',
  N: 'Normal',
  H: 'High',
} as const;

function labResult(measure: Measure, value: number) {
  const valueQuantity = valueOf(measure, value);
  if (measure.range === undefined) return { valueQuantity };
  const [low, high] = measure.range;
  const flag = valueQuantity.value < low ? 'L' : valueQuantity.value > high ? 'H' : 'N';
  return {
    valueQuantity,
    interpretation: [codes(SYSTEM.interpretation, flag, INTERPRETATION[flag])],
    referenceRange: [{ low: valueOf(measure, low), high: valueOf(measure, high) }],
  };
}
