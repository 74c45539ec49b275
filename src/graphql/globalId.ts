import { badUserInput } from '../errors.js';

/** FHIR resource types with a GraphQL type of their own; every other type is a `FhirResource`. */
export const TYPED_FHIR_TYPES = [
  'Patient', 'Practitioner', 'Organization', 'Observation', 'Condition', 'Encounter', 'MedicationRequest',
  'AllergyIntolerance', 'Immunization',
] as const;

export type TypedFhirType = (typeof TYPED_FHIR_TYPES)[number];

/** Object types that implement Node. The name after the colon is the object's full resource name. */
export type NodeType = 'Dataset' | 'FhirStore' | 'DicomStore' | 'FhirResource' | 'Study' | 'Series' | 'Instance' | 'Operation' | 'Hl7V2Store' | 'Hl7V2Message' | TypedFhirType;

const NODE_TYPES: readonly string[] = ['Dataset', 'FhirStore', 'DicomStore', 'FhirResource', 'Study', 'Series', 'Instance', 'Operation', 'Hl7V2Store', 'Hl7V2Message', ...TYPED_FHIR_TYPES] satisfies NodeType[];

/** The GraphQL type a FHIR resource type is shown as. */
export function fhirNodeType(resourceType: string): TypedFhirType | 'FhirResource' {
  return (TYPED_FHIR_TYPES as readonly string[]).includes(resourceType) ? (resourceType as TypedFhirType) : 'FhirResource';
}

/** An opaque, stable global id: base64url of `Type:resourceName`. */
export function toGlobalId(type: NodeType, name: string): string {
  return Buffer.from(`${type}:${name}`, 'utf8').toString('base64url');
}

/** Splits a global id; the name still has to be validated by the type's parser. */
export function fromGlobalId(id: string): { type: NodeType; name: string } {
  const text = id.length <= 2048 && /^[A-Za-z0-9_-]+$/.test(id) ? Buffer.from(id, 'base64url').toString('utf8') : '';
  const colon = text.indexOf(':');
  const type = text.slice(0, colon);
  if (colon < 1 || !NODE_TYPES.includes(type)) throw badUserInput('Invalid id: pass an id exactly as this server returned it');
  return { type: type as NodeType, name: text.slice(colon + 1) };
}
