import type { Code } from '../types.js';

const ORAL: Code = { code: '26643006', display: 'Oral route (qualifier value)' };
const INHALED: Code = { code: '447694001', display: 'Respiratory tract route (qualifier value)' };

/** A dose in a UCUM unit (`code`) with its readable name (`unit`). */
interface Dose {
  value: number;
  unit: string;
  code: string;
}

const tablets = (value: number): Dose => ({ value, unit: 'tablet', code: '{tbl}' });
const capsules = (value: number): Dose => ({ value, unit: 'capsule', code: '{cap}' });
const puffs = (value: number): Dose => ({ value, unit: 'puff', code: '{puff}' });
const millilitres = (value: number): Dose => ({ value, unit: 'mL', code: 'mL' });

export interface MedicationSpec {
  /** The RxNorm ingredient (TTY IN): stable, well-known codes; `product` names the strength and form. */
  ingredient: Code;
  product: string;
  sig: string;
  dose: Dose;
  route: Code;
  /** `frequency` times per `period` `periodUnit`. */
  timing: { frequency: number; period: number; periodUnit: 'h' | 'd' };
  asNeeded?: boolean;
  /** Length of an acute course; without it the medication is taken until stopped and renewed yearly. */
  courseDays?: number;
  /** What children under 12 get instead (a liquid form). */
  pediatric?: MedicationKey;
}

const daily = { frequency: 1, period: 1, periodUnit: 'd' } as const;
const twiceDaily = { frequency: 2, period: 1, periodUnit: 'd' } as const;
const thriceDaily = { frequency: 3, period: 1, periodUnit: 'd' } as const;
const every6Hours = { frequency: 1, period: 6, periodUnit: 'h' } as const;

export type MedicationKey =
  | 'lisinopril' | 'amlodipine' | 'hydrochlorothiazide' | 'losartan' | 'metformin' | 'glipizide'
  | 'atorvastatin' | 'simvastatin' | 'albuterol' | 'fluticasone' | 'montelukast' | 'levothyroxine'
  | 'sertraline' | 'escitalopram' | 'apixaban' | 'metoprolol' | 'furosemide' | 'omeprazole' | 'sumatriptan'
  | 'amoxicillin' | 'amoxicillinSuspension' | 'azithromycin' | 'cephalexin' | 'acetaminophen'
  | 'acetaminophenSuspension' | 'ibuprofen' | 'ibuprofenSuspension' | 'naproxen' | 'oseltamivir' | 'ondansetron';

