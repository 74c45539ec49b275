import { mapConnection } from '../../../connections/connection.js';
import { badUserInput } from '../../../errors.js';
import { datasetOf, parseStoreName, storeResourceName } from '../../../healthcare/names.js';
import type {
  DicomStoreResolvers, InstanceResolvers, SeriesResolvers, StudyResolvers,
} from '../../../generated/graphql.js';
import { toGlobalId } from '../../globalId.js';
import { nodeFieldNames } from '../../lookahead.js';
import { storeReference } from '../load.js';
import { datasetStores } from '../stores.js';
import { toModel } from '../fhir/model.js';
import { integer, isoDate, text, values } from './attributes.js';
import { modalityValue, studyQuery } from './match-keys.js';
import {
  dicomStoreOf, includeFields, instanceName, loadSeries, loadStudy, seriesName, studyName, toInstance, toSeries, toStudy,
} from './models.js';
import { qidoConnection } from './qido-list.js';
import { studyModalitySearch } from './store-searches.js';
import { viewerUrl } from './viewer-url.js';
import { learnStudyContents, seriesInstancesSearch, studySeriesSearch } from './wider-searches.js';

export const dicomStoreDataResolvers: Pick<DicomStoreResolvers, 'studies' | 'study'> = {
  studies: async (store, { filter, first, after }, context) => {
    const name = context.access.storeNamed('dicomStores', store.name);
    const page = await qidoConnection({ store: name, segments: ['studies'], query: [...studyQuery(filter), ...includeFields('study')] }, { first, after }, context);
    return mapConnection(page, (row) => toStudy(store.name, row));
  },
  study: (store, { uid }, context) => loadStudy(parseStoreName(store.name, 'dicomStores'), uid, context),
};

export const studyResolvers: StudyResolvers = {
  id: (study) => toGlobalId('Study', studyName(study)),
  studyInstanceUid: (study) => study.studyUid,
  studyDate: ({ attributes }) => isoDate(attributes, 'StudyDate'),
  studyTime: ({ attributes }) => text(attributes, 'StudyTime'),
  accessionNumber: ({ attributes }) => text(attributes, 'AccessionNumber'),
  description: ({ attributes }) => text(attributes, 'StudyDescription'),
  patientName: ({ attributes }) => text(attributes, 'PatientName'),
  patientId: ({ attributes }) => text(attributes, 'PatientID'),
  patientBirthDate: ({ attributes }) => isoDate(attributes, 'PatientBirthDate'),
  modalities: ({ attributes }) => values(attributes, 'ModalitiesInStudy').filter((value): value is string => typeof value === 'string'),
  referringPhysicianName: ({ attributes }) => text(attributes, 'ReferringPhysicianName'),
  numberOfSeries: ({ attributes }) => integer(attributes, 'NumberOfStudyRelatedSeries'),
  numberOfInstances: ({ attributes }) => integer(attributes, 'NumberOfStudyRelatedInstances'),
  store: (study, _args, context) => storeReference(parseStoreName(study.store, 'dicomStores'), context),
  viewerUrl: (study, _args, context) => viewerUrl({ store: study.store, studyUid: study.studyUid }, context),
  series: async (study, { filter, first, after }, context, info) => {
    const store = dicomStoreOf(study, context);
    const modality = modalityValue(filter?.modality);
    if (nodeFieldNames(info).has('instances')) await learnStudyContents(store, study.studyUid, context);
    const search = modality === undefined ? studySeriesSearch(store, study.studyUid) : studyModalitySearch(store, study.studyUid, modality, context);
    const page = await qidoConnection(search, { first, after }, context);
    return mapConnection(page, (row) => toSeries(study.store, study.studyUid, row));
  },
  patient: async (study, _args, context) => {
    const mrn = text(study.attributes, 'PatientID');
    if (!mrn) return null;
    const fhirStores = await datasetStores('fhirStores', datasetOf(parseStoreName(study.store, 'dicomStores')), context);
    const matches = await Promise.all(fhirStores.map((store) => context.loaders.fhir.patientByMrn.load({ store, mrn })));
    const index = matches.findIndex((match) => match !== null);
    return index === -1 ? null : toModel(storeResourceName(fhirStores[index]!), matches[index]!);
  },
};

export const seriesResolvers: SeriesResolvers = {
  id: (series) => toGlobalId('Series', seriesName(series)),
  seriesInstanceUid: (series) => series.seriesUid,
  modality: ({ attributes }) => text(attributes, 'Modality'),
  seriesNumber: ({ attributes }) => integer(attributes, 'SeriesNumber'),
  description: ({ attributes }) => text(attributes, 'SeriesDescription'),
  seriesDate: ({ attributes }) => isoDate(attributes, 'SeriesDate'),
  numberOfInstances: ({ attributes }) => integer(attributes, 'NumberOfSeriesRelatedInstances'),
  instances: async (series, { first, after }, context) => {
    const store = dicomStoreOf(series, context);
    const page = await qidoConnection(seriesInstancesSearch(store, series.studyUid, series.seriesUid), { first, after }, context);
    return mapConnection(page, (row) => toInstance(series.store, series.studyUid, series.seriesUid, row));
  },
  study: (series, _args, context) => loadStudy(parseStoreName(series.store, 'dicomStores'), series.studyUid, context),
  viewerUrl: (series, _args, context) => viewerUrl({ store: series.store, studyUid: series.studyUid, seriesUid: series.seriesUid }, context),
};

export const instanceResolvers: InstanceResolvers = {
  id: (instance) => toGlobalId('Instance', instanceName(instance)),
  sopInstanceUid: (instance) => instance.instanceUid,
  sopClassUid: ({ attributes }) => text(attributes, 'SOPClassUID'),
  instanceNumber: ({ attributes }) => integer(attributes, 'InstanceNumber'),
  rows: ({ attributes }) => integer(attributes, 'Rows'),
  columns: ({ attributes }) => integer(attributes, 'Columns'),
  numberOfFrames: ({ attributes }) => integer(attributes, 'NumberOfFrames') ?? 1,
  metadata: async (instance, _args, context) => {
    const [metadata] = await context.loaders.qido.load({
      store: dicomStoreOf(instance, context),
      segments: ['studies', instance.studyUid, 'series', instance.seriesUid, 'instances', instance.instanceUid, 'metadata'],
      query: [],
    });
    return metadata ?? null;
  },
  renderedUrl: (instance, { format, frame }, context) => {
    const frameNumber = frame ?? 1;
    if (!Number.isInteger(frameNumber) || frameNumber < 1) throw badUserInput('frame must be 1 or more');
    return `${context.publicUrl}/dicom/${instanceName(instance)}/frames/${frameNumber}/rendered?format=${(format ?? 'PNG').toLowerCase()}`;
  },
  series: (instance, _args, context) => loadSeries(parseStoreName(instance.store, 'dicomStores'), instance.studyUid, instance.seriesUid, context),
};

