import { describe, expect, it } from '@jest/globals';
import type { StudyPlan } from '../../src/demo/imaging-plan.js';
import { SOP_CLASS, SYSTEM, generateCohort } from '../../src/demo/cohort/index.js';

const cohort = generateCohort({ patients: 100 });
const resources = new Map(cohort.resources.map((r) => [`${r.resourceType}/${r.id}`, r as any]));
const studies = cohort.resources.filter((r) => r.resourceType === 'ImagingStudy') as any[];
const studyByUid = new Map(studies.map((study) => [study.identifier.find((id: any) => id.system === 'urn:dicom:uid').value as string, study]));
const UID = /^(0|[1-9]\d*)(\.(0|[1-9]\d*))*$/;

function uidsOf(plan: StudyPlan): string[] {
  return [plan.studyInstanceUid, ...plan.series.flatMap((series) => [series.seriesInstanceUid, ...series.instances.map((i) => i.sopInstanceUid)])];
}

describe('generateCohort: imaging share', () => {
  it.each([1, 2, 3, 7, 10, 100])('gives at least 30 %% of %i patients a study', (patients) => {
    const { imaging } = generateCohort({ patients });
    const withImaging = new Set(imaging.map((plan) => plan.patient.fhirId));
    expect(withImaging.size).toBeGreaterThanOrEqual(Math.ceil(patients * 0.3));
  });

  it('follows imagingShare, giving each imaging patient one to three studies', () => {
    for (const share of [0, 0.5, 1]) {
      const { imaging } = generateCohort({ patients: 20, imagingShare: share });
      const perPatient = new Map<string, number>();
      for (const plan of imaging) perPatient.set(plan.patient.fhirId, (perPatient.get(plan.patient.fhirId) ?? 0) + 1);
      expect(perPatient.size).toBe(Math.ceil(20 * share));
      for (const count of perPatient.values()) expect(count).toBeGreaterThanOrEqual(1);
      for (const count of perPatient.values()) expect(count).toBeLessThanOrEqual(3);
    }
  });
});

describe('generateCohort: StudyPlan and ImagingStudy agree', () => {
  it('mirrors every plan in exactly one ImagingStudy, and nothing more', () => {
    expect(studies).toHaveLength(cohort.imaging.length);
    expect(studyByUid.size).toBe(studies.length);
    for (const plan of cohort.imaging) expect(studyByUid.has(`urn:oid:${plan.studyInstanceUid}`)).toBe(true);
  });

  it('matches patient, counts, UIDs, modalities and SOP classes', () => {
    for (const plan of cohort.imaging) {
      const study = studyByUid.get(`urn:oid:${plan.studyInstanceUid}`);
      const patient = resources.get(study.subject.reference);
      expect(study.subject.reference).toBe(`Patient/${plan.patient.fhirId}`);
      const mr = patient.identifier.find((id: any) => id.type?.coding?.[0]?.code === 'MR');
      expect(mr.value).toBe(plan.patient.mrn);
      const official = patient.name.find((name: any) => name.use === 'official');
      expect(plan.patient.dicomName).toBe(`${official.family}^${official.given[0]}`);
      expect(plan.patient.birthDate).toBe(patient.birthDate.replaceAll('-', ''));
      expect(plan.patient.sex).toBe(({ male: 'M', female: 'F' } as Record<string, string>)[patient.gender] ?? 'O');

      expect(study).toMatchObject({ status: 'available', numberOfSeries: plan.series.length, description: plan.description });
      expect(study.numberOfInstances).toBe(plan.series.reduce((sum, series) => sum + series.instances.length, 0));
      expect(study.identifier).toContainEqual(expect.objectContaining({ value: plan.accessionNumber }));
      expect(study.modality.map((m: any) => m.code)).toEqual([...new Set(plan.series.map((series) => series.modality))]);
      expect(study.series.map((s: any) => s.uid)).toEqual(plan.series.map((series) => series.seriesInstanceUid));
      plan.series.forEach((series, index) => {
        const mirrored = study.series[index];
        expect(mirrored).toMatchObject({ number: series.seriesNumber, description: series.description, numberOfInstances: series.instances.length });
        expect(mirrored.modality).toMatchObject({ system: SYSTEM.dicom, code: series.modality });
        expect(mirrored.bodySite.system).toBe('http://snomed.info/sct');
        expect(mirrored.instance.map((i: any) => [i.uid, i.number])).toEqual(series.instances.map((i) => [i.sopInstanceUid, i.instanceNumber]));
        for (const instance of mirrored.instance) expect(instance.sopClass.code).toBe(`urn:oid:${SOP_CLASS[series.modality].uid}`);
      });
    }
  });

  it('dates each study within its encounter and names a practitioner as referrer', () => {
    const practitioners = cohort.resources.filter((r) => r.resourceType === 'Practitioner') as any[];
    const dicomNames = new Set(practitioners.map((p) => `${p.name[0].family}^${p.name[0].given[0]}`));
    for (const plan of cohort.imaging) {
      const study = studyByUid.get(`urn:oid:${plan.studyInstanceUid}`);
      const encounter = resources.get(study.encounter.reference);
      const d = plan.studyDate;
      const t = plan.studyTime;
      expect(d).toMatch(/^\d{8}$/);
      expect(t).toMatch(/^\d{6}$/);
      const started = Date.parse(`${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6)}T${t.slice(0, 2)}:${t.slice(2, 4)}:${t.slice(4)}Z`);
      expect(Date.parse(study.started)).toBe(started);
      expect(started).toBeGreaterThanOrEqual(Date.parse(encounter.period.start));
      expect(started).toBeLessThanOrEqual(Date.parse(encounter.period.end));
      expect(dicomNames.has(plan.referringPhysicianName)).toBe(true);
      expect(resources.get(study.referrer.reference).resourceType).toBe('Practitioner');
    }
  });

  it('reads every study in a radiology report', () => {
    const reports = cohort.resources.filter((r: any) => r.resourceType === 'DiagnosticReport' && r.imagingStudy) as any[];
    expect(reports.map((r) => r.imagingStudy[0].reference).sort()).toEqual(studies.map((s) => `ImagingStudy/${s.id}`).sort());
    for (const report of reports) expect(report.conclusion).toEqual(expect.any(String));
  });
});

