import type { StudyPlan } from '../imaging-plan.js';
import type { Person } from './catalog/conditions.js';
import { SYSTEM } from './catalog/systems.js';
import { address, email, phone } from './contact.js';
import { residence } from './residence.js';
import { codes, referenceTo } from './fhir.js';
import { cliniciansIn, type Clinician, type Providers } from './providers.js';
import type { Rng } from './random.js';
import { DAY, NOW, YEAR, ageAt, fhirDate, fhirDateTime, startOfDay } from './time.js';
import type { Code, FhirResource, Reference } from './types.js';

/** A patient as the rest of the record needs them: the resource plus what shapes their history. */
export interface PatientProfile {
  number: number;
  resource: FhirResource;
  ref: Reference;
  mrn: string;
  person: Person;
  /** Personal height relative to the median for age and sex. */
  heightFactor: number;
  birth: number;
  /** When the record ends: the day of death, or the cohort's reference date. */
  end: number;
  deceased: boolean;
  primaryCare: Clinician;
  dicom: StudyPlan['patient'];
}

/** The medical record number of patient `number` (1-based). */
export function mrnOf(number: number): string {
  return `MRN${String(number).padStart(7, '0')}`;
}

/** The FHIR id of patient `number` (1-based). */
export function patientIdOf(number: number): string {
  return `pat-${String(number).padStart(6, '0')}`;
}

const MARITAL = {
  M: 'Married',
  S: 'Never Married',
  D: 'Divorced',
  W: 'Widowed',
} as const;

/** Preferred languages (BCP 47) by weight, roughly as spoken at home in eastern Massachusetts. */
const LANGUAGES: ReadonlyArray<readonly [number, Code]> = [
  [80, { code: 'en-US', display: 'English (United States)' }],
  [8, { code: 'es', display: 'Spanish' }],
  [3, { code: 'pt-BR', display: 'Portuguese (Brazil)' }],
  [3, { code: 'ht', display: 'Haitian Creole' }],
  [2, { code: 'zh', display: 'Chinese' }],
  [2, { code: 'vi', display: 'Vietnamese' }],
  [2, { code: 'ru', display: 'Russian' }],
];

/**
 * Draws a patient from `rng`; `details` is a second stream, for the residence (see `residence.ts`),
 * so that adding it changed no other draw.
 */
