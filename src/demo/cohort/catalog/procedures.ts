import type { Code } from '../types.js';

export type ProcedureKey =
  | 'throatCulture' | 'suture' | 'ecg' | 'appendectomy' | 'pci' | 'spirometry' | 'depressionScreening'
  | 'medicationReconciliation';

/** SNOMED CT procedures and how long each takes. */
export const PROCEDURES: Record<ProcedureKey, { code: Code; minutes: number }> = {
  throatCulture: { code: { code: '117015009', display: 'Throat culture (procedure)' }, minutes: 10 },
  suture: { code: { code: '288086009', display: 'Suture open wound (procedure)' }, minutes: 30 },
  ecg: { code: { code: '29303009', display: 'Electrocardiographic procedure (procedure)' }, minutes: 15 },
  appendectomy: { code: { code: '80146002', display: 'Appendectomy (procedure)' }, minutes: 75 },
  pci: { code: { code: '415070008', display: 'Percutaneous coronary intervention (procedure)' }, minutes: 90 },
  spirometry: { code: { code: '23426006', display: 'Measurement of respiratory function (procedure)' }, minutes: 20 },
  depressionScreening: { code: { code: '171207006', display: 'Depression screening (procedure)' }, minutes: 10 },
  medicationReconciliation: { code: { code: '430193006', display: 'Medication reconciliation (procedure)' }, minutes: 10 },
};
