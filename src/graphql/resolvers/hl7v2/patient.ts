/** `Patient.hl7V2Messages`: a patient's HL7v2 messages, found by MRN in the dataset's HL7v2 stores. */
import { pageByOffset } from '../../../connections/pagers.js';
import { medicalRecordNumber } from '../../../fhir/identifiers.js';
import { patientIdFilter, type Hl7V2Message } from '../../../healthcare/hl7v2.js';
import { datasetOf, parseStoreName } from '../../../healthcare/names.js';
import type { PatientResolvers } from '../../../generated/graphql.js';
import { resourceName } from '../fhir/model.js';
import { primeMessages } from './messages.js';
import { datasetStores } from '../stores.js';

/** Google's largest `pageSize` for messages.list: how deep the merged list can be paged. */
const MAX_MESSAGES = 1000;

const newestFirst = (a: Hl7V2Message, b: Hl7V2Message) => {
  const x = a.sendTime ?? '';
  const y = b.sendTime ?? '';
  return x === y ? (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) : x < y ? 1 : -1;
};

/**
 * The messages of every HL7v2 store of the patient's dataset, newest first; merged and paged by
 * offset like `Patient.imagingStudies`. The patients of one page share one list call per store
 * (see `patientMessages` in `src/loaders/hl7v2.ts`).
 */
export const patientHl7V2Resolvers: Pick<PatientResolvers, 'hl7V2Messages'> = {
  hl7V2Messages: (patient, args, context) => {
    const request = { codec: context.cursors, list: 'Patient.hl7V2Messages', parent: resourceName(patient), ...args };
    return pageByOffset(request, { maxRows: MAX_MESSAGES }, async (offset, limit) => {
      const mrn = medicalRecordNumber(patient.resource);
      if (mrn === undefined || patientIdFilter([mrn]) === undefined) return [];
      const stores = await datasetStores('hl7V2Stores', datasetOf(parseStoreName(patient.store, 'fhirStores')), context);
      const perStore = await Promise.all(stores.map(async (store) =>
        primeMessages(store, await context.loaders.hl7v2.patientMessages.load({ store, mrn, limit: offset + limit }), context)));
      return perStore.flat().sort(newestFirst).slice(offset, offset + limit);
    });
  },
};