export function createPatient(rng: Rng, details: Rng, number: number, providers: Providers): PatientProfile {
  const { faker } = rng;
  const sex = rng.weighted([[49, 'female'], [49, 'male'], [1, 'other'], [1, 'unknown']] as const);
  const nameSex = sex === 'female' || sex === 'male' ? sex : rng.pick(['female', 'male'] as const);
  // Ages are weighted roughly like a US practice: fewer children, more adults.
  const [minAge, maxAge] = rng.weighted([[18, [0, 17]], [55, [18, 64]], [27, [65, 95]]] as const);
  const age = rng.int(minAge, maxAge);
  const birth = Math.min(startOfDay(NOW - (age + rng.real(0, 1)) * YEAR), startOfDay(NOW) - 3 * DAY);
  const deceased = rng.chance(age >= 80 ? 0.2 : age >= 60 ? 0.08 : age >= 30 ? 0.015 : 0);
  const end = deceased ? Math.max(birth + YEAR, NOW - rng.real(0, 4) * YEAR) : NOW;
  const finalAge = ageAt(birth, end);
  const adult = finalAge >= 18;

  const given = faker.person.firstName(nameSex);
  const family = faker.person.lastName();
  const marital = maritalStatus(rng, finalAge);
  const names: Record<string, unknown>[] = [officialName(rng, given, family, nameSex, adult, marital)];
  if (nameSex === 'female' && marital !== undefined && marital !== 'S' && rng.chance(0.4)) {
    names.push({ use: 'maiden', family: faker.person.lastName(), given: [given] });
  }

  const primaryCare = rng.pick(
    cliniciansIn(providers, !adult && rng.chance(0.8) ? 'pediatrics' : rng.pick(['family medicine', 'internal medicine'] as const)),
  );
  const id = patientIdOf(number);
  const mrn = mrnOf(number);
  const telecom: Record<string, unknown>[] = [{ system: 'phone', value: phone(rng), use: rng.pick(['home', 'mobile']), rank: 1 }];
  if (finalAge >= 13 && rng.chance(0.85)) telecom.push({ system: 'email', value: email(rng, given, family), use: 'home' });

  const drawnLanguage = rng.weighted(LANGUAGES);
  // Drawn in the order the resource's fields once drew them, so every later draw stays the same.
  const ssn = `999-${rng.digits(2)}-${rng.digits(4)}`;
  const active = rng.chance(0.95);
  const lived = residence(details, { home: address(rng, 'home'), given, family, birth, end, age: finalAge });
  if (lived.workEmail !== undefined) telecom.push({ system: 'email', value: lived.workEmail, use: 'work' });
  const language = lived.language ?? drawnLanguage;
  const resource: FhirResource = {
    resourceType: 'Patient',
    id,
    identifier: [
      {
        use: 'usual',
        type: { ...codes(SYSTEM.identifierType, 'MR', 'Medical record number'), text: 'Medical Record Number' },
        system: SYSTEM.mrn,
        value: mrn,
      },
      {
        use: 'secondary',
        type: { ...codes(SYSTEM.identifierType, 'SS', 'Social Security number'), text: 'Social Security Number (demo)' },
        system: SYSTEM.demoSsn,
        value: ssn,
      },
    ],
    active,
    name: names,
    telecom,
    gender: sex,
    birthDate: fhirDate(birth),
    ...(deceased ? { deceasedDateTime: fhirDateTime(end) } : {}),
    address: lived.addresses,
    ...(marital === undefined ? {} : { maritalStatus: { ...codes(SYSTEM.maritalStatus, marital, MARITAL[marital]), text: MARITAL[marital] } }),
    ...contact(rng, family, adult),
    communication: [{ language: { ...codes(SYSTEM.bcp47, language.code, language.display), text: language.display }, preferred: true }],
    generalPractitioner: [primaryCare.ref],
    managingOrganization: primaryCare.facility.ref,
  };

  return {
    number,
    resource,
    ref: referenceTo(resource),
    mrn,
    person: { sex, bmi: rng.bounded(27, 5, 17.5, 45) },
    heightFactor: rng.bounded(1, 0.04, 0.88, 1.12),
    birth,
    end,
    deceased,
    primaryCare,
    dicom: {
      fhirId: id,
      mrn,
      dicomName: `${family}^${given}`,
      birthDate: fhirDate(birth).replaceAll('-', ''),
      sex: sex === 'male' ? 'M' : sex === 'female' ? 'F' : 'O',
    },
  };
}

type MaritalCode = keyof typeof MARITAL;

function maritalStatus(rng: Rng, age: number): MaritalCode | undefined {
  if (age < 16) return undefined;
  if (age < 18) return 'S';
  return rng.weighted([[50, 'M'], [28, 'S'], [12, 'D'], [age >= 55 ? 15 : 1, 'W']] as const);
}

function officialName(rng: Rng, given: string, family: string, sex: 'female' | 'male', adult: boolean, marital?: MaritalCode) {
  const name: Record<string, unknown> = {
    use: 'official',
    family,
    given: rng.chance(0.4) ? [given, rng.faker.person.middleName(sex)] : [given],
  };
  if (adult && rng.chance(0.5)) {
    const courtesy = sex === 'male' ? 'Mr.' : marital === 'M' || marital === 'W' ? 'Mrs.' : 'Ms.';
    name.prefix = [rng.chance(0.04) ? 'Dr.' : courtesy];
  }
  if (sex === 'male' && rng.chance(0.03)) name.suffix = [rng.pick(['Jr.', 'III'])];
  return name;
}

/** A parent for every minor; an emergency contact for some adults. */
function contact(rng: Rng, family: string, adult: boolean) {
  if (adult && !rng.chance(0.4)) return {};
  const sex = rng.pick(['female', 'male'] as const);
  const [code, display] = adult ? ['C', 'Emergency Contact'] : ['N', 'Next-of-Kin'];
  return {
    contact: [
      {
        relationship: [codes(SYSTEM.contactRole, code, display)],
        name: { use: 'official', family: adult ? rng.faker.person.lastName() : family, given: [rng.faker.person.firstName(sex)] },
        telecom: [{ system: 'phone', value: phone(rng), use: 'mobile' }],
        gender: sex,
      },
    ],
  };
}
