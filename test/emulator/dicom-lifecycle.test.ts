import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LOC } from './helpers.js';
import { type DicomEmulator, sampleInstances, startDicomEmulator, STORE, stow, value } from './dicom-helpers.js';

const json = async (res: Response): Promise<any> => res.json();

describe('delete and metrics', () => {
  let dicom: DicomEmulator;
  const study = sampleInstances({ seed: 'life-ct', modality: 'CT', series: [{ description: 'Axial', instances: 3 }, { description: 'Coronal MPR', instances: 2 }] });
  const other = sampleInstances({ seed: 'life-cr', modality: 'CR' });
  const { plan } = study;
  const [first, second] = plan.series as [(typeof plan.series)[0], (typeof plan.series)[0]];
  const blobBytes = (files: Uint8Array[]): number => files.reduce((n, f) => n + f.byteLength, 0);

  beforeAll(async () => {
    dicom = await startDicomEmulator();
    expect((await stow(dicom.web, [...study.files, ...other.files])).status).toBe(200);
  });

  afterAll(async () => {
    await dicom.emulator.close();
  });

  it('reports store metrics with real counts and sizes as int64 strings', async () => {
    const metrics = await json(await fetch(`${dicom.api}/${STORE}:getDICOMStoreMetrics`));
    expect(metrics).toEqual({
      name: STORE,
      studyCount: '2',
      seriesCount: '3',
      instanceCount: '6',
      structuredStorageSizeBytes: expect.stringMatching(/^[1-9]\d*$/),
      blobStorageSizeBytes: String(blobBytes([...study.files, ...other.files])),
    });
  });

  it('reports study and series metrics', async () => {
    const studyMetrics = await json(await fetch(`${dicom.web}/studies/${plan.studyInstanceUid}:getStudyMetrics`));
    expect(studyMetrics).toEqual({
      study: `${STORE}/dicomWeb/studies/${plan.studyInstanceUid}`,
      seriesCount: '2',
      instanceCount: '5',
      structuredStorageSizeBytes: expect.stringMatching(/^[1-9]\d*$/),
      blobStorageSizeBytes: String(blobBytes(study.files)),
    });
    const seriesMetrics = await json(await fetch(`${dicom.web}/studies/${plan.studyInstanceUid}/series/${second.seriesInstanceUid}:getSeriesMetrics`));
    expect(seriesMetrics).toEqual({
      series: `${STORE}/dicomWeb/studies/${plan.studyInstanceUid}/series/${second.seriesInstanceUid}`,
      instanceCount: '2',
      structuredStorageSizeBytes: expect.stringMatching(/^[1-9]\d*$/),
      blobStorageSizeBytes: String(blobBytes(study.files.slice(3))),
    });
    const info = await json(await fetch(`${dicom.web}/studies/${plan.studyInstanceUid}/series/${first.seriesInstanceUid}/instances/${first.instances[0]!.sopInstanceUid}:getStorageInfo`));
    expect(info.blobStorageInfo).toEqual({ sizeBytes: String(study.files[0]!.byteLength), storageClass: 'STANDARD' });
    expect((await fetch(`${dicom.web}/studies/1.2.3:getStudyMetrics`)).status).toBe(404);
  });

  it('deletes an instance with {} and a series with a done Operation', async () => {
    const instance = `${dicom.web}/studies/${plan.studyInstanceUid}/series/${first.seriesInstanceUid}/instances/${first.instances[0]!.sopInstanceUid}`;
    const res = await fetch(instance, { method: 'DELETE' });
    expect(res.status).toBe(200);
    expect(await json(res)).toEqual({});
    expect((await fetch(instance)).status).toBe(404);

    const op = await json(await fetch(`${dicom.web}/studies/${plan.studyInstanceUid}/series/${second.seriesInstanceUid}`, { method: 'DELETE' }));
    expect(op).toMatchObject({
      name: expect.stringMatching(new RegExp(`^${LOC}/datasets/ds/operations/\\d+$`)),
      metadata: {
        '@type': 'type.googleapis.com/google.cloud.healthcare.v1.OperationMetadata',
        apiMethodName: 'google.cloud.healthcare.v1.dicomweb.DicomWebService.DeleteSeries',
      },
      done: true,
      response: { '@type': 'type.googleapis.com/google.protobuf.Empty' },
    });
    expect(await json(await fetch(`${dicom.api}/${op.name}`))).toEqual(op);
    const remaining = await json(await fetch(`${dicom.web}/studies/${plan.studyInstanceUid}/instances`));
    expect(remaining.map((r: any) => value(r, '00080018'))).toEqual(first.instances.slice(1).map((i) => i.sopInstanceUid));
  });

  it('deletes a study with an Operation; its metrics and searches follow', async () => {
    const res = await fetch(`${dicom.web}/studies/${plan.studyInstanceUid}`, { method: 'DELETE' });
    const op = await json(res);
    expect(op.metadata.apiMethodName).toBe('google.cloud.healthcare.v1.dicomweb.DicomWebService.DeleteStudy');
    expect(op.done).toBe(true);
    expect((await fetch(`${dicom.web}/studies/${plan.studyInstanceUid}/metadata`)).status).toBe(404);
    expect((await fetch(`${dicom.web}/studies/${plan.studyInstanceUid}`, { method: 'DELETE' })).status).toBe(404);
    const metrics = await json(await fetch(`${dicom.api}/${STORE}:getDICOMStoreMetrics`));
    expect([metrics.studyCount, metrics.seriesCount, metrics.instanceCount]).toEqual(['1', '1', '1']);
    // The study can be stored again once deleted.
    expect((await stow(dicom.web, study.files)).status).toBe(200);
  });
});

