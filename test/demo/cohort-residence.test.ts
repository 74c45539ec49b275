import { describe, expect, it } from '@jest/globals';
import { COHORT_REFERENCE_DATE, generateCohort } from '../../src/demo/cohort/index.js';

/** The demo's cohort (`npm run seed` loads 100 patients). */
const cohort = generateCohort({ patients: 100 });
const patients = cohort.resources.filter((r) => r.resourceType === 'Patient') as any[];

const addresses = (p: any): any[] => p.address;
const telecom = (p: any, system: string): string[] => p.telecom.filter((t: any) => t.system === system).map((t: any) => t.value);
const languages = (p: any): string[] => p.communication.flatMap((c: any) => c.language.coding.map((coding: any) => coding.code));

describe('generateCohort: contact details and residence', () => {
  it('keeps the demo’s resource counts (README: 12319 FHIR resources)', () => {
    expect(cohort.resources.length).toBe(12319);
    expect(cohort.imaging.length).toBe(75);
  });

  it('gives every filter of a patient search something to narrow', () => {
    const deathYear = (p: any): number | undefined => (p.deceasedDateTime === undefined ? undefined : Number(p.deceasedDateTime.slice(0, 4)));
    const filters: Record<string, (p: any) => boolean> = {
      inactive: (p) => p.active === false,
      deceased: (p) => p.deceasedDateTime !== undefined,
      'died since 2024': (p) => (deathYear(p) ?? 0) >= 2024,
      'city Boston': (p) => addresses(p).some((a) => a.city === 'Boston'),
      'state NH': (p) => addresses(p).some((a) => a.state === 'NH'),
      'postal code 02…': (p) => addresses(p).some((a) => a.postalCode.startsWith('02')),
      'country CA': (p) => addresses(p).some((a) => a.country === 'CA'),
      'work address': (p) => addresses(p).some((a) => a.use === 'work'),
      'former address': (p) => addresses(p).some((a) => a.use === 'old'),
      'billing address': (p) => addresses(p).some((a) => a.use === 'billing'),
      'temporary address': (p) => addresses(p).some((a) => a.use === 'temp'),
      'has e-mail': (p) => telecom(p, 'email').length > 0,
      'work e-mail': (p) => p.telecom.some((t: any) => t.system === 'email' && t.use === 'work'),
      'speaks Spanish': (p) => languages(p).includes('es'),
      'speaks French (Canada)': (p) => languages(p).includes('fr-CA'),
    };
    const counts = Object.fromEntries(Object.entries(filters).map(([name, test]) => [name, patients.filter(test).length]));
    for (const [name, count] of Object.entries(counts)) {
      expect({ name, narrows: count > 0 && count < patients.length }).toEqual({ name, narrows: true });
    }
  });

  it('writes telecom like a US practice: national phone numbers, e-mail on reserved example domains', () => {
    const phones = patients.flatMap((p) => telecom(p, 'phone'));
    expect(phones.filter((phone) => !/^\(\d{3}\) \d{3}-\d{4}$/.test(phone))).toEqual([]);
    expect(new Set(phones).size).toBe(phones.length);
    const emails = patients.flatMap((p) => telecom(p, 'email'));
    expect(emails.filter((email) => !/^[^@\s]+@example\.(com|org|net)$/.test(email))).toEqual([]);
  });

  it('writes full addresses in several cities and states, Canadian ones with postal codes and provinces', () => {
    for (const address of patients.flatMap(addresses)) {
      expect(address).toEqual(
        expect.objectContaining({ use: expect.stringMatching(/^(home|work|temp|old|billing)$/), line: [expect.any(String), ...address.line.slice(1)], city: expect.any(String) }),
      );
      if (address.country === 'US') expect(address.postalCode).toMatch(/^\d{5}$/);
      else expect(address).toMatchObject({ country: 'CA', state: expect.stringMatching(/^(QC|ON)$/), postalCode: expect.stringMatching(/^[A-Z]\d[A-Z] \d[A-Z]\d$/) });
    }
    const homes = patients.map((p) => addresses(p)[0]);
    expect(homes.every((home) => home.use === 'home')).toBe(true);
    expect(new Set(homes.map((home) => home.city)).size).toBeGreaterThanOrEqual(20);
    expect(new Set(homes.map((home) => home.state)).size).toBeGreaterThanOrEqual(5);
    expect(homes.some((home) => /[éè]/.test(home.city))).toBe(true);
  });

  it('dates former addresses within the patient’s adult life', () => {
    const old = patients.flatMap((p) => addresses(p).filter((a) => a.use === 'old').map((a) => ({ p, end: a.period.end })));
    expect(old.length).toBeGreaterThan(0);
    for (const { p, end } of old) {
      expect(end >= p.birthDate && end <= (p.deceasedDateTime ?? COHORT_REFERENCE_DATE).slice(0, 10)).toBe(true);
    }
  });

  it('records one preferred BCP-47 language per patient, several across the cohort, French in Québec', () => {
    for (const patient of patients) {
      expect(patient.communication).toEqual([{ language: expect.objectContaining({ coding: [expect.objectContaining({ system: 'urn:ietf:bcp:47' })] }), preferred: true }]);
      expect(languages(patient)[0]).toMatch(/^[a-z]{2,3}(-[A-Z]{2})?$/);
    }
    expect(new Set(patients.flatMap(languages)).size).toBeGreaterThanOrEqual(5);
    const quebec = patients.filter((p) => addresses(p)[0].state === 'QC');
    expect(quebec.length).toBeGreaterThan(0);
    expect(quebec.every((p) => languages(p)[0] === 'fr-CA')).toBe(true);
  });
});
