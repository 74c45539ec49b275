/**
 * The search parameters the store indexes: one table of (resource type, name, kind, extraction),
 * with the extraction written as a FHIRPath-like path (see `paths.ts`). Every index, the query
 * parser, `_sort`, `_include` and the CapabilityStatement are driven by this table; nothing else
 * knows about individual resource types.
 */

import type { JsonObject, JsonValue } from '../json.js';
import { path, type Extractor } from './paths.js';

/** FHIR search parameter types the store supports. */
export type ParamKind = 'string' | 'token' | 'reference' | 'date' | 'quantity';

/** One search parameter of one resource type. */
export interface SearchParamDef {
  readonly name: string;
  readonly kind: ParamKind;
  /** The extraction, as written in the table (shown in the CapabilityStatement). */
  readonly expression: string;
  readonly extract: Extractor;
  /** Reference parameters: the only target types indexed (all types when absent). */
  readonly targets?: readonly string[];
  /** The date that places the resource in time for `$everything`'s `start` / `end`. */
  readonly careDate?: boolean;
}

interface Options {
  targets?: readonly string[];
  careDate?: boolean;
}

function param(name: string, kind: ParamKind, expression: string, options: Options = {}): SearchParamDef {
  return { name, kind, expression, extract: path(expression), ...options };
}

/** A parameter whose value FHIRPath computes rather than selects (`deceased`). */
function computed(name: string, kind: ParamKind, expression: string, extract: Extractor): SearchParamDef {
  return { name, kind, expression, extract };
}

const PATIENT = ['Patient'];

/** `subject` and its Patient-only alias `patient`, as most clinical resources define them. */
function subjectAndPatient(element = 'subject'): SearchParamDef[] {
  return [param('subject', 'reference', element), param('patient', 'reference', element, { targets: PATIENT })];
}

function isDeceased(resource: JsonObject): JsonValue[] {
  const flag = resource['deceasedBoolean'];
  return [flag === true || typeof resource['deceasedDateTime'] === 'string'];
}

/**
 * FHIR's `Resource` parameters: every resource has them, and they are the only ones a search
 * across types (`GET fhir?_type=…`, `POST fhir/_search`) takes.
 */
export const RESOURCE_PARAMS: readonly SearchParamDef[] = [
  param('_id', 'token', 'id'),
  param('_lastUpdated', 'date', 'meta.lastUpdated'),
  param('_tag', 'token', 'meta.tag'),
  param('_security', 'token', 'meta.security'),
];

/** Parameters every resource type has here: the `Resource` ones and `identifier`. */
export const COMMON_PARAMS: readonly SearchParamDef[] = [...RESOURCE_PARAMS, param('identifier', 'token', 'identifier')];

/** Type-specific parameters (FHIR R4 definitions, restricted to what the store indexes). */
export const TYPE_PARAMS: Readonly<Record<string, readonly SearchParamDef[]>> = {
  Patient: [
    param('name', 'string', 'name'),
    param('family', 'string', 'name.family'),
    param('given', 'string', 'name.given'),
    param('birthdate', 'date', 'birthDate'),
    param('gender', 'token', 'gender'),
    param('address', 'string', 'address'),
    param('address-city', 'string', 'address.city'),
    param('address-state', 'string', 'address.state'),
    param('address-postalcode', 'string', 'address.postalCode'),
    param('address-country', 'string', 'address.country'),
    param('address-use', 'token', 'address.use'),
    param('phone', 'token', 'telecom[system=phone]'),
    param('email', 'token', 'telecom[system=email]'),
    param('telecom', 'token', 'telecom'),
    param('active', 'token', 'active'),
    computed('deceased', 'token', 'deceased.exists() and deceased != false', isDeceased),
    param('death-date', 'date', 'deceasedDateTime'),
    param('language', 'token', 'communication.language'),
    param('general-practitioner', 'reference', 'generalPractitioner', {
      targets: ['Organization', 'Practitioner', 'PractitionerRole'],
    }),
    param('organization', 'reference', 'managingOrganization', { targets: ['Organization'] }),
  ],
  Observation: [
    ...subjectAndPatient(),
    param('code', 'token', 'code'),
    param('category', 'token', 'category'),
    param('date', 'date', 'effective[x]', { careDate: true }),
    param('status', 'token', 'status'),
    param('encounter', 'reference', 'encounter', { targets: ['Encounter'] }),
    param('value-quantity', 'quantity', 'valueQuantity'),
  ],
  Condition: [
    ...subjectAndPatient(),
    param('code', 'token', 'code'),
    param('clinical-status', 'token', 'clinicalStatus'),
    param('onset-date', 'date', 'onsetDateTime | onsetPeriod', { careDate: true }),
    param('category', 'token', 'category'),
  ],
  Encounter: [
    ...subjectAndPatient(),
    param('date', 'date', 'period', { careDate: true }),
    param('status', 'token', 'status'),
    param('class', 'token', 'class'),
    param('type', 'token', 'type'),
    param('service-provider', 'reference', 'serviceProvider', { targets: ['Organization'] }),
    param('participant', 'reference', 'participant.individual'),
  ],
  MedicationRequest: [
    ...subjectAndPatient(),
    param('status', 'token', 'status'),
    param('authoredon', 'date', 'authoredOn', { careDate: true }),
    param('medication', 'reference', 'medicationReference', { targets: ['Medication'] }),
    param('code', 'token', 'medicationCodeableConcept'),
  ],
  AllergyIntolerance: [
    param('patient', 'reference', 'patient', { targets: PATIENT }),
    param('clinical-status', 'token', 'clinicalStatus'),
    param('code', 'token', 'code | reaction.substance'),
  ],
  Immunization: [
    param('patient', 'reference', 'patient', { targets: PATIENT }),
    param('date', 'date', 'occurrence[x]', { careDate: true }),
    param('vaccine-code', 'token', 'vaccineCode'),
    param('status', 'token', 'status'),
  ],
  Procedure: [
    ...subjectAndPatient(),
    param('date', 'date', 'performed[x]', { careDate: true }),
    param('code', 'token', 'code'),
    param('status', 'token', 'status'),
  ],
  DiagnosticReport: [
    ...subjectAndPatient(),
    param('code', 'token', 'code'),
    param('date', 'date', 'effective[x]', { careDate: true }),
    param('status', 'token', 'status'),
    param('category', 'token', 'category'),
  ],
  ImagingStudy: [
    ...subjectAndPatient(),
    param('started', 'date', 'started', { careDate: true }),
    param('modality', 'token', 'series.modality'),
  ],
  Practitioner: [param('name', 'string', 'name')],
  Organization: [param('name', 'string', 'name | alias')],
};

/** All parameters of a type, common ones first. */
export function paramsOf(type: string): readonly SearchParamDef[] {
  return [...COMMON_PARAMS, ...(TYPE_PARAMS[type] ?? [])];
}
