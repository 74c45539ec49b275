/** `Patient.hl7V2Messages`: a patient's HL7v2 messages, found by MRN in the dataset's HL7v2 stores. */
import { connection, pageSize } from '../../../connections/connection.js';
import { badUserInput } from '../../../errors.js';
import { listMessages, parseHl7V2StoreName, type Hl7V2Message } from '../../../healthcare/hl7v2.js';
import { datasetOf, parseStoreName } from '../../../healthcare/names.js';
import { medicalRecordNumber } from '../../../loaders/fhir.js';
import type { PatientResolvers } from '../../../generated/graphql.js';
import { resourceName } from '../fhir/model.js';
import { prime } from '../load.js';
import { hasControlCharacters } from './messages.js';
import { datasetHl7V2StoreNames } from './stores.js';

/** Google's largest `pageSize` for messages.list: how deep the merged list can be paged. */
const MAX_MESSAGES = 1000;

/**
 * The filter for a patient's messages. Feeds write the MRN's identifier type as `MR` (HL7 table
 * 0203) or `MRN` (Google's examples), so both are asked for. A value with a quote or backslash
 * cannot be written in the filter syntax unambiguously and yields no filter.
 */
export function patientIdFilter(mrn: string): string | undefined {
  if (/["\\]/.test(mrn) || hasControlCharacters(mrn)) return undefined;
  return `PatientId("${mrn}", "MRN") OR PatientId("${mrn}", "MR")`;
}

const newestFirst = (a: Hl7V2Message, b: Hl7V2Message) => {
  const x = a.sendTime ?? '';
  const y = b.sendTime ?? '';
  return x === y ? (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) : x < y ? 1 : -1;
};

/**
 * One list call per HL7v2 store of the patient's dataset, in parallel, newest first; merged and
 * paged by offset like `Patient.imagingStudies`.
 */
export const patientHl7V2Resolvers: Pick<PatientResolvers, 'hl7V2Messages'> = {
  hl7V2Messages: async (patient, { first, after }, context) => {
    const size = pageSize(first);
    const list = 'Patient.hl7V2Messages';
    const parent = resourceName(patient);
    const offset = after ? (context.cursors.decode(after, list, parent).offset ?? 0) : 0;
    if (!Number.isInteger(offset) || offset < 0 || offset + size >= MAX_MESSAGES) throw badUserInput('Invalid cursor: continue from pageInfo.endCursor');
    const mrn = medicalRecordNumber(patient.resource);
    const filter = mrn === undefined ? undefined : patientIdFilter(mrn);
    if (filter === undefined) return connection([], [], false);

    const stores = await datasetHl7V2StoreNames(datasetOf(parseStoreName(patient.store, 'fhirStores')), context);
    const perStore = await Promise.all(stores.map(async (store) => {
      const page = await listMessages(context.client, parseHl7V2StoreName(store), { filter, orderBy: 'send_time desc', pageSize: offset + size + 1 });
      return prime(context.loaders.hl7v2.message, page.items);
    }));
    const merged = perStore.flat().sort(newestFirst);
    const nodes = merged.slice(offset, offset + size);
    const cursors = nodes.map((_, index) => context.cursors.encode({ list, parent, offset: offset + index + 1 }));
    return connection(nodes, cursors, merged.length > offset + size);
  },
};
