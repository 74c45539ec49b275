import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { StudyPlan } from '../../src/demo/imaging-plan.js';
import { expectEnvelope, toApiResponse } from './helpers.js';
import { type DicomEmulator, imageSize, sampleInstances, startDicomEmulator, stow, value } from './dicom-helpers.js';

let dicom: DicomEmulator;
let ct: StudyPlan;
let mr: StudyPlan;
let us: StudyPlan;
let ctRows: number;

async function search(path: string, accept = 'application/dicom+json'): Promise<{ status: number; body: any; text: string; headers: Headers }> {
  const { json, ...response } = await toApiResponse(await fetch(`${dicom.web}/${path}`, { headers: { accept } }));
  return { ...response, body: json };
}

const uids = (results: any[], tag: string): string[] => results.map((r) => value(r, tag));

beforeAll(async () => {
  dicom = await startDicomEmulator();
  const stored = [
    sampleInstances({
      seed: 'qido-ct',
      modality: 'CT',
      studyDate: '20240110',
      accessionNumber: 'ACC-CT-1',
      patient: { mrn: 'MRN-1', dicomName: 'Doe^John', birthDate: '19700101', sex: 'M' },
      series: [{ description: 'Axial 5mm', instances: 3 }, { description: 'Coronal MPR', instances: 2 }],
    }),
    sampleInstances({
      seed: 'qido-mr',
      modality: 'MR',
      studyDate: '20240215',
      accessionNumber: 'ACC-MR-2',
      patient: { mrn: 'MRN-2', dicomName: 'Müller^Anna', birthDate: '19851224', sex: 'F' },
      series: [{ description: 'Ax T2', instances: 2 }],
    }),
    sampleInstances({
      seed: 'qido-us',
      modality: 'US',
      studyDate: '20240301',
      accessionNumber: 'ACC-US-3',
      patient: { mrn: 'MRN-1', dicomName: 'Doe^John', birthDate: '19700101', sex: 'M' },
      series: [{ description: 'Liver', instances: 1, frames: 4 }],
    }),
  ];
  [ct, mr, us] = stored.map((s) => s.plan) as [StudyPlan, StudyPlan, StudyPlan];
  ctRows = imageSize(stored[0]!.files[0]!).rows;
  for (const s of stored) expect((await stow(dicom.web, s.files)).status).toBe(200);
});

afterAll(async () => {
  await dicom.emulator.close();
});

