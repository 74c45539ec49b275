import { pageByOffset } from '../../../connections/pagers.js';
import { medicalRecordNumber } from '../../../fhir/identifiers.js';
import { datasetOf, parseStoreName, storeResourceName } from '../../../healthcare/names.js';
import type { PatientResolvers } from '../../../generated/graphql.js';
import type { StudyModel } from '../../models.js';
import { resourceName } from '../fhir/model.js';
import { datasetStores } from '../stores.js';
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
  imagingStudies: (patient, args, context, info) => {
    const request = { codec: context.cursors, list: 'Patient.imagingStudies', parent: resourceName(patient), ...args };
    return pageByOffset(request, { maxRows: MAX_STUDIES }, async (offset, limit) => {
      const mrn = medicalRecordNumber(patient.resource);
      if (mrn === undefined) return [];
      const stores = await datasetStores('dicomStores', datasetOf(parseStoreName(patient.store, 'fhirStores')), context);
      const withSeries = nodeFieldNames(info).has('series');
      const perStore = await Promise.all(stores.map(async (store) => {
        const rows = (withSeries ? await patientStudiesFromSeries(store, mrn, context) : undefined) ?? await context.loaders.qido.load({
          store,
          segments: ['studies'],
          query: [['PatientID', mrn], ...includeFields('study'), ['limit', String(offset + limit)]],
        });
        return rows.map((row) => toStudy(storeResourceName(store), row));
      }));
      const seen = new Set<string>();
      return perStore.flat().sort(newestFirst).filter((study) => !seen.has(study.studyUid) && seen.add(study.studyUid)).slice(offset, offset + limit);
    });
  },
};
