import type { Code } from '../types.js';
import type { EncounterKind } from './conditions.js';

/** v3 ActCode encounter classes. */
export const ENCOUNTER_CLASS: Record<EncounterKind, Code> = {
  AMB: { code: 'AMB', display: 'ambulatory' },
  EMER: { code: 'EMER', display: 'emergency' },
  IMP: { code: 'IMP', display: 'inpatient encounter' },
};

/** Why a visit happens; decides its SNOMED CT encounter type. */
export type VisitPurpose = 'checkup' | 'followUp' | 'acute';

export const ENCOUNTER_TYPE = {
  wellChild: { code: '410620009', display: 'Well child visit (procedure)' },
  checkup: { code: '162673000', display: 'General examination of patient (procedure)' },
  followUp: { code: '390906007', display: 'Follow-up encounter (procedure)' },
  symptom: { code: '185345009', display: 'Encounter for symptom (procedure)' },
  emergency: { code: '50849002', display: 'Emergency room admission (procedure)' },
  admission: { code: '32485007', display: 'Hospital admission (procedure)' },
} satisfies Record<string, Code>;