describe('QIDO-RS studies', () => {
  it('returns every study with Google\'s default attributes, empty ones as {vr} only', async () => {
    const { status, body, headers } = await search('studies');
    expect(status).toBe(200);
    expect(headers.get('content-type')).toMatch(/^application\/dicom\+json/);
    expect(uids(body, '0020000D')).toEqual([ct.studyInstanceUid, mr.studyInstanceUid, us.studyInstanceUid]);
    const first = body[0];
    expect(Object.keys(first).sort()).toEqual(
      ['00080005', '00080020', '00080030', '00080050', '00080056', '00080090', '00080201', '00100010', '00100020', '00100030', '00100040', '0020000D', '00200010'],
    );
    expect(first['00100010']).toEqual({ vr: 'PN', Value: [{ Alphabetic: 'Doe^John' }] });
    expect(first['00080056']).toEqual({ vr: 'CS', Value: ['ONLINE'] });
    expect(first['00080201']).toEqual({ vr: 'SH' });
    expect(value(first, '00080050')).toBe('ACC-CT-1');
  });

  it('matches single values exactly, by keyword or by tag', async () => {
    expect(uids((await search('studies?PatientID=MRN-1')).body, '0020000D')).toEqual([ct.studyInstanceUid, us.studyInstanceUid]);
    expect(uids((await search('studies?00100020=MRN-2')).body, '0020000D')).toEqual([mr.studyInstanceUid]);
    expect(uids((await search('studies?AccessionNumber=ACC-US-3')).body, '0020000D')).toEqual([us.studyInstanceUid]);
    expect(uids((await search(`studies?StudyInstanceUID=${mr.studyInstanceUid}`)).body, '0020000D')).toEqual([mr.studyInstanceUid]);
    expect(uids((await search('studies?PatientName=Doe%5EJohn')).body, '0020000D')).toHaveLength(2);
    expect(uids((await search('studies?ReferringPhysicianName=Welby%5EMarcus')).body, '0020000D')).toHaveLength(3);
  });

  it('answers 204 with an empty body when nothing matches', async () => {
    for (const path of ['studies?PatientID=nobody', 'studies?PatientName=doe', 'studies?PatientName=Doe', 'series?Modality=XA', 'instances?SOPInstanceUID=1.2.3']) {
      const res = await search(path);
      expect([path, res.status, res.text]).toEqual([path, 204, '']);
    }
  });

  it('supports StudyDate exact matches and closed and open ranges', async () => {
    const dates = async (q: string): Promise<string[]> => uids((await search(`studies?StudyDate=${q}`)).body ?? [], '00080020');
    expect(await dates('20240215')).toEqual(['20240215']);
    expect(await dates('20240201-20240301')).toEqual(['20240215', '20240301']);
    expect(await dates('20240201-')).toEqual(['20240215', '20240301']);
    expect(await dates('-20240215')).toEqual(['20240110', '20240215']);
    expect(await dates('20250101-')).toEqual([]);
    for (const bad of ['2024', '20240301-20240101', '-', 'yesterday']) {
      const res = await search(`studies?StudyDate=${bad}`);
      expectEnvelope({ ...res, json: res.body }, 400, 'INVALID_ARGUMENT');
    }
  });

  it('fuzzy-matches PatientName by case-insensitive, accent-insensitive name prefixes', async () => {
    const names = async (q: string): Promise<number> => ((await search(`studies?fuzzymatching=true&PatientName=${encodeURIComponent(q)}`)).body ?? []).length;
    expect(await names('jo')).toBe(2);
    expect(await names('Do')).toBe(2);
    expect(await names('John Doe')).toBe(2);
    expect(await names('ohn')).toBe(0);
    expect(await names('mull')).toBe(1);
    expect(await names('ANNA')).toBe(1);
    // Without fuzzy matching the name must match exactly.
    expect(((await search('studies?PatientName=Doe')).body ?? []).length).toBe(0);
  });

  it('adds includefield attributes (keywords, tags, comma lists, repeats) and the computed ones', async () => {
    const { body } = await search(
      `studies?StudyInstanceUID=${ct.studyInstanceUid}&includefield=StudyDescription,00201206&includefield=NumberOfStudyRelatedInstances&includefield=ModalitiesInStudy`,
    );
    const [study] = body;
    expect(value(study, '00081030')).toBe(ct.description);
    expect(value(study, '00201206')).toBe(2);
    expect(value(study, '00201208')).toBe(5);
    expect(study['00080061']).toEqual({ vr: 'CS', Value: ['CT'] });
  });

  it('leaves computed attributes out unless asked for, and includes them with includefield=all', async () => {
    const plain = (await search(`studies?StudyInstanceUID=${ct.studyInstanceUid}`)).body[0];
    expect(plain['00201208']).toBeUndefined();
    const all = (await search(`studies?StudyInstanceUID=${ct.studyInstanceUid}&includefield=all`)).body[0];
    expect(value(all, '00201208')).toBe(5);
    expect(value(all, '00081030')).toBe(ct.description);
    expect(all['00080080']).toEqual({ vr: 'LO', Value: ['Healthcare Graph Demo Hospital'] });
  });

  it('rejects unsupported match keys, repeated keys, UID lists and bad includefields with 400', async () => {
    for (const path of ['studies?StudyDescription=x', 'studies?Modality=CT', 'studies?PatientID=a&PatientID=b', 'studies?StudyInstanceUID=1.2,1.3', 'studies?includefield=NotAKeyword', 'studies?fuzzymatching=yes']) {
      const res = await search(path);
      expectEnvelope({ ...res, json: res.body }, 400, 'INVALID_ARGUMENT');
    }
  });
});

describe('QIDO-RS paging', () => {
  it('applies limit and offset in storing order', async () => {
    expect(uids((await search('studies?limit=2')).body, '0020000D')).toEqual([ct.studyInstanceUid, mr.studyInstanceUid]);
    expect(uids((await search('studies?limit=2&offset=2')).body, '0020000D')).toEqual([us.studyInstanceUid]);
    expect((await search('studies?offset=3')).status).toBe(204);
    expect((await search('instances?limit=1&offset=7')).body).toHaveLength(1);
  });

  it('clamps limit to the level maximum and rejects offsets beyond 1,000,000 or malformed numbers', async () => {
    expect((await search('studies?limit=999999')).body).toHaveLength(3);
    expect((await search('instances?limit=999999')).body).toHaveLength(8);
    for (const path of ['studies?offset=1000001', 'studies?limit=-1', 'studies?limit=ten', 'instances?offset=1.5']) {
      const res = await search(path);
      expectEnvelope({ ...res, json: res.body }, 400, 'INVALID_ARGUMENT');
    }
    expect((await search('studies?offset=1000000')).status).toBe(204);
  });
});