describe('persistence', () => {
  let dir: string;
  let running: DicomEmulator | undefined;

  afterEach(async () => {
    await running?.emulator.close();
    running = undefined;
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps instances and the index across a restart, without the deleted ones', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'dicom-persist-'));
    const { plan, files } = sampleInstances({ seed: 'persist', modality: 'MR', series: [{ description: 'Ax T2', instances: 3 }] });
    running = await startDicomEmulator({ dataDir: dir });
    expect((await stow(running.web, files)).status).toBe(200);
    const series = plan.series[0]!;
    const gone = series.instances[1]!.sopInstanceUid;
    await fetch(`${running.web}/studies/${plan.studyInstanceUid}/series/${series.seriesInstanceUid}/instances/${gone}`, { method: 'DELETE' });
    const before = await json(await fetch(`${running.api}/${STORE}:getDICOMStoreMetrics`));
    await running.emulator.close();

    running = await startDicomEmulator({ dataDir: dir }, false);
    expect(await json(await fetch(`${running.api}/${STORE}:getDICOMStoreMetrics`))).toEqual(before);
    const found = await json(await fetch(`${running.web}/instances`));
    expect(found.map((r: any) => value(r, '00080018'))).toEqual([series.instances[0]!.sopInstanceUid, series.instances[2]!.sopInstanceUid]);
    const third = series.instances[2]!.sopInstanceUid;
    const bytes = Buffer.from(
      await (await fetch(`${running.web}/studies/${plan.studyInstanceUid}/series/${series.seriesInstanceUid}/instances/${third}`, { headers: { accept: 'application/dicom' } })).arrayBuffer(),
    );
    expect(Buffer.compare(bytes, Buffer.from(files[2]!))).toBe(0);
    expect((await stow(running.web, [files[0]!])).status).toBe(409);
  });

  it('removes the files when the store is deleted', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'dicom-persist-'));
    running = await startDicomEmulator({ dataDir: dir });
    expect((await stow(running.web, sampleInstances({ seed: 'persist-del', modality: 'CR' }).files)).status).toBe(200);
    const storesDir = path.join(dir, 'stores');
    expect(await readdir(storesDir)).toHaveLength(1);
    await fetch(`${running.api}/${STORE}`, { method: 'DELETE' });
    expect(await readdir(storesDir)).toHaveLength(0);
  });
});
