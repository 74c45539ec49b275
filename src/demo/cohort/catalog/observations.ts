import type { Code } from '../types.js';

/** A measured quantity: its LOINC code, UCUM unit, reported precision and, for labs, adult reference range. */
export interface Measure {
  code: Code;
  /** What people read, e.g. `mmHg`. */
  unit: string;
  /** The UCUM code, e.g. `mm[Hg]`. */
  ucum: string;
  digits: number;
  range?: readonly [low: number, high: number];
}

export const BLOOD_PRESSURE_PANEL: Code = { code: '85354-9', display: 'Blood pressure panel with all children optional' };

type VitalKey = 'systolic' | 'diastolic' | 'heartRate' | 'respiratoryRate' | 'temperature' | 'weight' | 'height' | 'bmi' | 'oxygenSaturation';

export const VITALS: Record<VitalKey, Measure> = {
  systolic: { code: { code: '8480-6', display: 'Systolic blood pressure' }, unit: 'mmHg', ucum: 'mm[Hg]', digits: 0 },
  diastolic: { code: { code: '8462-4', display: 'Diastolic blood pressure' }, unit: 'mmHg', ucum: 'mm[Hg]', digits: 0 },
  heartRate: { code: { code: '8867-4', display: 'Heart rate' }, unit: 'beats/minute', ucum: '/min', digits: 0 },
  respiratoryRate: { code: { code: '9279-1', display: 'Respiratory rate' }, unit: 'breaths/minute', ucum: '/min', digits: 0 },
  temperature: { code: { code: '8310-5', display: 'Body temperature' }, unit: 'Cel', ucum: 'Cel', digits: 1 },
  weight: { code: { code: '29463-7', display: 'Body weight' }, unit: 'kg', ucum: 'kg', digits: 1 },
  height: { code: { code: '8302-2', display: 'Body height' }, unit: 'cm', ucum: 'cm', digits: 1 },
  bmi: { code: { code: '39156-5', display: 'Body mass index (BMI) [Ratio]' }, unit: 'kg/m2', ucum: 'kg/m2', digits: 1 },
  oxygenSaturation: { code: { code: '2708-6', display: 'Oxygen saturation in Arterial blood' }, unit: '%', ucum: '%', digits: 0 },
};

export type LabKey =
  | 'glucose' | 'hba1c' | 'cholesterol' | 'triglycerides' | 'hdl' | 'ldl' | 'hemoglobin' | 'hematocrit'
  | 'leukocytes' | 'platelets' | 'creatinine' | 'urea' | 'sodium' | 'potassium' | 'tsh';

export const LABS: Record<LabKey, Measure> = {
  glucose: { code: { code: '2345-7', display: 'Glucose [Mass/volume] in Serum or Plasma' }, unit: 'mg/dL', ucum: 'mg/dL', digits: 0, range: [70, 99] },
  hba1c: { code: { code: '4548-4', display: 'Hemoglobin A1c/Hemoglobin.total in Blood' }, unit: '%', ucum: '%', digits: 1, range: [4, 5.6] },
  cholesterol: { code: { code: '2093-3', display: 'Cholesterol [Mass/volume] in Serum or Plasma' }, unit: 'mg/dL', ucum: 'mg/dL', digits: 0, range: [100, 199] },
  triglycerides: { code: { code: '2571-8', display: 'Triglyceride [Mass/volume] in Serum or Plasma' }, unit: 'mg/dL', ucum: 'mg/dL', digits: 0, range: [0, 149] },
  hdl: { code: { code: '2085-9', display: 'Cholesterol in HDL [Mass/volume] in Serum or Plasma' }, unit: 'mg/dL', ucum: 'mg/dL', digits: 0, range: [40, 90] },
  ldl: { code: { code: '18262-6', display: 'Cholesterol in LDL [Mass/volume] in Serum or Plasma by Direct assay' }, unit: 'mg/dL', ucum: 'mg/dL', digits: 0, range: [0, 99] },
  hemoglobin: { code: { code: '718-7', display: 'Hemoglobin [Mass/volume] in Blood' }, unit: 'g/dL', ucum: 'g/dL', digits: 1, range: [12, 17.5] },
  hematocrit: { code: { code: '4544-3', display: 'Hematocrit [Volume Fraction] of Blood by Automated count' }, unit: '%', ucum: '%', digits: 1, range: [36, 50] },
  leukocytes: { code: { code: '6690-2', display: 'Leukocytes [#/volume] in Blood by Automated count' }, unit: '10*3/uL', ucum: '10*3/uL', digits: 1, range: [4.5, 11] },
  platelets: { code: { code: '777-3', display: 'Platelets [#/volume] in Blood by Automated count' }, unit: '10*3/uL', ucum: '10*3/uL', digits: 0, range: [150, 400] },
  creatinine: { code: { code: '2160-0', display: 'Creatinine [Mass/volume] in Serum or Plasma' }, unit: 'mg/dL', ucum: 'mg/dL', digits: 2, range: [0.6, 1.3] },
  urea: { code: { code: '3094-0', display: 'Urea nitrogen [Mass/volume] in Serum or Plasma' }, unit: 'mg/dL', ucum: 'mg/dL', digits: 0, range: [7, 20] },
  sodium: { code: { code: '2951-2', display: 'Sodium [Moles/volume] in Serum or Plasma' }, unit: 'mmol/L', ucum: 'mmol/L', digits: 0, range: [135, 145] },
  potassium: { code: { code: '2823-3', display: 'Potassium [Moles/volume] in Serum or Plasma' }, unit: 'mmol/L', ucum: 'mmol/L', digits: 1, range: [3.5, 5.1] },
  tsh: { code: { code: '3016-3', display: 'Thyrotropin [Units/volume] in Serum or Plasma' }, unit: 'mIU/L', ucum: 'm[IU]/L', digits: 2, range: [0.4, 4.5] },
};

export type PanelKey = 'cbc' | 'bmp' | 'lipids' | 'hba1c' | 'tsh';

/** Lab orders: each becomes one DiagnosticReport whose results are the panel's Observations. */
export const PANELS: Record<PanelKey, { code: Code; labs: LabKey[] }> = {
  cbc: { code: { code: '58410-2', display: 'CBC panel - Blood by Automated count' }, labs: ['hemoglobin', 'hematocrit', 'leukocytes', 'platelets'] },
  bmp: { code: { code: '51990-0', display: 'Basic metabolic panel - Blood' }, labs: ['glucose', 'urea', 'creatinine', 'sodium', 'potassium'] },
  lipids: { code: { code: '57698-3', display: 'Lipid panel with direct LDL - Serum or Plasma' }, labs: ['cholesterol', 'triglycerides', 'hdl', 'ldl'] },
  hba1c: { code: LABS.hba1c.code, labs: ['hba1c'] },
  tsh: { code: LABS.tsh.code, labs: ['tsh'] },
};

/** The report code of a radiology read. */
export const IMAGING_REPORT: Code = { code: '18748-4', display: 'Diagnostic imaging study' };
