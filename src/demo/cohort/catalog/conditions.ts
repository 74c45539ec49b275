import type { Specialty } from '../providers.js';
import type { Code } from '../types.js';
import type { StudyKey } from './imaging.js';
import type { MedicationKey } from './medications.js';
import type { PanelKey } from './observations.js';
import type { ProcedureKey } from './procedures.js';

/** Encounter classes (v3 ActCode): ambulatory, emergency, inpatient. */
export type EncounterKind = 'AMB' | 'EMER' | 'IMP';

export interface Person {
  sex: 'male' | 'female' | 'other' | 'unknown';
  /** The adult body-mass index the person tends to. */
  bmi: number;
}

/** What a condition brings along when it is diagnosed or seen again. */
interface Care {
  /** Medication groups: one pick from the first; for chronic conditions, later groups are added half of the time. */
  medications: MedicationKey[][];
  labs: PanelKey[];
  procedures: ProcedureKey[];
  /** Studies that would work it up, should the patient be one with imaging. */
  imaging: StudyKey[];
}

export type ChronicKey =
  | 'hypertension' | 'diabetes' | 'prediabetes' | 'hyperlipidemia' | 'obesity' | 'asthma' | 'copd'
  | 'hypothyroidism' | 'depression' | 'anxiety' | 'osteoarthritis' | 'atrialFibrillation' | 'heartFailure'
  | 'kidneyDisease' | 'reflux' | 'migraine';

export interface ChronicSpec extends Care {
  code: Code;
  minAge: number;
  /** Chance that a person of `age` years has developed it. */
  risk(age: number, person: Person): number;
  /** Conditions that rule this one out (checked in catalog order). */
  excludes?: ChronicKey[];
}

/** Rises linearly from 0 at age `from` to `max` at age `to`, then stays. */
function ramp(age: number, from: number, to: number, max: number): number {
  return age <= from ? 0 : max * Math.min(1, (age - from) / (to - from));
}

const obese = (person: Person) => person.bmi >= 30;

