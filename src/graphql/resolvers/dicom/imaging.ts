import { connection, pageSize } from '../../../connections/connection.js';
import { badUserInput } from '../../../errors.js';
import { datasetOf, parseStoreName } from '../../../healthcare/names.js';
import { medicalRecordNumber } from '../../../loaders/fhir.js';
import type { PatientResolvers } from '../../../generated/graphql.js';
import type { StudyModel } from '../../models.js';
import { resourceName } from '../fhir/model.js';
import { datasetStoreNames } from '../stores.js';
import { text } from './attributes.js';
import { nodeFieldNames } from '../../lookahead.js';
import { includeFields, toStudy } from './models.js';
import { patientStudiesFromSeries } from './wider-searches.js';

/** QIDO's largest `limit` for studies. */
const MAX_STUDIES = 5000;

const newestFirst = (a: StudyModel, b: StudyModel) =>
  `${text(b.attributes, 'StudyDate') ?? ''}${text(b.attributes, 'StudyTime') ?? ''}`.localeCompare(`${text(a.attributes, 'StudyDate') ?? ''}${text(a.attributes, 'StudyTime') ?? ''}`);

/**
 * `Patient.imagingStudies`: the studies whose PatientID is the patient's MRN, searched in every DICOM
 * store of the patient's dataset in parallel (one QIDO call per store), merged newest first and
 * deduplicated by StudyInstanceUID. Paged by offset over the merged list.
 */
export const patientImagingResolvers: Pick<PatientResolvers, 'imagingStudies'> = {
  imagingStudies: async (patient, { first, after }, context, info) => {
    const size = pageSize(first);
    const list = 'Patient.imagingStudies';
    const parent = resourceName(patient);
    const offset = after ? (context.cursors.decode(after, list, parent).offset ?? 0) : 0;
    if (!Number.isInteger(offset) || offset < 0 || offset + size >= MAX_STUDIES) throw badUserInput('Invalid cursor: continue from pageInfo.endCursor');
    const mrn = medicalRecordNumber(patient.resource);
    if (mrn === undefined) return connection([], () => '', false);

    const stores = await datasetStoreNames('dicomStores', datasetOf(parseStoreName(patient.store, 'fhirStores')), context);
    const withSeries = nodeFieldNames(info).has('series');
    const perStore = await Promise.all(stores.map(async (store) => {
      const storeName = parseStoreName(store, 'dicomStores');
      const rows = (withSeries ? await patientStudiesFromSeries(storeName, mrn, context) : undefined) ?? await context.loaders.qido.load({
        store: storeName,
        segments: ['studies'],
        query: [['PatientID', mrn], ...includeFields('study'), ['limit', String(offset + size + 1)]],
      });
      return rows.map((row) => toStudy(store, row));
    }));
    const seen = new Set<string>();
    const merged = perStore.flat().sort(newestFirst).filter((study) => !seen.has(study.studyUid) && seen.add(study.studyUid));
    const nodes = merged.slice(offset, offset + size);
    return connection(nodes, (index) => context.cursors.encode({ list, parent, offset: offset + index + 1 }), merged.length > offset + size);
  },
};
