import { badUserInput } from '../../../errors.js';
import { UpstreamError } from '../../../healthcare/errors.js';
import { requireUid, type AllowedDicomStore, type DicomJson, type DicomStoreName } from '../../../healthcare/dicomweb.js';
import { parseStoreName, storeResourceName } from '../../../healthcare/names.js';
import type { RequestContext } from '../../context.js';
import type { InstanceModel, SeriesModel, StudyModel } from '../../models.js';
import { TAGS, text, type Keyword } from './attributes.js';

/** Attributes each level needs beyond QIDO's defaults, asked for in the same call (`includefield`). */
export const INCLUDE_FIELDS: Record<'study' | 'series' | 'instance', Keyword[]> = {
  study: ['StudyDescription', 'StudyTime', 'AccessionNumber', 'PatientBirthDate', 'ModalitiesInStudy', 'ReferringPhysicianName', 'NumberOfStudyRelatedSeries', 'NumberOfStudyRelatedInstances'],
  series: ['SeriesDescription', 'SeriesDate', 'SeriesNumber', 'Modality', 'NumberOfSeriesRelatedInstances'],
  instance: ['SOPClassUID', 'InstanceNumber', 'Rows', 'Columns', 'NumberOfFrames'],
};

/** `includefield` parameters asking for these attributes. */
export const includeKeywords = (keywords: Keyword[]): [string, string][] => keywords.map((keyword) => ['includefield', TAGS[keyword]]);

export const includeFields = (level: keyof typeof INCLUDE_FIELDS): [string, string][] => includeKeywords(INCLUDE_FIELDS[level]);

/** Resource names of DICOM objects: the DICOMweb path below the store. */
export const studyName = (model: { store: string; studyUid: string }) => `${model.store}/dicomWeb/studies/${model.studyUid}`;
export const seriesName = (model: { store: string; studyUid: string; seriesUid: string }) => `${studyName(model)}/series/${model.seriesUid}`;
export const instanceName = (model: InstanceModel) => `${seriesName(model)}/instances/${model.instanceUid}`;

const UID_PATH = /^(.+\/dicomStores\/[^/]+)\/dicomWeb\/studies\/([^/]+)(?:\/series\/([^/]+)(?:\/instances\/([^/]+))?)?$/;

/** Parses the resource name of a study, series or instance (global ids carry these). */
export function parseDicomName(name: string): { store: DicomStoreName; study: string; series?: string; instance?: string } {
  const match = UID_PATH.exec(name);
  if (!match) throw badUserInput('Invalid id: pass an id exactly as this server returned it');
  const [, store = '', study = '', series, instance] = match;
  return {
    store: parseStoreName(store, 'dicomStores'),
    study: requireUid(study),
    series: series === undefined ? undefined : requireUid(series),
    instance: instance === undefined ? undefined : requireUid(instance),
  };
}

export function toStudy(store: string, attributes: DicomJson): StudyModel {
  return { store, studyUid: text(attributes, 'StudyInstanceUID') ?? '', attributes };
}

export function toSeries(store: string, studyUid: string, attributes: DicomJson): SeriesModel {
  return { store, studyUid, seriesUid: text(attributes, 'SeriesInstanceUID') ?? '', attributes };
}

/** The DICOM store a model lives in, through the access check. */
export const dicomStoreOf = (model: { store: string }, context: RequestContext): AllowedDicomStore => context.access.storeNamed('dicomStores', model.store);

export function toInstance(store: string, studyUid: string, seriesUid: string, attributes: DicomJson): InstanceModel {
  return { store, studyUid, seriesUid, instanceUid: text(attributes, 'SOPInstanceUID') ?? '', attributes };
}

/** Runs one QIDO search for a single object after the access check; none found is NOT_FOUND. */
async function findOne(store: DicomStoreName, segments: string[], query: [string, string][], what: string, context: RequestContext): Promise<DicomJson> {
  const [row] = await context.loaders.qido.load({ store: context.access.checkStore(store), segments, query });
  if (!row) throw new UpstreamError(`${what} not found`, { status: 404, kind: 'dicomweb', reason: 'NOT_FOUND' });
  return row;
}

export async function loadStudy(store: DicomStoreName, uid: string, context: RequestContext): Promise<StudyModel> {
  const row = await findOne(store, ['studies'], [['StudyInstanceUID', requireUid(uid)], ...includeFields('study')], `Study ${uid}`, context);
  return toStudy(storeResourceName(store), row);
}

export async function loadSeries(store: DicomStoreName, study: string, uid: string, context: RequestContext): Promise<SeriesModel> {
  const row = await findOne(store, ['studies', requireUid(study), 'series'], [['SeriesInstanceUID', requireUid(uid)], ...includeFields('series')], `Series ${uid}`, context);
  return toSeries(storeResourceName(store), study, row);
}

export async function loadInstance(store: DicomStoreName, study: string, series: string, uid: string, context: RequestContext): Promise<InstanceModel> {
  const row = await findOne(store, ['studies', requireUid(study), 'series', requireUid(series), 'instances'], [['SOPInstanceUID', requireUid(uid)], ...includeFields('instance')], `Instance ${uid}`, context);
  return toInstance(storeResourceName(store), study, series, row);
}
