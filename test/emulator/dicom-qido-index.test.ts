/**
 * The write-time match-key indexes of the DICOM store (src/emulator/dicom/match-index.ts): a
 * search on an indexed key must return exactly what a scan of every study returns, in the same
 * order, after STOW, after deletes that change which instance stands for a study or series, and
 * after a restart from the data directory.
 */

import { afterEach, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type DicomJsonDataset, stringValues } from '../../src/emulator/dicom/dicom-json.js';
import { DicomStore } from '../../src/emulator/dicom/dicom-store.js';
import { type InstanceIndex, studyInstances } from '../../src/emulator/dicom/instance-index.js';
import type { ParsedInstance } from '../../src/emulator/dicom/part10.js';
import { search } from '../../src/emulator/dicom/qido.js';
import { parseQidoQuery, type QidoLevel } from '../../src/emulator/dicom/qido-query.js';
import { TAG } from '../../src/emulator/dicom/tags.js';

const LEVELS: Record<QidoLevel, string> = { study: 'studies', series: 'series', instance: 'instances' };

/** An instance of study `st`, series `se`, number `n`, with the given patient and accession number. */
function instance(st: number, se: number, n: number, patient: string, accession: string): ParsedInstance {
  const [studyUid, seriesUid, sopUid] = [`1.2.9.${st}`, `1.2.9.${st}.${se}`, `1.2.9.${st}.${se}.${n}`];
  const attributes: DicomJsonDataset = {
    [TAG.SOPInstanceUID]: { vr: 'UI', Value: [sopUid] },
    [TAG.AccessionNumber]: { vr: 'SH', Value: [accession] },
    [TAG.PatientName]: { vr: 'PN', Value: [{ Alphabetic: `${patient}^Test` }] },
    // Padded as some writers leave it: matching trims, so the index must too.
    [TAG.PatientID]: { vr: 'LO', Value: [`${patient} `] },
    [TAG.StudyInstanceUID]: { vr: 'UI', Value: [studyUid] },
    [TAG.SeriesInstanceUID]: { vr: 'UI', Value: [seriesUid] },
  };
  return { studyUid, seriesUid, sopUid, sopClassUid: '1.2.840.10008.5.1.4.1.1.7', transferSyntax: '1.2.840.10008.1.2.1', attributes };
}

/**
 * Studies stored interleaved, so that store order differs from the order instances came in; study
 * 1's second series belongs to another patient and accession number (only series and instance
 * searches find it by those), and the same values recur across studies.
 */
const INSTANCES = [
  instance(1, 1, 1, 'P1', 'A1'),
  instance(2, 1, 1, 'P2', 'A2'),
  instance(1, 1, 2, 'P1', 'A1'),
  instance(3, 1, 1, 'P1', 'A3'),
  instance(1, 2, 1, 'P2', 'A4'),
  instance(2, 1, 2, 'P2', 'A2'),
  instance(4, 1, 1, 'P3', 'A1'),
  instance(1, 2, 2, 'P2', 'A4'),
];

async function storeOf(instances: readonly ParsedInstance[], dataDir?: string): Promise<DicomStore> {
  const store = await DicomStore.open({ kind: 'dicom', name: 'projects/p/locations/l/datasets/d/dicomStores/s', config: () => ({}), dataDir });
  for (const parsed of instances) await store.put(parsed, new Uint8Array([1]));
  return store;
}

function run(index: InstanceIndex, level: QidoLevel, query: string): DicomJsonDataset[] {
  return search(index, parseQidoQuery(level, new URLSearchParams(query)), {}, 'http://emulator/dicomWeb');
}

/** Every search on an indexed key, compared with a scan: all results, kept where the key matches. */
function expectIndexedSearchesToMatchScans(index: InstanceIndex): number {
  const keys = { PatientID: TAG.PatientID, PatientName: TAG.PatientName, AccessionNumber: TAG.AccessionNumber, StudyInstanceUID: TAG.StudyInstanceUID };
  const instanceKeys = { ...keys, SeriesInstanceUID: TAG.SeriesInstanceUID, SOPInstanceUID: TAG.SOPInstanceUID };
  let compared = 0;
  for (const level of Object.keys(LEVELS) as QidoLevel[]) {
    const levelKeys = level === 'study' ? keys : level === 'series' ? { ...keys, SeriesInstanceUID: TAG.SeriesInstanceUID } : instanceKeys;
    for (const [keyword, tag] of Object.entries(levelKeys)) {
      const all = run(index, level, `includefield=${keyword}&limit=5000`);
      const values = new Set([...index.instances()].flatMap((r) => stringValues(r.attributes[tag])));
      for (const value of [...values, 'P*', 'nobody']) {
        if (keyword.endsWith('UID') && !/^[\d.]+$/.test(value)) continue;
        const query = `${keyword}=${encodeURIComponent(value)}`;
        const scanned = all.filter((result) => stringValues(result[tag]).includes(value));
        expect([LEVELS[level], query, run(index, level, `${query}&limit=5000`)]).toEqual([LEVELS[level], query, scanned]);
        compared += 1;
      }
    }
  }
  return compared;
}

