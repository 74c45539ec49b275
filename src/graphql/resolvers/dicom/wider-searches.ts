import { groupBy } from '../../../collections.js';
import type { AllowedDicomStore, DicomJson } from '../../../healthcare/dicomweb.js';
import type { RequestContext } from '../../context.js';
import { TAGS, integer, text, values, type Keyword } from './attributes.js';
import { includeFields, includeKeywords } from './models.js';

/**
 * QIDO-RS takes no lists of UIDs, so "these studies' series" or "these series' first instances"
 * would be one search per parent. One search a level lower returns the parents' attributes with
 * every row instead (a study's instances carry their series' attributes; a patient's series carry
 * their study's), so the lists below it can be grouped from that one answer. The groups are
 * remembered as complete lists (`KnownQidoLists`), and the usual list resolvers then page them from
 * memory. An answer that may be cut off teaches nothing, and the lists are searched as usual.
 */

/** Rows of one instance-level search of a study; a study with more is listed series by series. */
const MAX_STUDY_INSTANCES = 1000;
/** Rows of one series-level search of a patient: QIDO's largest `limit` for series. */
const MAX_PATIENT_SERIES = 5000;

/** Study attributes a series-level search can return (the counts are derived from the series). */
const STUDY_FIELDS: Keyword[] = ['StudyDate', 'StudyTime', 'StudyDescription', 'AccessionNumber', 'PatientName', 'PatientID', 'PatientBirthDate', 'ReferringPhysicianName'];

/** The study's series search as `Study.series` makes it (without `limit`/`offset`). */
export const studySeriesSearch = (store: AllowedDicomStore, study: string) => ({ store, segments: ['studies', study, 'series'], query: includeFields('series') });

/** The series' instance search as `Series.instances` makes it (without `limit`/`offset`). */
export const seriesInstancesSearch = (store: AllowedDicomStore, study: string, series: string) =>
  ({ store, segments: ['studies', study, 'series', series, 'instances'], query: includeFields('instance') });

/** Rows grouped by one UID attribute, in the order each group first appears. */
const groupByUid = (rows: DicomJson[], keyword: Keyword) => groupBy(rows, (row) => text(row, keyword) ?? '');

const withCount = (row: DicomJson, keyword: Keyword, count: number): DicomJson => ({ ...row, [TAGS[keyword]]: { vr: 'IS', Value: [count] } });

/**
 * Learns a study's series and each series' instances from one search of the study's instances.
 * Does nothing when the request does not remember lists (naive baseline) or the study is too large.
 */
export async function learnStudyContents(store: AllowedDicomStore, study: string, context: RequestContext): Promise<void> {
  const known = context.loaders.knownQido;
  if (!known.enabled || known.get(studySeriesSearch(store, study)) !== undefined) return;
  const rows = await context.loaders.qido.load({
    store,
    segments: ['studies', study, 'instances'],
    query: [...includeFields('series'), ...includeFields('instance'), ['limit', String(MAX_STUDY_INSTANCES)]],
  });
  if (rows.length >= MAX_STUDY_INSTANCES) return;
  const series: DicomJson[] = [];
  for (const [uid, instances] of groupByUid(rows, 'SeriesInstanceUID')) {
    series.push(withCount(instances[0]!, 'NumberOfSeriesRelatedInstances', instances.length));
    known.remember(seriesInstancesSearch(store, study, uid), instances);
  }
  known.remember(studySeriesSearch(store, study), series);
}

/**
 * A patient's studies in one store from one series-level search by PatientID, each study's series
 * remembered as its complete list. Undefined when this cannot be done (naive baseline, or so many
 * series that the answer may be cut off): search the studies instead.
 */
export async function patientStudiesFromSeries(store: AllowedDicomStore, patientId: string, context: RequestContext): Promise<DicomJson[] | undefined> {
  const known = context.loaders.knownQido;
  if (!known.enabled) return undefined;
  const rows = await context.loaders.qido.load({
    store,
    segments: ['series'],
    query: [['PatientID', patientId], ...includeKeywords(STUDY_FIELDS), ...includeFields('series'), ['limit', String(MAX_PATIENT_SERIES)]],
  });
  if (rows.length >= MAX_PATIENT_SERIES) return undefined;
  return [...groupByUid(rows, 'StudyInstanceUID')].map(([uid, series]) => {
    known.remember(studySeriesSearch(store, uid), series);
    const counts = series.map((row) => integer(row, 'NumberOfSeriesRelatedInstances'));
    const modalities = [...new Set(series.flatMap((row) => values(row, 'Modality')))];
    let study = withCount(series[0]!, 'NumberOfStudyRelatedSeries', series.length);
    if (counts.every((count) => count !== null)) study = withCount(study, 'NumberOfStudyRelatedInstances', counts.reduce((sum, count) => sum! + count!, 0)!);
    return { ...study, [TAGS.ModalitiesInStudy]: { vr: 'CS', Value: modalities } };
  });
}
