/**
 * Maps FHIR JSON datatypes to the schema's types. FHIR JSON from a store is trusted to be JSON, not
 * to be well-formed FHIR: every function tolerates missing or mistyped fields.
 */

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
export const asString = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const asNumber = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
export const asObjects = (value: unknown): Json[] => (Array.isArray(value) ? value.filter(isObject) : []);
export const asStrings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);

export function coding(value: unknown) {
  if (!isObject(value)) return null;
  return { system: asString(value.system), code: asString(value.code), display: asString(value.display) };
}

export function codeableConcept(value: unknown) {
  if (!isObject(value)) return null;
  const codings = asObjects(value.coding).map((item) => coding(item)!);
  const text = asString(value.text);
  return {
    text,
    codings,
    display: text ?? codings.find((item) => item.display)?.display ?? codings[0]?.code ?? null,
    code: codings[0]?.code ?? null,
  };
}

export const codeableConcepts = (value: unknown) => asObjects(value).map((item) => codeableConcept(item)!);

/** The first code of a CodeableConcept, e.g. `active` from a clinicalStatus. */
export const firstCode = (value: unknown): string | null => codeableConcept(value)?.code ?? null;

export function quantity(value: unknown) {
  if (!isObject(value)) return null;
  return {
    value: asNumber(value.value),
    unit: asString(value.unit),
    system: asString(value.system),
    code: asString(value.code),
    comparator: asString(value.comparator),
  };
}

/** A quantity as people read it: `72 /min`, `< 5 mmol/L`. */
export function quantityText(value: unknown): string | null {
  const parsed = quantity(value);
  if (parsed?.value === null || parsed?.value === undefined) return null;
  return [parsed.comparator, String(parsed.value), parsed.unit ?? parsed.code].filter(Boolean).join(' ');
}

export function humanNames(value: unknown) {
  return asObjects(value).map((name) => ({
    use: asString(name.use),
    text: asString(name.text),
    family: asString(name.family),
    given: asStrings(name.given),
    prefix: asStrings(name.prefix),
    suffix: asStrings(name.suffix),
  }));
}

/** "Given Family" of the official name (else the first), or its text. */
export function displayName(value: unknown, withPrefix = false): string | null {
  const names = humanNames(value);
  const name = names.find((candidate) => candidate.use === 'official') ?? names[0];
  if (!name) return null;
  const parts = [...(withPrefix ? name.prefix : []), ...name.given, name.family ?? ''].filter((part) => part !== '');
  return parts.length > 0 ? parts.join(' ') : name.text;
}

export function contactPoints(value: unknown) {
  return asObjects(value).map((point) => ({ system: asString(point.system), value: asString(point.value), use: asString(point.use) }));
}

export function addresses(value: unknown) {
  return asObjects(value).map((address) => ({
    use: asString(address.use),
    text: asString(address.text),
    line: asStrings(address.line),
    city: asString(address.city),
    state: asString(address.state),
    postalCode: asString(address.postalCode),
    country: asString(address.country),
  }));
}

export function identifiers(value: unknown) {
  return asObjects(value).map((identifier) => ({
    use: asString(identifier.use),
    typeCode: firstCode(identifier.type),
    system: asString(identifier.system),
    value: asString(identifier.value),
  }));
}

/** `start` or `end` of a Period. */
export function periodBound(period: unknown, bound: 'start' | 'end'): string | null {
  return isObject(period) ? asString(period[bound]) : null;
}

/** A choice element's dateTime, or the start of its Period form (`effectiveDateTime` / `effectivePeriod`). */
export function dateTimeOrPeriodStart(resource: Json, field: string): string | null {
  return asString(resource[`${field}DateTime`]) ?? periodBound(resource[`${field}Period`], 'start');
}

/** An Observation's result as text: a value, or a panel's components (`120/80 mmHg`). */
export function observationValueText(resource: Record<string, unknown>): string | null {
  const own = quantityText(resource.valueQuantity) ?? asString(resource.valueString) ?? codeableConcept(resource.valueCodeableConcept)?.display ?? null;
  if (own !== null) return own;
  const parts = asObjects(resource.component).map((component) => quantity(component.valueQuantity));
  if (parts.length === 0 || parts.some((part) => part?.value === null || part?.value === undefined)) return null;
  const units = new Set(parts.map((part) => part!.unit ?? part!.code));
  return units.size === 1
    ? `${parts.map((part) => part!.value).join('/')} ${[...units][0] ?? ''}`.trim()
    : asObjects(resource.component).map((component) => quantityText(component.valueQuantity)).join('; ');
}

/** The reference strings of a Reference or a list of them. */
export function references(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.filter(isObject).map((reference) => asString(reference.reference)).filter((reference): reference is string => reference !== null);
}
