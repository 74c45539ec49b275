import { SYSTEM } from './catalog/systems.js';
import { address, email, phone } from './contact.js';
import { codes, referenceTo } from './fhir.js';
import type { Rng } from './random.js';
import type { Code, FhirResource, Reference } from './types.js';

export type Specialty =
  | 'family medicine'
  | 'internal medicine'
  | 'pediatrics'
  | 'emergency medicine'
  | 'hospital medicine'
  | 'radiology'
  | 'cardiology'
  | 'orthopedics';

/** A hospital or clinic of the cohort. */
export interface Facility {
  resource: FhirResource;
  ref: Reference;
  kind: 'hospital' | 'clinic';
}

/** A physician and where they work; patients, encounters and studies point at them. */
export interface Clinician {
  resource: FhirResource;
  ref: Reference;
  facility: Facility;
  specialty: Specialty;
  /** DICOM PN form, `Family^Given`. */
  dicomName: string;
}

export interface Providers {
  facilities: Facility[];
  clinicians: Clinician[];
}

interface FacilitySpec {
  name: string;
  city: string;
  kind: Facility['kind'];
  staff: Specialty[];
}

/** Fixed names and staffing; only addresses, numbers and people come from the seed. */
const FACILITIES: FacilitySpec[] = [
  {
    name: 'Bayside General Hospital',
    city: 'Boston',
    kind: 'hospital',
    staff: ['emergency medicine', 'emergency medicine', 'hospital medicine', 'radiology', 'radiology', 'cardiology', 'orthopedics'],
  },
  {
    name: 'St. Brigid Medical Center',
    city: 'Worcester',
    kind: 'hospital',
    staff: ['emergency medicine', 'emergency medicine', 'hospital medicine', 'radiology', 'cardiology', 'orthopedics'],
  },
  {
    name: 'Merrimack Valley Regional Hospital',
    city: 'Lowell',
    kind: 'hospital',
    staff: ['emergency medicine', 'hospital medicine', 'radiology', 'orthopedics'],
  },
  { name: 'Charles River Family Health', city: 'Cambridge', kind: 'clinic', staff: ['family medicine', 'family medicine', 'family medicine'] },
  { name: 'Pioneer Valley Internal Medicine', city: 'Springfield', kind: 'clinic', staff: ['internal medicine', 'internal medicine', 'internal medicine'] },
  { name: 'North Shore Primary Care', city: 'Salem', kind: 'clinic', staff: ['family medicine', 'internal medicine', 'family medicine'] },
  { name: 'Little Harbor Pediatrics', city: 'Quincy', kind: 'clinic', staff: ['pediatrics', 'pediatrics', 'pediatrics'] },
];

/** Medical degrees (v2-0360) by weight. */
const DEGREES: ReadonlyArray<readonly [number, Code]> = [
  [4, { code: 'MD', display: 'Doctor of Medicine' }],
  [1, { code: 'DO', display: 'Doctor of Osteopathy' }],
];

/** Builds the cohort's organizations and practitioners; their count never depends on the cohort size. */
export function buildProviders(rng: Rng): Providers {
  const facilities: Facility[] = [];
  const clinicians: Clinician[] = [];
  FACILITIES.forEach((spec, index) => {
    const facility = buildFacility(rng, spec, index + 1);
    facilities.push(facility);
    for (const specialty of spec.staff) clinicians.push(buildClinician(rng, facility, specialty, clinicians.length + 1));
  });
  return { facilities, clinicians };
}

/** The clinicians of one specialty. */
export function cliniciansIn(providers: Providers, specialty: Specialty): Clinician[] {
  return providers.clinicians.filter((clinician) => clinician.specialty === specialty);
}

function buildFacility(rng: Rng, spec: FacilitySpec, number: number): Facility {
  const domain = `${spec.name.toLowerCase().replace(/[^a-z]+/g, '')}.example`;
  const resource: FhirResource = {
    resourceType: 'Organization',
    id: `org-${String(number).padStart(3, '0')}`,
    identifier: [{ use: 'official', system: SYSTEM.npi, value: npi(rng) }],
    active: true,
    type: [codes(SYSTEM.organizationType, 'prov', 'Healthcare Provider')],
    name: spec.name,
    telecom: [
      { system: 'phone', value: phone(rng), use: 'work' },
      { system: 'url', value: `https://www.${domain}`, use: 'work' },
    ],
    address: [address(rng, 'work', spec.city)],
  };
  return { resource, ref: referenceTo(resource, spec.name), kind: spec.kind };
}

function buildClinician(rng: Rng, facility: Facility, specialty: Specialty, number: number): Clinician {
  const sex = rng.pick(['female', 'male'] as const);
  const given = rng.faker.person.firstName(sex);
  const family = rng.faker.person.lastName();
  const degree = rng.weighted(DEGREES);
  const graduated = rng.int(1985, 2020);
  const resource: FhirResource = {
    resourceType: 'Practitioner',
    id: `prac-${String(number).padStart(3, '0')}`,
    identifier: [{ use: 'official', system: SYSTEM.npi, value: npi(rng) }],
    active: true,
    name: [{ use: 'official', family, given: [given], prefix: ['Dr.'], suffix: [degree.code] }],
    telecom: [
      { system: 'phone', value: phone(rng), use: 'work' },
      { system: 'email', value: email(rng, given, family), use: 'work' },
    ],
    gender: sex,
    qualification: [
      {
        identifier: [{ system: SYSTEM.demoLicense, value: `${degree.code}${rng.digits(6)}` }],
        code: { ...codes(SYSTEM.degree, degree.code, degree.display), text: degree.display },
        period: { start: `${graduated}-07-01` },
        issuer: { display: 'Massachusetts Board of Registration in Medicine' },
      },
    ],
  };
  return {
    resource,
    ref: referenceTo(resource, `Dr. ${given} ${family}`),
    facility,
    specialty,
    dicomName: `${family}^${given}`,
  };
}

/** A 10-digit NPI whose last digit is the Luhn check digit over the `80840` prefix, as CMS defines it. */
function npi(rng: Rng): string {
  const base = `1${rng.digits(8)}`;
  return `${base}${luhnCheckDigit(`80840${base}`)}`;
}

function luhnCheckDigit(payload: string): number {
  let sum = 0;
  for (let i = 0; i < payload.length; i++) {
    // Doubling starts at the payload's last digit, which sits next to the check digit.
    let digit = Number(payload[payload.length - 1 - i]);
    if (i % 2 === 0) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return (10 - (sum % 10)) % 10;
}