/** Chronic conditions with age-dependent prevalence, roughly shaped like US figures. */
export const CHRONIC: Record<ChronicKey, ChronicSpec> = {
  hypertension: {
    code: { code: '59621000', display: 'Essential hypertension (disorder)' },
    minAge: 20,
    risk: (age, person) => ramp(age, 20, 75, 0.6) + (obese(person) ? 0.1 : 0),
    medications: [['lisinopril', 'amlodipine', 'losartan'], ['hydrochlorothiazide']],
    labs: ['bmp'], procedures: [], imaging: [],
  },
  diabetes: {
    code: { code: '44054006', display: 'Diabetes mellitus type 2 (disorder)' },
    minAge: 30,
    risk: (age, person) => ramp(age, 30, 70, 0.2) + (obese(person) ? 0.1 : 0),
    medications: [['metformin'], ['glipizide']],
    labs: ['hba1c', 'bmp', 'lipids'], procedures: [], imaging: [],
  },
  prediabetes: {
    code: { code: '15777000', display: 'Prediabetes (finding)' },
    minAge: 25,
    risk: (age) => ramp(age, 25, 60, 0.2),
    excludes: ['diabetes'],
    medications: [], labs: ['hba1c'], procedures: [], imaging: [],
  },
  hyperlipidemia: {
    code: { code: '55822004', display: 'Hyperlipidemia (disorder)' },
    minAge: 30,
    risk: (age, person) => ramp(age, 30, 70, 0.4) + (obese(person) ? 0.05 : 0),
    medications: [['atorvastatin', 'simvastatin']],
    labs: ['lipids'], procedures: [], imaging: [],
  },
  obesity: {
    code: { code: '162864005', display: 'Body mass index 30+ - obesity (finding)' },
    minAge: 18,
    risk: (_age, person) => (obese(person) ? 0.9 : 0),
    medications: [], labs: [], procedures: [], imaging: [],
  },
  asthma: {
    code: { code: '195967001', display: 'Asthma (disorder)' },
    minAge: 2,
    risk: () => 0.08,
    medications: [['albuterol'], ['fluticasone', 'montelukast']],
    labs: [], procedures: ['spirometry'], imaging: ['xrChest'],
  },
  copd: {
    code: { code: '13645005', display: 'Chronic obstructive lung disease (disorder)' },
    minAge: 45,
    risk: (age) => ramp(age, 45, 75, 0.1),
    medications: [['albuterol'], ['fluticasone']],
    labs: [], procedures: ['spirometry'], imaging: ['ctChest', 'xrChest'],
  },
  hypothyroidism: {
    code: { code: '40930008', display: 'Hypothyroidism (disorder)' },
    minAge: 20,
    risk: (age, person) => ramp(age, 20, 70, person.sex === 'female' ? 0.12 : 0.03),
    medications: [['levothyroxine']],
    labs: ['tsh'], procedures: [], imaging: ['usThyroid'],
  },
  depression: {
    code: { code: '35489007', display: 'Depressive disorder (disorder)' },
    minAge: 13,
    risk: () => 0.09,
    medications: [['sertraline', 'escitalopram']],
    labs: [], procedures: ['depressionScreening'], imaging: [],
  },
  anxiety: {
    code: { code: '197480006', display: 'Anxiety disorder (disorder)' },
    minAge: 10,
    risk: () => 0.07,
    medications: [['escitalopram', 'sertraline']],
    labs: [], procedures: [], imaging: [],
  },
  osteoarthritis: {
    code: { code: '239873007', display: 'Osteoarthritis of knee (disorder)' },
    minAge: 45,
    risk: (age, person) => ramp(age, 45, 85, 0.3) + (obese(person) ? 0.05 : 0),
    medications: [['naproxen', 'acetaminophen']],
    labs: [], procedures: [], imaging: ['xrKnee', 'mrKnee'],
  },
  atrialFibrillation: {
    code: { code: '49436004', display: 'Atrial fibrillation (disorder)' },
    minAge: 55,
    risk: (age) => ramp(age, 55, 90, 0.12),
    medications: [['apixaban'], ['metoprolol']],
    labs: ['cbc'], procedures: ['ecg'], imaging: ['usEcho'],
  },
  heartFailure: {
    code: { code: '84114007', display: 'Heart failure (disorder)' },
    minAge: 55,
    risk: (age) => ramp(age, 55, 90, 0.08),
    medications: [['furosemide'], ['metoprolol'], ['lisinopril']],
    labs: ['bmp'], procedures: ['ecg'], imaging: ['usEcho', 'xrChest'],
  },
  kidneyDisease: {
    code: { code: '709044004', display: 'Chronic kidney disease (disorder)' },
    minAge: 50,
    risk: (age) => ramp(age, 50, 85, 0.12),
    medications: [],
    labs: ['bmp', 'cbc'], procedures: [], imaging: ['usAbdomen'],
  },
  reflux: {
    code: { code: '235595009', display: 'Gastroesophageal reflux disease (disorder)' },
    minAge: 18,
    risk: (age) => ramp(age, 18, 60, 0.12),
    medications: [['omeprazole']],
    labs: [], procedures: [], imaging: [],
  },
  migraine: {
    code: { code: '37796009', display: 'Migraine (disorder)' },
    minAge: 12,
    risk: (_age, person) => (person.sex === 'female' ? 0.1 : 0.04),
    medications: [['sumatriptan']],
    labs: [], procedures: [], imaging: ['mrBrain'],
  },
};

export interface AcuteSpec extends Care {
  code: Code;
  /** Encounter classes it is seen in. */
  settings: EncounterKind[];
  ages: readonly [min: number, max: number];
  /** How often it is picked among those that fit. */
  weight: number;
  /** Days until it is resolved. */
  resolvesIn: number;
  fever?: boolean;
  /** Low oxygen saturation. */
  hypoxia?: boolean;
  /** Raised white cell count. */
  infection?: boolean;
  /** Who sees it in an ambulatory visit, when not the primary care physician. */
  specialist?: Specialty;
  /** First day it can occur (`YYYY-MM-DD`). */
  since?: string;
}