describe('generateCohort: DICOM identifiers', () => {
  it('makes UIDs valid (digits and dots, no leading zeros, at most 64 characters) and unique', () => {
    const all = cohort.imaging.flatMap(uidsOf);
    expect(all.filter((uid) => !UID.test(uid) || uid.length > 64 || !uid.startsWith('2.25.'))).toEqual([]);
    expect(new Set(all).size).toBe(all.length);
  });

  it('gives different seeds different UIDs', () => {
    const other = new Set(generateCohort({ patients: 100, seed: 99 }).imaging.flatMap(uidsOf));
    expect(cohort.imaging.flatMap(uidsOf).filter((uid) => other.has(uid))).toEqual([]);
  });

  it('uses unique accession numbers that fit DICOM SH', () => {
    const accessions = cohort.imaging.map((plan) => plan.accessionNumber);
    expect(new Set(accessions).size).toBe(accessions.length);
    for (const accession of accessions) expect(accession.length).toBeLessThanOrEqual(16);
  });

  it('covers CT, MR, radiographs and ultrasound clips with few images per series', () => {
    const { imaging } = generateCohort({ patients: 300 });
    const series = imaging.flatMap((plan) => plan.series);
    const modalities = new Set(series.map((s) => s.modality));
    for (const modality of ['CT', 'MR', 'US']) expect(modalities).toContain(modality);
    expect(modalities.has('CR') || modalities.has('DX')).toBe(true);
    for (const plan of imaging) expect(plan.series.length).toBeGreaterThanOrEqual(1);
    for (const plan of imaging) expect(plan.series.length).toBeLessThanOrEqual(4);
    for (const s of series) {
      expect(s.instances.length).toBeGreaterThanOrEqual(1);
      expect(s.instances.length).toBeLessThanOrEqual(8);
      expect(s.bodyPart).toMatch(/^[A-Z]+$/);
      // Ultrasound instances are clips; everything else is one frame per image.
      for (const instance of s.instances) expect(instance.numberOfFrames > 1).toBe(s.modality === 'US');
    }
    expect([...new Set(imaging.map((plan) => plan.description))]).toEqual(expect.arrayContaining(['CT CHEST W/O CONTRAST', 'MR BRAIN W/WO CONTRAST', 'XR CHEST 2 VIEWS']));
  });
});