export const MEDICATIONS: Record<MedicationKey, MedicationSpec> = {
  lisinopril: {
    ingredient: { code: '29046', display: 'lisinopril' },
    product: 'lisinopril 10 MG Oral Tablet',
    sig: 'Take 1 tablet by mouth once daily',
    dose: tablets(1), route: ORAL, timing: daily,
  },
  amlodipine: {
    ingredient: { code: '17767', display: 'amlodipine' },
    product: 'amlodipine 5 MG Oral Tablet',
    sig: 'Take 1 tablet by mouth once daily',
    dose: tablets(1), route: ORAL, timing: daily,
  },
  hydrochlorothiazide: {
    ingredient: { code: '5487', display: 'hydrochlorothiazide' },
    product: 'hydrochlorothiazide 25 MG Oral Tablet',
    sig: 'Take 1 tablet by mouth every morning',
    dose: tablets(1), route: ORAL, timing: daily,
  },
  losartan: {
    ingredient: { code: '52175', display: 'losartan' },
    product: 'losartan potassium 50 MG Oral Tablet',
    sig: 'Take 1 tablet by mouth once daily',
    dose: tablets(1), route: ORAL, timing: daily,
  },
  metformin: {
    ingredient: { code: '6809', display: 'metformin' },
    product: 'metformin hydrochloride 500 MG Oral Tablet',
    sig: 'Take 1 tablet by mouth twice daily with meals',
    dose: tablets(1), route: ORAL, timing: twiceDaily,
  },
  glipizide: {
    ingredient: { code: '4821', display: 'glipizide' },
    product: 'glipizide 5 MG Oral Tablet',
    sig: 'Take 1 tablet by mouth daily before breakfast',
    dose: tablets(1), route: ORAL, timing: daily,
  },
  atorvastatin: {
    ingredient: { code: '83367', display: 'atorvastatin' },
    product: 'atorvastatin 20 MG Oral Tablet',
    sig: 'Take 1 tablet by mouth once daily',
    dose: tablets(1), route: ORAL, timing: daily,
  },
  simvastatin: {
    ingredient: { code: '36567', display: 'simvastatin' },
    product: 'simvastatin 20 MG Oral Tablet',
    sig: 'Take 1 tablet by mouth every evening',
    dose: tablets(1), route: ORAL, timing: daily,
  },
  albuterol: {
    ingredient: { code: '435', display: 'albuterol' },
    product: 'albuterol 0.09 MG/ACTUAT Metered Dose Inhaler',
    sig: 'Inhale 2 puffs every 4 to 6 hours as needed for wheezing or shortness of breath',
    dose: puffs(2), route: INHALED, timing: every6Hours, asNeeded: true,
  },
  fluticasone: {
    ingredient: { code: '41126', display: 'fluticasone' },
    product: 'fluticasone propionate 0.11 MG/ACTUAT Metered Dose Inhaler',
    sig: 'Inhale 2 puffs twice daily; rinse mouth after use',
    dose: puffs(2), route: INHALED, timing: twiceDaily,
  },
  montelukast: {
    ingredient: { code: '88249', display: 'montelukast' },
    product: 'montelukast 10 MG Oral Tablet',
    sig: 'Take 1 tablet by mouth every evening',
    dose: tablets(1), route: ORAL, timing: daily,
  },
  levothyroxine: {
    ingredient: { code: '10582', display: 'levothyroxine' },
    product: 'levothyroxine sodium 0.075 MG Oral Tablet',
    sig: 'Take 1 tablet by mouth every morning on an empty stomach',
    dose: tablets(1), route: ORAL, timing: daily,
  },
  sertraline: {
    ingredient: { code: '36437', display: 'sertraline' },
    product: 'sertraline 50 MG Oral Tablet',
    sig: 'Take 1 tablet by mouth once daily',
    dose: tablets(1), route: ORAL, timing: daily,
  },
  escitalopram: {
    ingredient: { code: '321988', display: 'escitalopram' },
    product: 'escitalopram 10 MG Oral Tablet',
    sig: 'Take 1 tablet by mouth once daily',
    dose: tablets(1), route: ORAL, timing: daily,
  },
  apixaban: {
    ingredient: { code: '1364430', display: 'apixaban' },
    product: 'apixaban 5 MG Oral Tablet',
    sig: 'Take 1 tablet by mouth twice daily',
    dose: tablets(1), route: ORAL, timing: twiceDaily,
  },
  metoprolol: {
    ingredient: { code: '6918', display: 'metoprolol' },
    product: '24 HR metoprolol succinate 50 MG Extended Release Oral Tablet',
    sig: 'Take 1 tablet by mouth once daily',
    dose: tablets(1), route: ORAL, timing: daily,
  },
  furosemide: {
    ingredient: { code: '4603', display: 'furosemide' },
    product: 'furosemide 20 MG Oral Tablet',
    sig: 'Take 1 tablet by mouth every morning',
    dose: tablets(1), route: ORAL, timing: daily,
  },
  omeprazole: {
    ingredient: { code: '7646', display: 'omeprazole' },
    product: 'omeprazole 20 MG Delayed Release Oral Capsule',
    sig: 'Take 1 capsule by mouth daily before breakfast',
    dose: capsules(1), route: ORAL, timing: daily,
  },
  sumatriptan: {
    ingredient: { code: '37418', display: 'sumatriptan' },
    product: 'sumatriptan 50 MG Oral Tablet',
    sig: 'Take 1 tablet by mouth at migraine onset; may repeat after 2 hours',
    dose: tablets(1), route: ORAL, timing: daily, asNeeded: true,
  },
  amoxicillin: {
    ingredient: { code: '723', display: 'amoxicillin' },
    product: 'amoxicillin 500 MG Oral Capsule',
    sig: 'Take 1 capsule by mouth three times daily for 10 days',
    dose: capsules(1), route: ORAL, timing: thriceDaily, courseDays: 10, pediatric: 'amoxicillinSuspension',
  },
  amoxicillinSuspension: {
    ingredient: { code: '723', display: 'amoxicillin' },
    product: 'amoxicillin 250 MG in 5 ML Oral Suspension',
    sig: 'Give 5 mL by mouth twice daily for 10 days',
    dose: millilitres(5), route: ORAL, timing: twiceDaily, courseDays: 10,
  },
  azithromycin: {
    ingredient: { code: '18631', display: 'azithromycin' },
    product: 'azithromycin 250 MG Oral Tablet',
    sig: 'Take 2 tablets by mouth on day 1, then 1 tablet daily on days 2 to 5',
    dose: tablets(1), route: ORAL, timing: daily, courseDays: 5,
  },
  cephalexin: {
    ingredient: { code: '2231', display: 'cephalexin' },
    product: 'cephalexin 500 MG Oral Capsule',
    sig: 'Take 1 capsule by mouth twice daily for 7 days',
    dose: capsules(1), route: ORAL, timing: twiceDaily, courseDays: 7,
  },
  acetaminophen: {
    ingredient: { code: '161', display: 'acetaminophen' },
    product: 'acetaminophen 500 MG Oral Tablet',
    sig: 'Take 1 to 2 tablets by mouth every 6 hours as needed for pain or fever',
    dose: tablets(1), route: ORAL, timing: every6Hours, asNeeded: true, courseDays: 7, pediatric: 'acetaminophenSuspension',
  },
  acetaminophenSuspension: {
    ingredient: { code: '161', display: 'acetaminophen' },
    product: 'acetaminophen 160 MG in 5 ML Oral Suspension',
    sig: 'Give 5 mL by mouth every 6 hours as needed for pain or fever',
    dose: millilitres(5), route: ORAL, timing: every6Hours, asNeeded: true, courseDays: 5,
  },
  ibuprofen: {
    ingredient: { code: '5640', display: 'ibuprofen' },
    product: 'ibuprofen 400 MG Oral Tablet',
    sig: 'Take 1 tablet by mouth every 6 to 8 hours as needed for pain, with food',
    dose: tablets(1), route: ORAL, timing: every6Hours, asNeeded: true, courseDays: 10, pediatric: 'ibuprofenSuspension',
  },
  ibuprofenSuspension: {
    ingredient: { code: '5640', display: 'ibuprofen' },
    product: 'ibuprofen 100 MG in 5 ML Oral Suspension',
    sig: 'Give 5 mL by mouth every 6 to 8 hours as needed for pain or fever',
    dose: millilitres(5), route: ORAL, timing: every6Hours, asNeeded: true, courseDays: 5,
  },
  naproxen: {
    ingredient: { code: '7258', display: 'naproxen' },
    product: 'naproxen 500 MG Oral Tablet',
    sig: 'Take 1 tablet by mouth twice daily with food',
    dose: tablets(1), route: ORAL, timing: twiceDaily, courseDays: 14,
  },
  oseltamivir: {
    ingredient: { code: '260101', display: 'oseltamivir' },
    product: 'oseltamivir 75 MG Oral Capsule',
    sig: 'Take 1 capsule by mouth twice daily for 5 days',
    dose: capsules(1), route: ORAL, timing: twiceDaily, courseDays: 5,
  },
  ondansetron: {
    ingredient: { code: '26225', display: 'ondansetron' },
    product: 'ondansetron 4 MG Disintegrating Oral Tablet',
    sig: 'Dissolve 1 tablet on the tongue every 8 hours as needed for nausea',
    dose: tablets(1), route: ORAL, timing: { frequency: 1, period: 8, periodUnit: 'h' }, asNeeded: true, courseDays: 3,
  },
};