const PAIN: MedicationKey[] = ['ibuprofen', 'acetaminophen'];

/** Reasons for visits: what brings a patient to a clinic, an emergency department or a ward. */
export const ACUTE: AcuteSpec[] = [
  {
    code: { code: '444814009', display: 'Viral sinusitis (disorder)' }, settings: ['AMB'], ages: [2, 95], weight: 6, resolvesIn: 14,
    medications: [], labs: [], procedures: [], imaging: [],
  },
  {
    code: { code: '195662009', display: 'Acute viral pharyngitis (disorder)' }, settings: ['AMB'], ages: [2, 95], weight: 5, resolvesIn: 10, fever: true,
    medications: [PAIN], labs: [], procedures: [], imaging: [],
  },
  {
    code: { code: '43878008', display: 'Streptococcal sore throat (disorder)' }, settings: ['AMB'], ages: [3, 60], weight: 3, resolvesIn: 10, fever: true, infection: true,
    medications: [['amoxicillin', 'azithromycin']], labs: [], procedures: ['throatCulture'], imaging: [],
  },
  {
    code: { code: '10509002', display: 'Acute bronchitis (disorder)' }, settings: ['AMB', 'EMER'], ages: [2, 95], weight: 5, resolvesIn: 21,
    medications: [['acetaminophen']], labs: [], procedures: [], imaging: ['xrChest'],
  },
  {
    code: { code: '233604007', display: 'Pneumonia (disorder)' }, settings: ['EMER', 'IMP'], ages: [0, 95], weight: 5, resolvesIn: 28, fever: true, hypoxia: true, infection: true,
    medications: [['azithromycin']], labs: ['cbc', 'bmp'], procedures: [], imaging: ['xrChest', 'xrChestPortable', 'ctChest'],
  },
  {
    code: { code: '65363002', display: 'Otitis media (disorder)' }, settings: ['AMB'], ages: [0, 10], weight: 8, resolvesIn: 10, fever: true,
    medications: [['amoxicillin', 'azithromycin'], PAIN], labs: [], procedures: [], imaging: [],
  },
  {
    code: { code: '68566005', display: 'Urinary tract infectious disease (disorder)' }, settings: ['AMB', 'EMER'], ages: [5, 95], weight: 4, resolvesIn: 7, infection: true,
    medications: [['cephalexin']], labs: [], procedures: [], imaging: [],
  },
  {
    code: { code: '25374005', display: 'Gastroenteritis (disorder)' }, settings: ['AMB', 'EMER'], ages: [1, 95], weight: 4, resolvesIn: 5,
    medications: [['ondansetron']], labs: ['bmp'], procedures: [], imaging: [],
  },
  {
    code: { code: '6142004', display: 'Influenza (disorder)' }, settings: ['AMB', 'EMER'], ages: [0, 95], weight: 4, resolvesIn: 10, fever: true,
    medications: [['oseltamivir'], PAIN], labs: [], procedures: [], imaging: [],
  },
  {
    code: { code: '840539006', display: 'Disease caused by severe acute respiratory syndrome coronavirus 2 (disorder)' },
    settings: ['AMB', 'EMER', 'IMP'], ages: [0, 95], weight: 2, resolvesIn: 14, fever: true, hypoxia: true, since: '2020-03-01',
    medications: [['acetaminophen']], labs: ['cbc', 'bmp'], procedures: [], imaging: ['xrChest', 'ctChest'],
  },
  {
    code: { code: '44465007', display: 'Sprain of ankle (disorder)' }, settings: ['AMB', 'EMER'], ages: [8, 80], weight: 4, resolvesIn: 28,
    medications: [['naproxen', 'ibuprofen']], labs: [], procedures: [], imaging: ['xrAnkle'],
  },
  {
    code: { code: '65966004', display: 'Fracture of forearm (disorder)' }, settings: ['EMER'], ages: [4, 95], weight: 3, resolvesIn: 56,
    medications: [PAIN], labs: [], procedures: [], imaging: ['xrWrist'],
  },
  {
    code: { code: '110030002', display: 'Concussion injury of brain (disorder)' }, settings: ['EMER'], ages: [5, 85], weight: 2, resolvesIn: 21,
    medications: [['acetaminophen']], labs: [], procedures: [], imaging: ['ctHead'],
  },
  {
    code: { code: '284549007', display: 'Laceration of hand (disorder)' }, settings: ['EMER'], ages: [5, 85], weight: 3, resolvesIn: 14,
    medications: [], labs: [], procedures: ['suture'], imaging: [],
  },
  {
    code: { code: '29857009', display: 'Chest pain (finding)' }, settings: ['EMER'], ages: [25, 95], weight: 4, resolvesIn: 2,
    medications: [], labs: ['cbc', 'bmp'], procedures: ['ecg'], imaging: ['xrChest', 'ctaChest'],
  },
  {
    code: { code: '21522001', display: 'Abdominal pain (finding)' }, settings: ['AMB', 'EMER'], ages: [8, 95], weight: 4, resolvesIn: 5,
    medications: [['ondansetron']], labs: ['cbc', 'bmp'], procedures: [], imaging: ['ctAbdomen', 'usAbdomen'],
  },
  {
    code: { code: '74400008', display: 'Appendicitis (disorder)' }, settings: ['IMP'], ages: [8, 60], weight: 2, resolvesIn: 21, fever: true, infection: true,
    medications: [['acetaminophen']], labs: ['cbc', 'bmp'], procedures: ['appendectomy'], imaging: ['ctAbdomen'],
  },
  {
    code: { code: '279039007', display: 'Low back pain (finding)' }, settings: ['AMB'], ages: [20, 90], weight: 4, resolvesIn: 42,
    medications: [['naproxen', 'ibuprofen']], labs: [], procedures: [], imaging: ['xrLumbar', 'mrLumbar'],
  },
  {
    code: { code: '25064002', display: 'Headache (finding)' }, settings: ['AMB', 'EMER'], ages: [10, 90], weight: 3, resolvesIn: 3,
    medications: [PAIN], labs: [], procedures: [], imaging: ['ctHead', 'mrBrain'],
  },
  {
    code: { code: '30989003', display: 'Knee pain (finding)' }, settings: ['AMB'], ages: [12, 90], weight: 3, resolvesIn: 42, specialist: 'orthopedics',
    medications: [['naproxen', 'ibuprofen']], labs: [], procedures: [], imaging: ['xrKnee', 'mrKnee'],
  },
  {
    code: { code: '45326000', display: 'Shoulder pain (finding)' }, settings: ['AMB'], ages: [18, 90], weight: 2, resolvesIn: 42, specialist: 'orthopedics',
    medications: [['naproxen', 'ibuprofen']], labs: [], procedures: [], imaging: ['mrShoulder'],
  },
  {
    code: { code: '22298006', display: 'Myocardial infarction (disorder)' }, settings: ['IMP'], ages: [45, 95], weight: 2, resolvesIn: 60,
    medications: [['metoprolol']], labs: ['cbc', 'bmp', 'lipids'], procedures: ['ecg', 'pci'], imaging: ['usEcho', 'xrChestPortable'],
  },
  {
    code: { code: '230690007', display: 'Cerebrovascular accident (disorder)' }, settings: ['IMP'], ages: [55, 95], weight: 2, resolvesIn: 90,
    medications: [], labs: ['cbc', 'bmp'], procedures: [], imaging: ['ctHead', 'mrBrain'],
  },
];
