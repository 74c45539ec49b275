import { SYSTEM } from './catalog/systems.js';
import type { Code, CodeableConcept, Coding, FhirResource, Reference } from './types.js';

/**
 * A literal reference (`Type/id`) to a resource of the cohort. References are shared between the
 * resources that hold them (a patient's is in thousands), so they are frozen: copy one to change it.
 */
export function referenceTo(resource: FhirResource, display?: string): Reference {
  const reference = `${resource.resourceType}/${resource.id}`;
  return Object.freeze(display === undefined ? { reference } : { reference, display });
}

export function coding(system: string, code: Code): Coding {
  return { system, code: code.code, display: code.display };
}

/** SNOMED CT displays end in a semantic tag, e.g. `Asthma (disorder)`, that people need not read. */
const SEMANTIC_TAG = / \((?:disorder|finding|procedure|substance|body structure|qualifier value)\)$/;

/** A CodeableConcept with one coding; `text` defaults to the display without its semantic tag. */
export function concept(system: string, code: Code, text = code.display.replace(SEMANTIC_TAG, '')): CodeableConcept {
  return { coding: [coding(system, code)], text };
}

/** A UCUM quantity: `unit` is what people read, `code` what machines compare. */
export function quantity(value: number, unit: string, code = unit) {
  return { value, unit, system: SYSTEM.ucum, code };
}

/** The `{ coding: [...] }` form of category and status fields, which carry no text. */
export function codes(system: string, code: string, display: string): { coding: Coding[] } {
  return { coding: [{ system, code, display }] };
}

/** Rounds to `digits` decimals, the precision a device would report. */
export function round(value: number, digits = 0): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
