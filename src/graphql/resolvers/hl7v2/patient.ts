/** `Patient.hl7V2Messages`: a patient's HL7v2 messages, found by MRN in the dataset's HL7v2 stores. */
import { connection, pageSize } from '../../../connections/connection.js';
import { badUserInput } from '../../../errors.js';
import { patientIdFilter, type Hl7V2Message } from '../../../healthcare/hl7v2.js';
import { datasetOf, parseStoreName } from '../../../healthcare/names.js';
import { medicalRecordNumber } from '../../../loaders/fhir.js';
import type { PatientResolvers } from '../../../generated/graphql.js';
import { resourceName } from '../fhir/model.js';
import { prime } from '../load.js';
import { datasetHl7V2StoreNames } from './stores.js';

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
  hl7V2Messages: async (patient, { first, after }, context) => {
    const size = pageSize(first);
    const list = 'Patient.hl7V2Messages';
    const parent = resourceName(patient);
    const offset = after ? (context.cursors.decode(after, list, parent).offset ?? 0) : 0;
    if (!Number.isInteger(offset) || offset < 0 || offset + size >= MAX_MESSAGES) throw badUserInput('Invalid cursor: continue from pageInfo.endCursor');
    const mrn = medicalRecordNumber(patient.resource);
    if (mrn === undefined || patientIdFilter([mrn]) === undefined) return connection([], () => '', false);

    const stores = await datasetHl7V2StoreNames(datasetOf(parseStoreName(patient.store, 'fhirStores')), context);
    const perStore = await Promise.all(stores.map(async (store) =>
      prime(context.loaders.hl7v2.message, await context.loaders.hl7v2.patientMessages.load({ store, mrn, limit: offset + size + 1 })),
    ));
    const merged = perStore.flat().sort(newestFirst);
    const nodes = merged.slice(offset, offset + size);
    return connection(nodes, (index) => context.cursors.encode({ list, parent, offset: offset + index + 1 }), merged.length > offset + size);
  },
};
