/**
 * `FieldMetadata.paths` matching. A path is a period-separated list whose components are field
 * names or FHIR type names (`Patient.name`, `HumanName`, `Deceased.Age.unit` for `deceasedAge.unit`).
 * A path matches an element when its components match the element's own path from some point
 * down to the element itself: `Patient.name` matches only Patient's `name`, `HumanName` matches
 * every HumanName, `name.family` every `family` of a `name`.
 *
 * The emulator has no FHIR structure definitions, so an element's type is recognised from its
 * field name and shape: the data types that carry identifying data (HumanName, Address,
 * ContactPoint, Identifier, Reference, Narrative, Annotation) and the primitive date types.
 */

import { isJsonObject, type JsonValue } from '../json.js';
import { isFhirDate } from './keys.js';
import type { InfoType } from './text.js';

/** One level of an element's path: its JSON field name and, when recognised, its FHIR type. */
export interface PathStep {
  readonly field: string;
  readonly type: string | undefined;
}

const HUMAN_NAME_KEYS = ['family', 'given', 'prefix', 'suffix'];
const ADDRESS_KEYS = ['line', 'city', 'district', 'postalCode', 'state', 'country'];
const DATETIME = /^\d{4}-\d{2}-\d{2}T/;

/** The FHIR type of a field's value, as far as the emulator can tell. */
export function typeOf(field: string, value: JsonValue): string | undefined {
  if (typeof value === 'string') {
    if (field === 'div') return 'Xhtml';
    if (!isFhirDate(value)) return 'String';
    return DATETIME.test(value) ? 'DateTime' : 'Date';
  }
  if (typeof value === 'boolean') return 'Boolean';
  if (typeof value === 'number') return Number.isInteger(value) ? 'Integer' : 'Decimal';
  if (!isJsonObject(value)) return undefined;
  if (field === 'telecom') return 'ContactPoint';
  if (field === 'identifier') return 'Identifier';
  if (field === 'note') return 'Annotation';
  if (field === 'text' && typeof value['div'] === 'string') return 'Narrative';
  if (typeof value['reference'] === 'string' || (field !== 'code' && typeof value['display'] === 'string' && value['system'] === undefined && value['code'] === undefined)) {
    return 'Reference';
  }
  if (HUMAN_NAME_KEYS.some((k) => k in value) || (field === 'name' && 'text' in value)) return 'HumanName';
  if (field === 'address' || ADDRESS_KEYS.filter((k) => k in value).length >= 2) return 'Address';
  return undefined;
}

/** What a recognised type holds, for choosing a transformation. */
export function infoTypeOfType(type: string | undefined): InfoType | undefined {
  switch (type) {
    case 'HumanName':
      return 'PERSON_NAME';
    case 'Address':
      return 'LOCATION';
    case 'ContactPoint':
      return 'PHONE_NUMBER';
    case 'Identifier':
      return 'MEDICAL_RECORD_NUMBER';
    case 'Date':
    case 'DateTime':
      return 'DATE';
    default:
      return undefined;
  }
}

/**
 * A path's components with choice types joined (`Deceased.Age.unit` → `deceasedAge`, `unit`): a
 * capitalised component followed by another capitalised one is a `field[x]` choice.
 */
export function normalizePath(path: string): string[] {
  const parts = path.split('.');
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as string;
    const next = parts[i + 1];
    const isUpper = (s: string | undefined): boolean => s !== undefined && /^[A-Z]/.test(s);
    // The first component may be a resource type followed by a type (`Patient.HumanName` is not a
    // choice), so joining starts at the second component.
    if (i > 0 && isUpper(part) && isUpper(next) && /^(String|Boolean|Integer|Decimal|DateTime|Date|Period|Quantity|CodeableConcept|Age|Range|Ratio|Reference|Attachment|Instant|Time|Uri|Url|Code|SampledData|Coding)$/.test(next ?? '')) {
      out.push(`${part.charAt(0).toLowerCase()}${part.slice(1)}${next}`);
      i++;
    } else {
      out.push(part);
    }
  }
  return out;
}

/** True when `pattern` (normalised) matches the element at the end of `steps`. */
export function matches(pattern: readonly string[], steps: readonly PathStep[]): boolean {
  const start = steps.length - pattern.length;
  // The root alone (a whole resource) is never a field.
  if (start < 0 || steps.length < 2) return false;
  return pattern.every((component, i) => {
    const step = steps[start + i] as PathStep;
    return component === step.field || component === step.type;
  });
}
