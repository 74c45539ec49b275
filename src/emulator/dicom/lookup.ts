/** Resolving a DICOMweb request's path to its store, study, series or instance (or a 400 / 404). */

import { internalError, notFound } from '../errors.js';
import { datasetNameOf } from '../names.js';
import type { EmulatorRequest } from '../request.js';
import type { DatasetRecord, EmulatorState } from '../state.js';
import { DICOM_STORE_SPEC, getStore } from '../stores.js';
import { DicomStore } from './dicom-store.js';
import type { InstanceRecord, SeriesEntry, StudyEntry } from './instance-index.js';
import { checkUid } from './uids.js';

/** The store a request addresses, and the URL prefix of its DICOMweb resources. */
export interface DicomWebTarget {
  readonly dataset: DatasetRecord;
  readonly store: DicomStore;
  /** `http://host/v1/projects/…/dicomStores/{s}/dicomWeb`, as the client reached the emulator. */
  readonly webRoot: string;
}

/** Resolves the store of a DICOMweb route (404 for a missing dataset or store). */
export function targetOf(state: EmulatorState, ctx: EmulatorRequest): DicomWebTarget {
  const dataset = state.getDataset(datasetNameOf(ctx.params));
  const record = getStore(DICOM_STORE_SPEC, dataset, ctx.params['store'] ?? '');
  // Another module could supply the DICOM data plane; the DICOMweb routes only work with their own.
  if (!(record.plane instanceof DicomStore)) throw internalError();
  return { dataset, store: record.plane, webRoot: `${ctx.url.origin}/v1/${record.name}/dicomWeb` };
}

/** The validated UID path parameter `name` (400 when malformed). */
export function uidParam(ctx: EmulatorRequest, name: 'study' | 'series' | 'instance'): string {
  const label = { study: 'StudyInstanceUID', series: 'SeriesInstanceUID', instance: 'SOPInstanceUID' }[name];
  return checkUid(ctx.params[name] ?? '', label);
}

/** The study of the path, or 404. */
export function studyOf(target: DicomWebTarget, ctx: EmulatorRequest): StudyEntry {
  const uid = uidParam(ctx, 'study');
  const study = target.store.index.study(uid);
  if (study === undefined) throw notFound(`Study not found: studies/${uid}`);
  return study;
}

/** The series of the path, or 404. */
export function seriesOf(target: DicomWebTarget, ctx: EmulatorRequest): SeriesEntry {
  const study = uidParam(ctx, 'study');
  const uid = uidParam(ctx, 'series');
  const series = target.store.index.series(study, uid);
  if (series === undefined) throw notFound(`Series not found: studies/${study}/series/${uid}`);
  return series;
}

/** The instance of the path, or 404. */
export function instanceOf(target: DicomWebTarget, ctx: EmulatorRequest): InstanceRecord {
  const study = uidParam(ctx, 'study');
  const series = uidParam(ctx, 'series');
  const uid = uidParam(ctx, 'instance');
  const instance = target.store.index.instance(study, series, uid);
  if (instance === undefined) throw notFound(`Instance not found: studies/${study}/series/${series}/instances/${uid}`);
  return instance;
}

/** The URL of a study, series or instance resource under `webRoot`. */
export function resourceUrl(webRoot: string, record: Partial<Pick<InstanceRecord, 'seriesUid' | 'sopUid'>> & { studyUid: string }): string {
  let url = `${webRoot}/studies/${record.studyUid}`;
  if (record.seriesUid !== undefined) url += `/series/${record.seriesUid}`;
  if (record.sopUid !== undefined) url += `/instances/${record.sopUid}`;
  return url;
}

/** The bytes of an instance; 404 when it was deleted while the request ran. */
export async function instanceBytes(target: DicomWebTarget, record: InstanceRecord): Promise<Uint8Array> {
  const bytes = await target.store.read(record);
  if (bytes === undefined) throw notFound(`Instance not found: ${resourceUrl('', record).slice(1)}`);
  return bytes;
}
