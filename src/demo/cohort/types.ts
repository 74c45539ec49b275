/** A FHIR R4 resource as plain JSON, with the client-chosen id it is stored under. */
export type FhirResource = { resourceType: string; id: string; [key: string]: unknown };

/** A FHIR Reference to another resource of the cohort. */
export interface Reference {
  reference: string;
  display?: string;
}

/** A FHIR Coding; every code the cohort emits carries its display. */
export interface Coding {
  system: string;
  code: string;
  display: string;
}

export interface CodeableConcept {
  coding: Coding[];
  text: string;
}

/** A code of a catalog, whose code system is implied by the catalog it sits in. */
export interface Code {
  code: string;
  display: string;
}
