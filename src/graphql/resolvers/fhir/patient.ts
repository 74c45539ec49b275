import { requireResourceType } from '../../../healthcare/fhir.js';
import { parseStoreName } from '../../../healthcare/names.js';
import type { PatientResolvers } from '../../../generated/graphql.js';
import { medicalRecordNumber } from '../../../fhir/identifiers.js';
import { storeReference } from '../load.js';
import { includesFor } from '../../lookahead.js';
import { commonFhirFields } from './common.js';
import { addresses, asString, contactPoints, displayName, humanNames, identifiers, references } from './datatypes.js';
import { searchParam, patientList, resourceList } from './lists.js';
import { loadReference, loadReferences, resourceName } from './model.js';

/** An encounter list's service providers and practitioners arrive in the encounter search itself. */
const ENCOUNTER_INCLUDES = { serviceProvider: 'Encounter:service-provider', practitioners: 'Encounter:participant' };

export const patientResolvers: PatientResolvers = {
  ...commonFhirFields,
  mrn: ({ resource }) => medicalRecordNumber(resource) ?? null,
  gender: ({ resource }) => asString(resource.gender),
  birthDate: ({ resource }) => asString(resource.birthDate),
  displayName: ({ resource }) => displayName(resource.name),
  names: ({ resource }) => humanNames(resource.name),
  identifiers: ({ resource }) => identifiers(resource.identifier),
  telecom: ({ resource }) => contactPoints(resource.telecom),
  addresses: ({ resource }) => addresses(resource.address),
  active: ({ resource }) => (typeof resource.active === 'boolean' ? resource.active : null),
  deceased: ({ resource }) => resource.deceasedBoolean === true || typeof resource.deceasedDateTime === 'string',
  deceasedDateTime: ({ resource }) => asString(resource.deceasedDateTime),
  generalPractitioners: (patient, _args, context) => loadReferences(patient, references(patient.resource.generalPractitioner), 'Practitioner', context),
  managingOrganization: (patient, _args, context) => {
    const [reference] = references(patient.resource.managingOrganization);
    return reference === undefined ? null : loadReference(patient, reference, 'Organization', context);
  },
  store: (patient, _args, context) => storeReference(parseStoreName(patient.store, 'fhirStores'), context),

  everything: (patient, { types, since, first, after }, context) => {
    const params: [string, string][] = [];
    if (types && types.length > 0) params.push(['_type', types.map(requireResourceType).join(',')]);
    if (since) params.push(['_since', since]);
    return resourceList({
      store: patient.store,
      list: 'Patient.everything',
      parent: resourceName(patient),
      segments: ['Patient', patient.resource.id, '$everything'],
      params,
      first,
      after,
    }, context);
  },
  observations: (patient, { code, category, ...page }, context) => {
    const filters: [string, string][] = [];
    if (code) filters.push(searchParam('code', code));
    if (category) filters.push(searchParam('category', category));
    return patientList(patient, { type: 'Observation', reference: 'subject', sort: '-date', filters, ...page }, context);
  },
  conditions: (patient, { clinicalStatus, ...page }, context) => patientList(patient, {
    type: 'Condition', reference: 'subject', sort: '-onset-date', filters: clinicalStatus ? [searchParam('clinical-status', clinicalStatus)] : [], ...page,
  }, context),
  encounters: (patient, page, context, info) =>
    patientList(patient, { type: 'Encounter', reference: 'subject', sort: '-date', filters: includesFor(info, ENCOUNTER_INCLUDES), ...page }, context),
  medications: (patient, { status, ...page }, context) => patientList(patient, {
    type: 'MedicationRequest', reference: 'subject', sort: '-authoredon', filters: status ? [searchParam('status', status)] : [], ...page,
  }, context),
  allergies: (patient, page, context) => patientList(patient, { type: 'AllergyIntolerance', reference: 'patient', ...page }, context),
  immunizations: (patient, page, context) => patientList(patient, { type: 'Immunization', reference: 'patient', sort: '-date', ...page }, context),
};