describe('QIDO-RS series and instances', () => {
  it('searches series store-wide and within a study, with the study UID on every result', async () => {
    const all = (await search('series')).body;
    expect(all).toHaveLength(4);
    expect(Object.keys(all[0]).sort()).toEqual(['00080005', '00080060', '00080201', '0008103E', '0020000D', '0020000E', '00400244', '00400245', '00400275']);
    const inStudy = (await search(`studies/${ct.studyInstanceUid}/series?includefield=NumberOfSeriesRelatedInstances,SeriesNumber`)).body;
    expect(uids(inStudy, '0020000E')).toEqual(ct.series.map((s) => s.seriesInstanceUid));
    expect(inStudy.map((s: any) => value(s, '00201209'))).toEqual([3, 2]);
    expect(inStudy.map((s: any) => value(s, '00200011'))).toEqual([1, 2]);
    expect(uids((await search('series?Modality=MR')).body, '0020000E')).toEqual([mr.series[0]!.seriesInstanceUid]);
    expect(uids((await search('series?PatientID=MRN-1&Modality=US')).body, '0020000D')).toEqual([us.studyInstanceUid]);
    expect((await search('studies/1.2.3/series')).status).toBe(204);
  });

  it('searches instances at all three paths with the default instance attributes', async () => {
    expect((await search('instances')).body).toHaveLength(8);
    expect((await search(`studies/${ct.studyInstanceUid}/instances`)).body).toHaveLength(5);
    const series = ct.series[1]!;
    const list = (await search(`studies/${ct.studyInstanceUid}/series/${series.seriesInstanceUid}/instances`)).body;
    expect(uids(list, '00080018')).toEqual(series.instances.map((i) => i.sopInstanceUid));
    expect(Object.keys(list[0]).sort()).toEqual(
      ['00080005', '00080016', '00080018', '00080056', '00080201', '00200013', '00280008', '00280010', '00280011', '00280100', '0020000D', '0020000E'].sort(),
    );
    expect(value(list[0], '00280010')).toBe(ctRows);
    expect(ctRows).toBeGreaterThan(0);
    const clip = (await search(`instances?SOPInstanceUID=${us.series[0]!.instances[0]!.sopInstanceUid}`)).body[0];
    expect(value(clip, '00280008')).toBe(4);
    expect(value(clip, '00080016')).toBe('1.2.840.10008.5.1.4.1.1.3.1');
  });

  it('returns every attribute with includefield=all at the instance level, pixel data as a BulkDataURI', async () => {
    const [instance] = (await search(`studies/${mr.studyInstanceUid}/instances?includefield=all&limit=1`)).body;
    expect(value(instance, '00100020')).toBe('MRN-2');
    expect(value(instance, '00180080')).toBeGreaterThan(0);
    expect(instance['7FE00010'].BulkDataURI).toMatch(new RegExp(`/studies/${mr.studyInstanceUid}/series/.+/instances/.+/bulkdata/7FE00010$`));
    expect(instance['7FE00010'].Value).toBeUndefined();
  });

  it('rejects instance keys at the study level', async () => {
    const res = await search('studies?SOPInstanceUID=1.2.3');
    expectEnvelope({ ...res, json: res.body }, 400, 'INVALID_ARGUMENT');
  });

  it('returns multipart Native XML on request and 406 for unsupported media types', async () => {
    const res = await fetch(`${dicom.web}/studies?limit=1`, { headers: { accept: 'multipart/related; type="application/dicom+xml"' } });
    expect(res.headers.get('content-type')).toMatch(/^multipart\/related; type="application\/dicom\+xml"; boundary=/);
    expect(await res.text()).toContain('<DicomAttribute tag="0020000D" vr="UI" keyword="StudyInstanceUID">');
    expect((await search('studies', 'text/html')).status).toBe(406);
    expect((await search('studies', 'application/dicom+json, multipart/related')).headers.get('content-type')).toMatch(/json/);
  });
});
