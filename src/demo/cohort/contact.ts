import type { Rng } from './random.js';

/** The cohort lives in Massachusetts: one state keeps cities, ZIP codes and area codes consistent. */
const STATE = 'MA';
const AREA_CODES = ['617', '508', '781', '978', '413', '339', '774', '857', '351'] as const;
const HOME_CITIES = [
  'Boston', 'Cambridge', 'Worcester', 'Springfield', 'Lowell', 'Quincy', 'Salem', 'Newton', 'Somerville',
  'Framingham', 'Brockton', 'Lynn', 'New Bedford', 'Fall River', 'Waltham', 'Medford', 'Malden', 'Plymouth',
  'Pittsfield', 'Northampton', 'Andover', 'Brookline',
] as const;

/** FHIR `AddressUse` codes the cohort uses. */
export type AddressUse = 'home' | 'work' | 'temp' | 'old' | 'billing';

/** A FHIR Address as the cohort writes it. */
export interface PostalAddress {
  use: AddressUse;
  line: string[];
  city: string;
  state: string;
  postalCode: string;
  country: string;
  period?: { end: string };
}

/** A FHIR Address in a US state (Massachusetts unless told), with a ZIP code of that state. */
export function address(rng: Rng, use: AddressUse, city: string = rng.pick(HOME_CITIES), state: string = STATE): PostalAddress {
  const line = [rng.faker.location.streetAddress()];
  if (use === 'home' && rng.chance(0.2)) line.push(rng.faker.location.secondaryAddress());
  return { use, line, city, state, postalCode: rng.faker.location.zipCode({ state }), country: 'US' };
}

/** A phone number in national form with a Massachusetts area code. */
export function phone(rng: Rng): string {
  return `(${rng.pick(AREA_CODES)}) ${rng.int(201, 989)}-${rng.digits(4)}`;
}

/** An e-mail address on a reserved example domain, so no real mailbox is ever named. */
export function email(rng: Rng, firstName: string, lastName: string): string {
  return rng.faker.internet.exampleEmail({ firstName, lastName }).toLowerCase();
}
