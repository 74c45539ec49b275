import type { OrganizationResolvers, PractitionerResolvers } from '../../../generated/graphql.js';
import { commonFhirFields } from './common.js';
import { addresses, asString, contactPoints, displayName, humanNames, identifiers } from './datatypes.js';

export const practitionerResolvers: PractitionerResolvers = {
  ...commonFhirFields,
  displayName: ({ resource }) => displayName(resource.name, true),
  names: ({ resource }) => humanNames(resource.name),
  identifiers: ({ resource }) => identifiers(resource.identifier),
  telecom: ({ resource }) => contactPoints(resource.telecom),
};

export const organizationResolvers: OrganizationResolvers = {
  ...commonFhirFields,
  name: ({ resource }) => asString(resource.name),
  identifiers: ({ resource }) => identifiers(resource.identifier),
  telecom: ({ resource }) => contactPoints(resource.telecom),
  addresses: ({ resource }) => addresses(resource.address),
};
