import type { AcuteSpec, ChronicKey, Person } from './catalog/conditions.js';
import { PANELS, type LabKey, type PanelKey } from './catalog/observations.js';
import type { Rng } from './random.js';

/** The state of a patient at one moment, which the measured values follow. */
export interface Physiology {
  age: number;
  person: Person;
  heightFactor: number;
  /** Chronic conditions present (diagnosed or not). */
  conditions: ReadonlySet<ChronicKey>;
  /** Chronic conditions under medication. */
  treated: ReadonlySet<ChronicKey>;
  acute?: AcuteSpec;
}

/** Piecewise-linear lookup in `[x, y]` points sorted by x; flat beyond the ends. */
function interpolate(points: ReadonlyArray<readonly [number, number]>, x: number): number {
  let previous = points[0];
  if (previous === undefined) throw new RangeError('No points to interpolate');
  if (x <= previous[0]) return previous[1];
  for (const point of points) {
    if (x <= point[0]) return previous[1] + ((point[1] - previous[1]) * (x - previous[0])) / (point[0] - previous[0]);
    previous = point;
  }
  return previous[1];
}

// Median heights (cm) by age, after the CDC growth charts, rounded.
const HEIGHT_MALE = [[0, 50], [0.5, 67], [1, 76], [2, 87], [3, 95], [4, 102], [5, 109], [6, 115], [8, 127], [10, 138], [12, 149], [14, 164], [16, 173], [18, 176]] as const;
const HEIGHT_FEMALE = [[0, 49], [0.5, 65], [1, 74], [2, 86], [3, 94], [4, 101], [5, 108], [6, 115], [8, 127], [10, 138], [12, 151], [14, 160], [16, 162], [18, 163]] as const;
// Median BMI by age; adults drift from it toward their own BMI by 35.
const BMI_CHILD = [[0, 13.5], [0.5, 17], [1, 17.2], [2, 16.5], [4, 15.6], [6, 15.4], [8, 16], [10, 17], [12, 18], [14, 19.5], [16, 20.5], [18, 21.5]] as const;

function heightCm(state: Physiology): number {
  const { sex } = state.person;
  const male = interpolate(HEIGHT_MALE, state.age);
  const female = interpolate(HEIGHT_FEMALE, state.age);
  const median = sex === 'male' ? male : sex === 'female' ? female : (male + female) / 2;
  return median * state.heightFactor;
}

function bodyMassIndex(state: Physiology): number {
  const child = interpolate(BMI_CHILD, state.age);
  if (state.age < 18) return child * Math.sqrt(state.person.bmi / 27);
  return child + (state.person.bmi - child) * Math.min(1, (state.age - 18) / 17);
}

const has = (state: Physiology, key: ChronicKey) => state.conditions.has(key);
/** Effect of a condition: full when untreated, `treatedShare` of it under medication. */
function effect(state: Physiology, key: ChronicKey, full: number, treatedShare = 0.4): number {
  if (!state.conditions.has(key)) return 0;
  return state.treated.has(key) ? full * treatedShare : full;
}

/** Vital signs at one moment, before rounding. Infants get no blood pressure (rarely taken). */
export function vitalSigns(rng: Rng, state: Physiology) {
  const { age, acute } = state;
  const adult = age >= 18;
  const systolic = (adult ? 108 + 0.45 * (age - 18) : 90 + 1.5 * age) + rng.normal(0, adult ? 9 : 7) + effect(state, 'hypertension', 20);
  const diastolic = Math.min(
    systolic - 25,
    (adult ? 70 + 0.1 * (age - 18) : 55 + 0.8 * age) + rng.normal(0, 6) + effect(state, 'hypertension', 10),
  );
  const restingRate = age < 1 ? 135 : age < 5 ? 110 : age < 12 ? 90 : 74;
  const breathing = age < 1 ? 38 : age < 5 ? 26 : age < 12 ? 21 : 15;
  const height = heightCm(state) * rng.normal(1, 0.004);
  const weight = bodyMassIndex(state) * (height / 100) ** 2 * rng.normal(1, 0.02);
  return {
    bloodPressure: age >= 1 ? { systolic, diastolic } : undefined,
    heartRate: rng.normal(restingRate, 9) + (acute?.fever ? 14 : 0) + effect(state, 'atrialFibrillation', 18, 0.1),
    respiratoryRate: rng.normal(breathing, 2) + (acute?.hypoxia ? 6 : 0),
    temperature: acute?.fever ? rng.real(38, 39.6) : rng.bounded(36.8, 0.25, 36, 37.5),
    oxygenSaturation: acute?.hypoxia ? rng.real(86, 93) : Math.min(100, rng.normal(98, 1) - (has(state, 'copd') ? 3 : 0)),
    height,
    weight,
  };
}

