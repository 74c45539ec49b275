import { mapConnection } from '../../../connections/connection.js';
import type { AllowedDicomStore, DicomJson } from '../../../healthcare/dicomweb.js';
import { UpstreamError } from '../../../healthcare/errors.js';
import type { DicomStoreResolvers, InstanceFilter, SeriesFilter } from '../../../generated/graphql.js';
import type { QidoKey } from '../../../loaders/dicom.js';
import type { RequestContext } from '../../context.js';
import { text, values, type Keyword } from './attributes.js';
import { modalityValue, studyQuery, uidValue } from './match-keys.js';
import { includeFields, includeKeywords, toInstance, toSeries } from './models.js';
import { qidoConnection } from './qido-list.js';
import { studySeriesSearch } from './wider-searches.js';

/**
 * Store-wide series and instance searches, on the paths Google's MCP toolbox chooses: a given
 * StudyInstanceUID (and SeriesInstanceUID, for instances) goes in the path, where QIDO-RS scopes the
 * search to that study or series; every other key is a match key of the query.
 */

/** A search of one level, with the parents' UIDs the filter fixes (the others come with each row). */
export interface LevelSearch {
  search: QidoKey;
  study?: string;
  series?: string;
}

/** The study-level match keys of a series or instance filter; its StudyInstanceUID goes in the path. */
const studyKeys = (filter: SeriesFilter | InstanceFilter | null | undefined) => studyQuery({ ...filter, studyInstanceUid: undefined });

/** The parent UIDs a search does not fix, asked for by `includefield`: Google's defaults at these levels leave them out. */
const parentFields = (known: Partial<Record<Keyword, string>>, keywords: Keyword[]) => includeKeywords(keywords.filter((keyword) => known[keyword] === undefined));

/** `DicomStore.series`: `studies/{st}/series` when the study is given, else `series`. */
export function seriesSearch(store: AllowedDicomStore, filter: SeriesFilter | null | undefined): LevelSearch {
  const study = uidValue(filter?.studyInstanceUid, 'studyInstanceUid');
  const series = uidValue(filter?.seriesInstanceUid, 'seriesInstanceUid');
  const modality = modalityValue(filter?.modality);
  const query = studyKeys(filter);
  if (series !== undefined) query.push(['SeriesInstanceUID', series]);
  if (modality !== undefined) query.push(['Modality', modality]);
  const segments = study === undefined ? ['series'] : ['studies', study, 'series'];
  return { search: { store, segments, query: [...query, ...includeFields('series'), ...parentFields({ StudyInstanceUID: study }, ['StudyInstanceUID'])] }, study };
}

/**
 * `DicomStore.instances`: `studies/{st}/series/{se}/instances` with both UIDs, `studies/{st}/instances`
 * with the study's, `instances?SeriesInstanceUID=` with the series' only, else `instances`.
 */
export function instanceSearch(store: AllowedDicomStore, filter: InstanceFilter | null | undefined): LevelSearch {
  const study = uidValue(filter?.studyInstanceUid, 'studyInstanceUid');
  const series = uidValue(filter?.seriesInstanceUid, 'seriesInstanceUid');
  const modality = modalityValue(filter?.modality);
  const sop = uidValue(filter?.sopInstanceUid, 'sopInstanceUid');
  const query = studyKeys(filter);
  if (series !== undefined && study === undefined) query.push(['SeriesInstanceUID', series]);
  if (modality !== undefined) query.push(['Modality', modality]);
  if (sop !== undefined) query.push(['SOPInstanceUID', sop]);
  let segments = ['instances'];
  if (study !== undefined) segments = series === undefined ? ['studies', study, 'instances'] : ['studies', study, 'series', series, 'instances'];
  const parents = parentFields({ StudyInstanceUID: study, SeriesInstanceUID: series }, ['StudyInstanceUID', 'SeriesInstanceUID']);
  return { search: { store, segments, query: [...query, ...includeFields('instance'), ...parents] }, study, series };
}

/**
 * `Study.series` of one modality: the search `DicomStore.series(filter: { studyInstanceUid, modality })`
 * makes. When the request knows the study's whole series list, the modality's series are cut from it.
 */
export function studyModalitySearch(store: AllowedDicomStore, study: string, modality: string, context: RequestContext): QidoKey {
  const { search } = seriesSearch(store, { studyInstanceUid: study, modality });
  context.loaders.knownQido.rememberFiltered(studySeriesSearch(store, study), search, (row) => values(row, 'Modality').includes(modality));
  return search;
}

/** A parent's UID: the one the search fixed, else the row's own. */
function parentUid(row: DicomJson, keyword: Keyword, fixed: string | undefined): string {
  const uid = fixed ?? text(row, keyword);
  if (!uid) throw new UpstreamError(`The DICOMweb server returned a search result without its ${keyword}`, { status: 502, kind: 'dicomweb' });
  return uid;
}

export const dicomStoreSearchResolvers: Pick<DicomStoreResolvers, 'series' | 'instances'> = {
  series: async (store, { filter, first, after }, context) => {
    const { search, study } = seriesSearch(context.access.storeNamed('dicomStores', store.name), filter);
    const page = await qidoConnection(search, { first, after }, context);
    return mapConnection(page, (row) => toSeries(store.name, parentUid(row, 'StudyInstanceUID', study), row));
  },
  instances: async (store, { filter, first, after }, context) => {
    const { search, study, series } = instanceSearch(context.access.storeNamed('dicomStores', store.name), filter);
    const page = await qidoConnection(search, { first, after }, context);
    return mapConnection(page, (row) => toInstance(store.name, parentUid(row, 'StudyInstanceUID', study), parentUid(row, 'SeriesInstanceUID', series), row));
  },
};