describe('QIDO-RS match-key indexes', () => {
  let dir: string | undefined;

  afterEach(async () => {
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it('answer searches on PatientID, PatientName, AccessionNumber and the UIDs as a scan does', async () => {
    const store = await storeOf(INSTANCES);
    expect(expectIndexedSearchesToMatchScans(store.index)).toBeGreaterThan(40);
    // Spot checks of what the scan gives: study 1 stands for P1 only; its second series for P2.
    const uid = (results: DicomJsonDataset[], tag: string): string[] => results.map((r) => String(r[tag]?.Value?.[0]));
    expect(uid(run(store.index, 'study', 'PatientID=P2'), TAG.StudyInstanceUID)).toEqual(['1.2.9.2']);
    expect(uid(run(store.index, 'series', 'PatientID=P2'), TAG.SeriesInstanceUID)).toEqual(['1.2.9.1.2', '1.2.9.2.1']);
    expect(uid(run(store.index, 'instance', 'AccessionNumber=A1'), TAG.SOPInstanceUID)).toEqual(['1.2.9.1.1.1', '1.2.9.1.1.2', '1.2.9.4.1.1']);
    expect(uid(run(store.index, 'instance', 'PatientID=P2&offset=1&limit=2'), TAG.SOPInstanceUID)).toEqual(['1.2.9.1.2.2', '1.2.9.2.1.1']);
    // With two indexed keys, the one naming fewer studies narrows the search; both still apply.
    const p2a4 = [{ tag: TAG.PatientID, value: 'P2' }, { tag: TAG.AccessionNumber, value: 'A4' }];
    expect(store.index.narrowestStudies(p2a4)!.map((s) => s.uid)).toEqual(['1.2.9.1']);
    expect(uid(run(store.index, 'series', 'PatientID=P2&AccessionNumber=A4'), TAG.SeriesInstanceUID)).toEqual(['1.2.9.1.2']);
    expect(run(store.index, 'series', 'PatientID=P1&AccessionNumber=A4')).toEqual([]);
  });

  it('follow deletes, including those that change the instance standing for a study', async () => {
    const store = await storeOf(INSTANCES);
    const study1 = store.index.study('1.2.9.1')!;
    // Without its first series, study 1 stands for P2 (its second series) at the study level.
    await store.delete([...study1.series.get('1.2.9.1.1')!.instances.values()]);
    // A record deleted twice (two requests at once) must not be unindexed twice.
    const study3 = store.index.instance('1.2.9.3', '1.2.9.3.1', '1.2.9.3.1.1')!;
    await Promise.all([store.delete([study3]), store.delete([study3])]);
    expectIndexedSearchesToMatchScans(store.index);
    expect(store.index.narrowestStudies([{ tag: TAG.PatientID, value: 'P2' }])!.map((s) => s.uid)).toEqual(['1.2.9.1', '1.2.9.2']);
    expect(store.index.narrowestStudies([{ tag: TAG.PatientID, value: 'P1' }])).toEqual([]);
    expect(store.index.narrowestStudies([{ tag: TAG.Modality, value: 'CT' }])).toBeUndefined();
    // A study stored again after its deletion comes last in store order, for the index too.
    await store.delete([...studyInstances(store.index.study('1.2.9.2')!)]);
    await store.put(INSTANCES[1]!, new Uint8Array([1]));
    expect(store.index.narrowestStudies([{ tag: TAG.PatientID, value: 'P2' }])!.map((s) => s.uid)).toEqual(['1.2.9.1', '1.2.9.2']);
    expect([...store.index.studies()].map((s) => s.uid)).toEqual(['1.2.9.1', '1.2.9.4', '1.2.9.2']);
    expectIndexedSearchesToMatchScans(store.index);
  });

  it('are rebuilt when a store is loaded from its data directory', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'dicom-index-'));
    const before = await storeOf(INSTANCES, dir);
    await before.delete([before.index.instance('1.2.9.2', '1.2.9.2.1', '1.2.9.2.1.1')!]);
    const expected = run(before.index, 'series', 'PatientID=P2');
    await before.close();
    const after = await storeOf([], dir);
    expect(run(after.index, 'series', 'PatientID=P2')).toEqual(expected);
    expectIndexedSearchesToMatchScans(after.index);
  });
});
