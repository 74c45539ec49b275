import type { Code } from '../types.js';
import type { MedicationKey } from './medications.js';

const HIVES: Code = { code: '247472004', display: 'Wheal (finding)' };
const RASH: Code = { code: '271807003', display: 'Eruption of skin (disorder)' };
const ANAPHYLAXIS: Code = { code: '39579001', display: 'Anaphylaxis (disorder)' };
const DYSPNEA: Code = { code: '267036007', display: 'Dyspnea (finding)' };
const NAUSEA: Code = { code: '422587007', display: 'Nausea (finding)' };
const SNEEZING: Code = { code: '76067001', display: 'Sneezing (finding)' };
const ITCHING: Code = { code: '418290006', display: 'Itching of skin (finding)' };
const COUGH: Code = { code: '49727002', display: 'Cough (finding)' };
const WHEEZING: Code = { code: '56018004', display: 'Wheezing (finding)' };

export const ANAPHYLAXIS_CODE = ANAPHYLAXIS.code;

export interface AllergySpec {
  /** SNOMED CT substance. */
  substance: Code;
  category: 'food' | 'medication' | 'environment' | 'biologic';
  reactions: Code[];
  /** Medications never prescribed to a patient with this allergy. */
  avoid: MedicationKey[];
  weight: number;
}

const NSAIDS: MedicationKey[] = ['ibuprofen', 'ibuprofenSuspension', 'naproxen'];

export const ALLERGIES: AllergySpec[] = [
  { substance: { code: '764146007', display: 'Penicillin (substance)' }, category: 'medication', reactions: [HIVES, RASH, ANAPHYLAXIS], avoid: ['amoxicillin', 'amoxicillinSuspension'], weight: 5 },
  { substance: { code: '387458008', display: 'Aspirin (substance)' }, category: 'medication', reactions: [HIVES, DYSPNEA], avoid: NSAIDS, weight: 2 },
  { substance: { code: '387207008', display: 'Ibuprofen (substance)' }, category: 'medication', reactions: [HIVES, RASH], avoid: NSAIDS, weight: 1 },
  { substance: { code: '762952008', display: 'Peanut (substance)' }, category: 'food', reactions: [HIVES, ANAPHYLAXIS], avoid: [], weight: 3 },
  { substance: { code: '735029006', display: 'Shellfish (substance)' }, category: 'food', reactions: [HIVES, NAUSEA, ANAPHYLAXIS], avoid: [], weight: 2 },
  { substance: { code: '102263004', display: 'Eggs (edible) (substance)' }, category: 'food', reactions: [RASH, NAUSEA], avoid: [], weight: 2 },
  { substance: { code: '3718001', display: "Cow's milk (substance)" }, category: 'food', reactions: [NAUSEA, RASH], avoid: [], weight: 1 },
  { substance: { code: '256277009', display: 'Grass pollen (substance)' }, category: 'environment', reactions: [SNEEZING, ITCHING], avoid: [], weight: 4 },
  { substance: { code: '260147004', display: 'House dust mite (substance)' }, category: 'environment', reactions: [SNEEZING, COUGH], avoid: [], weight: 3 },
  { substance: { code: '264287008', display: 'Animal dander (substance)' }, category: 'environment', reactions: [SNEEZING, WHEEZING], avoid: [], weight: 2 },
  { substance: { code: '111088007', display: 'Latex (substance)' }, category: 'environment', reactions: [RASH, ITCHING], avoid: [], weight: 1 },
  { substance: { code: '288328004', display: 'Bee venom (substance)' }, category: 'biologic', reactions: [HIVES, ANAPHYLAXIS], avoid: [], weight: 1 },
];