/** The values of one lab order, keyed by analyte; a panel's values are drawn together so they agree. */
export function labValues(rng: Rng, panel: PanelKey, state: Physiology): Map<LabKey, number> {
  const values = new Map<LabKey, number>();
  for (const lab of PANELS[panel].labs) values.set(lab, labValue(rng, lab, state, values));
  return values;
}

function labValue(rng: Rng, lab: LabKey, state: Physiology, panel: ReadonlyMap<LabKey, number>): number {
  const { age, person } = state;
  const male = person.sex === 'male';
  const kidneys = has(state, 'kidneyDisease');
  switch (lab) {
    case 'glucose':
      return Math.max(55, rng.normal(88, 8) + (has(state, 'prediabetes') ? 20 : 0) + effect(state, 'diabetes', 100, 0.5) + rng.normal(0, effect(state, 'diabetes', 35)));
    case 'hba1c':
      return Math.max(4, rng.normal(5.2, 0.25) + (has(state, 'prediabetes') ? 0.8 : 0) + effect(state, 'diabetes', 3.4, 0.55));
    case 'cholesterol':
      return rng.normal(180, 22) + effect(state, 'hyperlipidemia', 70, 0.1);
    case 'triglycerides':
      return Math.max(40, rng.normal(115, 35) + effect(state, 'hyperlipidemia', 60) + effect(state, 'diabetes', 50));
    case 'hdl':
      return Math.max(22, rng.normal(male ? 48 : 60, 10));
    case 'ldl':
      // Friedewald: LDL = total − HDL − triglycerides/5, from the same draw.
      return Math.max(30, (panel.get('cholesterol') ?? 180) - (panel.get('hdl') ?? 50) - (panel.get('triglycerides') ?? 115) / 5);
    case 'hemoglobin':
      return rng.normal(age < 14 ? 12.5 : male ? 15 : 13.5, 0.9) - (kidneys ? 1.8 : 0);
    case 'hematocrit':
      return (panel.get('hemoglobin') ?? 14) * 3 + rng.normal(0, 1);
    case 'leukocytes':
      return Math.max(2.8, state.acute?.infection ? rng.normal(14.5, 2.5) : rng.normal(7, 1.5));
    case 'platelets':
      return rng.bounded(250, 50, 110, 480);
    case 'creatinine':
      if (kidneys) return rng.real(1.5, 3.2);
      return Math.max(0.2, age < 14 ? 0.3 + 0.03 * age + rng.normal(0, 0.05) : rng.normal(male ? 1 : 0.8, 0.13));
    case 'urea':
      return Math.max(4, rng.normal(kidneys ? 35 : 14, kidneys ? 8 : 3.5));
    case 'sodium':
      return rng.normal(139, 2);
    case 'potassium':
      return rng.normal(kidneys ? 4.7 : 4.2, 0.3);
    case 'tsh':
      if (!has(state, 'hypothyroidism')) return rng.bounded(1.8, 0.7, 0.4, 4.2);
      return state.treated.has('hypothyroidism') ? rng.bounded(2.5, 1.2, 0.3, 6) : rng.real(6, 14);
  }
}
