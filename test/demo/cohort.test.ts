import { describe, expect, it } from '@jest/globals';
import { COHORT_REFERENCE_DATE, SYSTEM, generateCohort, type FhirResource } from '../../src/demo/cohort/index.js';
import { referencesIn } from '../helpers/fhir-references.js';

const cohort = generateCohort({ patients: 100 });
const byType = (type: string) => cohort.resources.filter((resource) => resource.resourceType === type);
const patients = byType('Patient') as any[];

/** The patient a resource belongs to, by its subject or patient reference. */
function ownerOf(resource: any): string | undefined {
  return (resource.subject ?? resource.patient)?.reference;
}

describe('generateCohort: determinism', () => {
  it('gives byte-identical output for the same size and seed', () => {
    const first = generateCohort({ patients: 30, seed: 7 });
    const second = generateCohort({ patients: 30, seed: 7 });
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
  });

  it('gives another cohort for another seed', () => {
    const [a, b] = [generateCohort({ patients: 10, seed: 1 }), generateCohort({ patients: 10, seed: 2 })];
    expect(JSON.stringify(b)).not.toBe(JSON.stringify(a));
    expect(JSON.stringify(b.resources.find((r) => r.id === 'pat-000001'))).not.toBe(JSON.stringify(a.resources.find((r) => r.id === 'pat-000001')));
  });

  it('uses the default seed when none is given', () => {
    expect(JSON.stringify(generateCohort({ patients: 5 }))).toBe(JSON.stringify(generateCohort({ patients: 5, seed: 20260630 })));
  });

  it('keeps the first N patients, their records and studies, when the cohort grows', () => {
    const small = generateCohort({ patients: 12 });
    const large = generateCohort({ patients: 20 });
    const firstTwelve = (resources: FhirResource[]) =>
      JSON.stringify(resources.filter((r) => Number(/^[a-z]+-(\d{6})/.exec(r.id)?.[1] ?? 0) <= 12 || !/^[a-z]+-\d{6}/.test(r.id)));
    expect(firstTwelve(large.resources)).toBe(firstTwelve(small.resources));
    expect(JSON.stringify(large.imaging.filter((plan) => Number(plan.patient.fhirId.slice(4)) <= 12))).toBe(JSON.stringify(small.imaging));
  });

  it('rejects options it cannot honour', () => {
    expect(() => generateCohort({ patients: -1 })).toThrow(RangeError);
    expect(() => generateCohort({ patients: 1.5 })).toThrow(RangeError);
    expect(() => generateCohort({ patients: 1, seed: Number.NaN })).toThrow(RangeError);
    expect(() => generateCohort({ patients: 1, imagingShare: 1.2 })).toThrow(RangeError);
    expect(generateCohort({ patients: 0 }).resources.every((r) => ['Organization', 'Practitioner'].includes(r.resourceType))).toBe(true);
  });
});

