import type { Code } from '../types.js';

/** A CVX vaccine and the ages (years) its doses are due at, following the US schedule in outline. */
export interface VaccineSpec {
  vaccine: Code;
  doses: number[];
  /** First day it was given (`YYYY-MM-DD`). */
  since?: string;
}

/** Doses still count as on time up to this many years after they fall due (catch-up). */
export const CATCH_UP_YEARS = 2;

export const SCHEDULE: VaccineSpec[] = [
  { vaccine: { code: '08', display: 'Hep B, adolescent or pediatric' }, doses: [0, 0.1, 0.5] },
  { vaccine: { code: '20', display: 'DTaP' }, doses: [0.17, 0.33, 0.5, 1.25, 4.5] },
  { vaccine: { code: '10', display: 'IPV' }, doses: [0.17, 0.33, 0.5, 4.5] },
  { vaccine: { code: '49', display: 'Hib (PRP-OMP)' }, doses: [0.17, 0.33, 1] },
  { vaccine: { code: '133', display: 'Pneumococcal conjugate PCV 13' }, doses: [0.17, 0.33, 0.5, 1] },
  { vaccine: { code: '03', display: 'MMR' }, doses: [1, 4.5] },
  { vaccine: { code: '21', display: 'varicella' }, doses: [1, 4.5] },
  { vaccine: { code: '83', display: 'Hep A, ped/adol, 2 dose' }, doses: [1, 1.5] },
  { vaccine: { code: '115', display: 'Tdap' }, doses: [11.5] },
  { vaccine: { code: '62', display: 'HPV, quadrivalent' }, doses: [11.5, 12] },
  { vaccine: { code: '114', display: 'meningococcal MCV4P' }, doses: [11.5, 16.5] },
  { vaccine: { code: '187', display: 'zoster recombinant' }, doses: [50, 50.2], since: '2017-10-20' },
  { vaccine: { code: '33', display: 'pneumococcal polysaccharide PPV23' }, doses: [65] },
  { vaccine: { code: '208', display: 'COVID-19, mRNA, LNP-S, PF, 30 mcg/0.3 mL dose' }, doses: [12, 12.1], since: '2021-01-01' },
];

/** The seasonal flu shot, offered yearly from six months of age. */
export const INFLUENZA: Code = { code: '140', display: 'Influenza, seasonal, injectable, preservative free' };
