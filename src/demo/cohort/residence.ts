/**
 * Where patients live and work beyond the Massachusetts home address every patient draws: some
 * live across a state line or in Canada (and prefer French in Québec), some have a work address
 * and e-mail, a temporary, billing or former address. Drawn from a stream of its own, so adding it
 * left every other draw of a record, and so the cohort's resources and counts, as they were.
 */

import { address, email, type PostalAddress } from './contact.js';
import type { Rng } from './random.js';
import { DAY, YEAR, fhirDate } from './time.js';
import type { Code } from './types.js';

/** A place patients live outside Massachusetts. */
interface Region {
  readonly state: string;
  readonly cities: readonly string[];
  /** Canadian regions: the first letter of each city's postal codes, and the preferred language there. */
  readonly canada?: { readonly postalLetter: Readonly<Record<string, string>>; readonly language?: Code };
}

/** Neighbouring states (patients who cross the state line for care) and Canada, by weight; `undefined` stays in MA. */
const REGIONS: ReadonlyArray<readonly [number, Region | undefined]> = [
  [80, undefined],
  [5, { state: 'NH', cities: ['Nashua', 'Manchester', 'Salem', 'Portsmouth', 'Concord'] }],
  [4, { state: 'RI', cities: ['Providence', 'Pawtucket', 'Woonsocket', 'Newport'] }],
  [3, { state: 'CT', cities: ['Hartford', 'Enfield', 'Putnam', 'Windsor Locks'] }],
  [2, { state: 'NY', cities: ['Albany', 'Troy', 'Hudson'] }],
  [1, { state: 'VT', cities: ['Brattleboro', 'Bennington'] }],
  [1, { state: 'ME', cities: ['Portland', 'Kittery', 'York'] }],
  [
    2,
    {
      state: 'QC',
      cities: ['Montréal', 'Québec', 'Lévis', 'Trois-Rivières'],
      canada: { postalLetter: { Montréal: 'H', Québec: 'G', Lévis: 'G', 'Trois-Rivières': 'G' }, language: { code: 'fr-CA', display: 'French (Canada)' } },
    },
  ],
  [2, { state: 'ON', cities: ['Toronto', 'Ottawa'], canada: { postalLetter: { Toronto: 'M', Ottawa: 'K' } } }],
];

/** Where people commute to. */
const WORK_CITIES = ['Boston', 'Cambridge', 'Waltham', 'Worcester', 'Burlington', 'Springfield'] as const;

// Letters Canada Post uses in postal codes.
const POSTAL_LETTERS = 'ABCEGHJKLMNPRSTVWXYZ'.split('');

/** What the residence adds to a patient. */
export interface Residence {
  /** Home first, then any work, temporary, billing and former addresses. */
  addresses: PostalAddress[];
  /** A work e-mail for some who work. */
  workEmail?: string;
  /** The preferred language where the region has one of its own (French in Québec). */
  language?: Code;
}

/** Who the residence is for: their drawn home address, name and life span. */
export interface Resident {
  home: PostalAddress;
  given: string;
  family: string;
  birth: number;
  /** The day of death, or the cohort's reference date. */
  end: number;
  age: number;
}

function canadianPostalCode(rng: Rng, first: string): string {
  const letter = () => rng.pick(POSTAL_LETTERS);
  return `${first}${rng.int(0, 9)}${letter()} ${rng.int(0, 9)}${letter()}${rng.int(0, 9)}`;
}

/** The home address moved to `region`, keeping its street lines. */
function relocated(rng: Rng, home: PostalAddress, region: Region): PostalAddress {
  const city = rng.pick(region.cities);
  const { state, canada } = region;
  if (canada === undefined) return { ...home, city, state, postalCode: rng.faker.location.zipCode({ state }) };
  return { ...home, city, state, postalCode: canadianPostalCode(rng, canada.postalLetter[city] ?? 'K'), country: 'CA' };
}

/** Draws where a patient lives and works from `rng`, a stream used for nothing else. */
export function residence(rng: Rng, resident: Resident): Residence {
  const region = rng.weighted(REGIONS);
  const home = region === undefined ? resident.home : relocated(rng, resident.home, region);
  const addresses = [home];
  const out: Residence = { addresses };
  if (region?.canada?.language !== undefined) out.language = region.canada.language;
  const adult = resident.age >= 18;
  if (adult && resident.age < 70 && rng.chance(0.25)) {
    addresses.push(address(rng, 'work', rng.pick(WORK_CITIES)));
    if (rng.chance(0.5)) out.workEmail = email(rng, resident.given, resident.family);
  }
  if (adult && rng.chance(0.03)) addresses.push(address(rng, 'temp'));
  if (adult && rng.chance(0.04)) addresses.push({ ...home, use: 'billing', line: [`PO Box ${rng.int(100, 9999)}`] });
  if (adult && rng.chance(0.15)) {
    // A former home, left between ten years and a month before the record ends (and after age 18).
    const latest = resident.end - 30 * DAY;
    const left = rng.real(Math.min(latest, Math.max(resident.birth + 18 * YEAR, resident.end - 10 * YEAR)), latest);
    addresses.push({ ...address(rng, 'old'), period: { end: fhirDate(left) } });
  }
  return out;
}