describe('generateCohort: resources and references', () => {
  it('gives every resource a valid, unique id', () => {
    const keys = cohort.resources.map((r) => `${r.resourceType}/${r.id}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(cohort.resources.filter((r) => !/^[A-Za-z0-9\-.]{1,64}$/.test(r.id)).map((r) => r.id)).toEqual([]);
  });

  it('orders Organizations, Practitioners, Patients and Encounters before the rest', () => {
    const leading = ['Organization', 'Practitioner', 'Patient', 'Encounter'];
    const ranks = cohort.resources.map((r) => {
      const rank = leading.indexOf(r.resourceType);
      return rank === -1 ? leading.length : rank;
    });
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(byType('Organization').length).toBeGreaterThanOrEqual(3);
    expect(byType('Practitioner').length).toBeGreaterThanOrEqual(10);
  });

  it('only references resources that come earlier', () => {
    const position = new Map(cohort.resources.map((r, index) => [`${r.resourceType}/${r.id}`, index]));
    const bad: string[] = [];
    let checked = 0;
    cohort.resources.forEach((resource, index) => {
      for (const reference of referencesIn(resource)) {
        const target = position.get(reference);
        if (target === undefined || target >= index) bad.push(`${resource.resourceType}/${resource.id} -> ${reference}`);
        checked++;
      }
    });
    expect(bad).toEqual([]);
    expect(checked).toBeGreaterThan(cohort.resources.length);
  });

  it('wires patients, encounters and practitioners together', () => {
    for (const patient of patients) {
      expect(patient.generalPractitioner[0].reference).toMatch(/^Practitioner\//);
      expect(patient.managingOrganization.reference).toMatch(/^Organization\//);
    }
    for (const encounter of byType('Encounter') as any[]) {
      expect(encounter.class.system).toBe('http://terminology.hl7.org/CodeSystem/v3-ActCode');
      expect(['AMB', 'EMER', 'IMP']).toContain(encounter.class.code);
      expect(encounter.participant[0].individual.reference).toMatch(/^Practitioner\//);
      expect(encounter.serviceProvider.reference).toMatch(/^Organization\//);
      expect(encounter.subject.reference).toMatch(/^Patient\//);
    }
    expect(new Set((byType('Encounter') as any[]).map((e) => e.class.code))).toEqual(new Set(['AMB', 'EMER', 'IMP']));
  });

  it('gives practitioners NPIs with a valid Luhn check digit', () => {
    for (const practitioner of byType('Practitioner') as any[]) {
      const npi = practitioner.identifier.find((id: any) => id.system === SYSTEM.npi).value as string;
      const digits = `80840${npi}`.split('').reverse().map(Number);
      const sum = digits.reduce((total, digit, index) => total + (index % 2 === 1 ? (digit * 2 > 9 ? digit * 2 - 9 : digit * 2) : digit), 0);
      expect(sum % 10).toBe(0);
      expect(practitioner.name[0].prefix).toEqual(['Dr.']);
    }
  });
});

describe('generateCohort: patients', () => {
  it('gives every patient exactly one MR identifier, with unique MRNs', () => {
    const mrns = patients.map((patient) => {
      const mr = patient.identifier.filter((id: any) => id.type?.coding?.some((c: any) => c.system === 'http://terminology.hl7.org/CodeSystem/v2-0203' && c.code === 'MR'));
      expect(mr).toHaveLength(1);
      expect(mr[0]).toMatchObject({ use: 'usual', system: SYSTEM.mrn });
      expect(mr[0].value).toMatch(/^MRN\d+$/);
      return mr[0].value as string;
    });
    expect(new Set(mrns).size).toBe(patients.length);
  });

  it('has realistic demographics', () => {
    const today = Date.parse(COHORT_REFERENCE_DATE);
    const ages = patients.map((p) => (today - Date.parse(p.birthDate)) / (365.25 * 86_400_000));
    expect(Math.min(...ages)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...ages)).toBeLessThan(96);
    expect(ages.some((age) => age < 18)).toBe(true);
    expect(ages.some((age) => age >= 65)).toBe(true);
    for (const patient of patients) {
      const official = patient.name.find((name: any) => name.use === 'official');
      expect(official.family).toEqual(expect.any(String));
      expect(official.given.length).toBeGreaterThanOrEqual(1);
      expect(['male', 'female', 'other', 'unknown']).toContain(patient.gender);
      expect(patient.birthDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(patient.address[0]).toEqual({
        use: 'home',
        line: [expect.any(String), ...patient.address[0].line.slice(1)],
        city: expect.any(String),
        state: expect.stringMatching(/^(MA|NH|RI|CT|NY|VT|ME|QC|ON)$/),
        postalCode: patient.address[0].country === 'US' ? expect.stringMatching(/^\d{5}$/) : expect.stringMatching(/^[A-Z]\d[A-Z] \d[A-Z]\d$/),
        country: patient.address[0].state === 'QC' || patient.address[0].state === 'ON' ? 'CA' : 'US',
      });
      expect(patient.telecom.some((t: any) => t.system === 'phone')).toBe(true);
      expect(patient.communication[0].language.coding[0].system).toBe('urn:ietf:bcp:47');
    }
    expect(patients.some((p) => p.deceasedDateTime !== undefined)).toBe(true);
    expect(patients.some((p) => p.name[0].given.length > 1)).toBe(true);
    expect(patients.some((p) => p.name[0].prefix !== undefined)).toBe(true);
  });

  it('keeps every dated event within the patient\'s life and before the reference date', () => {
    const lives = new Map<string, [number, number]>(
      patients.map((p) => [`Patient/${p.id}`, [Date.parse(p.birthDate), Date.parse(p.deceasedDateTime ?? `${COHORT_REFERENCE_DATE}T23:59:59Z`)]]),
    );
    const outside: string[] = [];
    let checked = 0;
    for (const resource of cohort.resources as any[]) {
      const owner = ownerOf(resource);
      if (owner === undefined) continue;
      const [birth, end] = lives.get(owner) ?? [Number.NaN, Number.NaN];
      for (const time of [resource.period?.start, resource.period?.end, resource.effectiveDateTime, resource.occurrenceDateTime, resource.authoredOn, resource.started]) {
        if (time === undefined) continue;
        checked++;
        if (!(Date.parse(time) >= birth && Date.parse(time) <= end)) outside.push(`${resource.resourceType}/${resource.id} at ${time}`);
      }
    }
    expect(outside).toEqual([]);
    expect(checked).toBeGreaterThan(cohort.resources.length / 2);
  });

  it('gives each patient a full record, 60–150 resources on average', () => {
    const counts = new Map<string, number>();
    for (const resource of cohort.resources) {
      const owner = ownerOf(resource);
      if (owner !== undefined) counts.set(owner, (counts.get(owner) ?? 0) + 1);
    }
    const average = (cohort.resources.length - byType('Organization').length - byType('Practitioner').length) / patients.length;
    expect(average).toBeGreaterThanOrEqual(60);
    expect(average).toBeLessThanOrEqual(150);
    for (const type of ['Encounter', 'Condition', 'Observation', 'MedicationRequest', 'AllergyIntolerance', 'Immunization', 'Procedure', 'DiagnosticReport']) {
      expect(byType(type).length).toBeGreaterThan(0);
    }
    expect(counts.size).toBe(patients.length);
  });

  it('has heavy patients for paging: 150+ resources, one with over 100 Observations', () => {
    const small = generateCohort({ patients: 50 });
    const resources = new Map<string, number>();
    const observations = new Map<string, number>();
    for (const resource of small.resources) {
      const owner = ownerOf(resource);
      if (owner === undefined) continue;
      resources.set(owner, (resources.get(owner) ?? 0) + 1);
      if (resource.resourceType === 'Observation') observations.set(owner, (observations.get(owner) ?? 0) + 1);
    }
    expect(Math.max(...resources.values())).toBeGreaterThanOrEqual(150);
    expect(Math.max(...observations.values())).toBeGreaterThan(100);
  });
});

describe('generateCohort: clinical content', () => {
  const observations = byType('Observation') as any[];
  const categoryOf = (observation: any) => observation.category[0].coding[0].code;

  it('codes vital signs in LOINC with UCUM quantities', () => {
    const vitals = observations.filter((o) => categoryOf(o) === 'vital-signs');
    const codes = new Set(vitals.map((o) => o.code.coding[0].code));
    for (const code of ['85354-9', '8867-4', '8310-5', '29463-7', '8302-2', '39156-5', '2708-6']) expect(codes).toContain(code);
    const wrong = vitals.filter((vital) => {
      const quantities = vital.component?.map((c: any) => c.valueQuantity) ?? [vital.valueQuantity];
      return (
        vital.status !== 'final' ||
        vital.code.coding[0].system !== 'http://loinc.org' ||
        vital.category[0].coding[0].system !== 'http://terminology.hl7.org/CodeSystem/observation-category' ||
        !vital.encounter?.reference?.startsWith('Encounter/') ||
        !vital.subject?.reference?.startsWith('Patient/') ||
        (vital.component !== undefined && vital.component.map((c: any) => c.code.coding[0].code).join() !== '8480-6,8462-4') ||
        quantities.some((q: any) => q?.system !== 'http://unitsofmeasure.org' || typeof q.code !== 'string' || !Number.isFinite(q.value))
      );
    });
    expect(wrong.map((vital) => vital.id)).toEqual([]);
  });

  it('keeps vital values plausible', () => {
    const values = (code: string) => observations.filter((o) => o.code.coding[0].code === code).map((o) => o.valueQuantity.value as number);
    for (const value of values('8310-5')) expect(value).toBeGreaterThan(35);
    for (const value of values('8310-5')) expect(value).toBeLessThan(41);
    for (const value of values('2708-6')) expect(value).toBeLessThanOrEqual(100);
    for (const value of values('39156-5')) expect(value).toBeGreaterThan(10);
    for (const value of values('39156-5')) expect(value).toBeLessThan(60);
    for (const panel of observations.filter((o) => o.component)) expect(panel.component[0].valueQuantity.value).toBeGreaterThan(panel.component[1].valueQuantity.value);
  });

  it('reports labs in DiagnosticReports over laboratory Observations', () => {
    const labs = new Map(observations.filter((o) => categoryOf(o) === 'laboratory').map((o) => [`Observation/${o.id}`, o]));
    const codes = new Set([...labs.values()].map((o) => o.code.coding[0].code));
    for (const code of ['2345-7', '4548-4', '2093-3', '718-7', '6690-2', '2160-0']) expect(codes).toContain(code);
    for (const lab of labs.values()) expect(lab.valueQuantity.system).toBe('http://unitsofmeasure.org');
    const reports = (byType('DiagnosticReport') as any[]).filter((r) => r.category[0].coding[0].code === 'LAB');
    expect(reports.length).toBeGreaterThan(0);
    for (const report of reports) {
      expect(report.result.length).toBeGreaterThan(0);
      for (const result of report.result) expect(labs.get(result.reference)?.encounter).toEqual(report.encounter);
    }
  });

  it('codes conditions, medications and immunizations in SNOMED CT, RxNorm and CVX', () => {
    for (const condition of byType('Condition') as any[]) {
      expect(condition.code.coding[0]).toMatchObject({ system: 'http://snomed.info/sct', code: expect.stringMatching(/^\d+$/), display: expect.any(String) });
      expect(['active', 'resolved']).toContain(condition.clinicalStatus.coding[0].code);
      expect(condition.encounter.reference).toMatch(/^Encounter\//);
    }
    for (const request of byType('MedicationRequest') as any[]) {
      expect(request).toMatchObject({ intent: 'order', requester: { reference: expect.stringMatching(/^Practitioner\//) } });
      expect(request.medicationCodeableConcept.coding[0].system).toBe('http://www.nlm.nih.gov/research/umls/rxnorm');
    }
    for (const immunization of byType('Immunization') as any[]) {
      expect(immunization.vaccineCode.coding[0].system).toBe('http://hl7.org/fhir/sid/cvx');
      expect(immunization.occurrenceDateTime).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    }
  });

  it('never prescribes a drug the patient is allergic to', () => {
    const penicillinAllergic = new Set(
      (byType('AllergyIntolerance') as any[]).filter((a) => a.code.coding[0].code === '764146007').map((a) => a.patient.reference),
    );
    expect(penicillinAllergic.size).toBeGreaterThan(0);
    const amoxicillin = (byType('MedicationRequest') as any[]).filter((r) => r.medicationCodeableConcept.coding[0].code === '723');
    expect(amoxicillin.length).toBeGreaterThan(0);
    for (const request of amoxicillin) expect(penicillinAllergic.has(request.subject.reference)).toBe(false);
  });
});
