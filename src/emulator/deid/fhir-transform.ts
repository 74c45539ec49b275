/**
 * De-identifies one FHIR resource (a copy; the source is never touched).
 *
 * - Ids are always replaced by keyed hashes and every reference into the source is rewritten to
 *   the new id, so the copy's references resolve among themselves; DICOM UIDs that ImagingStudy
 *   carries are mapped exactly as the DICOM side maps them (unless `dicom.skipIdRedaction`).
 * - With a `fieldMetadataList`, matched fields get their action and every other field passes
 *   through unchanged (Google's rule). Without one, the emulator's default list applies
 *   (`DEFAULT_FIELDS`): names, telecom, addresses, identifier values, dates, reference displays,
 *   narratives and free-text notes are transformed.
 * - `TRANSFORM` applies the TextConfig transformation for the field's info type to every value
 *   in it (codes such as `use` and `system` are kept); `INSPECT_AND_TRANSFORM` replaces only
 *   what `TextInspector` finds; `DO_NOT_TRANSFORM` keeps the field.
 * - Extensions are dropped unless `defaultKeepExtensions`.
 */

import { isJsonObject, type JsonObject, type JsonValue } from '../json.js';
import { localTarget } from '../fhir/references.js';
import type { DeidentifyConfig, FieldAction, FieldMetadata } from './config.js';
import { infoTypeOfType, matches, normalizePath, typeOf, type PathStep } from './fhir-paths.js';
import type { DeidKeys } from './keys.js';
import { infoTypeOfValue, inspectAndTransform, transformValue, type InfoType, type TextInspector, type ValueContext } from './text.js';

/**
 * The emulator's default FhirConfig (used when `fieldMetadataList` is empty): the HIPAA Safe
 * Harbor identifiers FHIR resources commonly hold.
 */
export const DEFAULT_FIELDS: readonly FieldMetadata[] = [
  { paths: ['HumanName', 'ContactPoint', 'Address', 'Identifier', 'Date', 'DateTime'], action: 'TRANSFORM' },
  { paths: ['Reference.display', 'Narrative', 'Patient.photo', 'Attachment.data', 'Attachment.url'], action: 'TRANSFORM' },
  { paths: ['Annotation', 'valueString', 'conclusion', 'comment'], action: 'INSPECT_AND_TRANSFORM' },
];

/** Fields of a transformed data type that are codes, not identifying data: kept as they are. */
const KEPT_CODES: Readonly<Record<string, ReadonlySet<string>>> = {
  HumanName: new Set(['use']),
  ContactPoint: new Set(['system', 'use', 'rank']),
  Address: new Set(['use', 'type', 'state', 'country']),
  Identifier: new Set(['use', 'system', 'type']),
};

const EXTENSIONS = new Set(['extension', 'modifierExtension']);

/** What a resource's transformation needs from its operation. */
export interface FhirDeidContext {
  readonly config: DeidentifyConfig;
  readonly keys: DeidKeys;
  readonly inspector: TextInspector;
  /** Full name of the source store (absolute references into it are rewritten too). */
  readonly sourceStore: string;
  /** Days to shift the dates of a resource by (per patient). */
  shiftDaysOf(resource: JsonObject): number;
}

interface Rule {
  readonly pattern: string[];
  readonly action: FieldAction;
}

/** The active field in a walk: the action of the nearest matched ancestor and its type. */
interface Active {
  readonly action: FieldAction;
  readonly type: string | undefined;
  readonly infoType: InfoType | undefined;
}

/** Compiles the config's (or the default) field list once per operation. */
export function compileRules(config: DeidentifyConfig): Rule[] {
  const list = config.fhir.fieldMetadataList.length > 0 ? config.fhir.fieldMetadataList : DEFAULT_FIELDS;
  return list.flatMap((entry) => entry.paths.map((path) => ({ pattern: normalizePath(path), action: entry.action })));
}

/** De-identifies a copy of `resource`. */
export function deidentifyResource(resource: JsonObject, rules: readonly Rule[], ctx: FhirDeidContext): JsonObject {
  const type = String(resource['resourceType']);
  const id = String(resource['id']);
  const valueCtx: ValueContext = { keys: ctx.keys, text: ctx.config.text, shiftDays: ctx.shiftDaysOf(resource) };
  const out: JsonObject = { resourceType: type, id: ctx.keys.resourceId(type, id) };
  const root: PathStep[] = [{ field: type, type }];
  // UIDs are mapped on a copy first, so that the walk below sees them as already de-identified.
  const source = mapImagingUids(structuredClone(resource), ctx);
  for (const [key, value] of Object.entries(source)) {
    if (key === 'resourceType' || key === 'id') continue;
    // A new store stamps its own version; the source's meta would tell when the original was written.
    if (key === 'meta') continue;
    const transformed = walk(key, value, root, undefined, rules, ctx, valueCtx);
    if (transformed !== undefined) out[key] = transformed;
  }
  return out;
}

function walk(
  field: string,
  value: JsonValue,
  parents: readonly PathStep[],
  active: Active | undefined,
  rules: readonly Rule[],
  ctx: FhirDeidContext,
  valueCtx: ValueContext,
): JsonValue | undefined {
  if (EXTENSIONS.has(field) && !ctx.config.fhir.defaultKeepExtensions) return undefined;
  if (Array.isArray(value)) {
    const items = value
      .map((item) => walk(field, item, parents, active, rules, ctx, valueCtx))
      .filter((item): item is JsonValue => item !== undefined);
    return items.length === 0 ? undefined : items;
  }
  const steps = [...parents, { field, type: typeOf(field, value) }];
  const step = steps.at(-1) as PathStep;
  const rule = rules.find((r) => matches(r.pattern, steps));
  let current = active;
  if (isDicomUidIdentifier(step, value)) return value;
  if (rule !== undefined) {
    current = { action: rule.action, type: step.type, infoType: infoTypeOf(step.type, value) ?? active?.infoType };
  } else if (active !== undefined && parents.length > 0 && KEPT_CODES[active.type ?? '']?.has(field) === true && parents.at(-1)?.type === active.type) {
    // `use`, `system`, … of a transformed name, address, telecom or identifier.
    return value;
  }
  if (field === 'reference' && typeof value === 'string') return rewriteReference(value, ctx);
  if (isJsonObject(value)) {
    const out: JsonObject = {};
    for (const [key, child] of Object.entries(value)) {
      const transformed = walk(key, child, steps, current, rules, ctx, valueCtx);
      if (transformed !== undefined) out[key] = transformed;
    }
    return Object.keys(out).length === 0 ? undefined : out;
  }
  return leaf(value, current, ctx, valueCtx);
}

/** The info type of a matched field; an e-mail ContactPoint is not a phone number. */
function infoTypeOf(type: string | undefined, value: JsonValue): InfoType | undefined {
  if (type === 'ContactPoint' && isJsonObject(value) && value['system'] === 'email') return 'EMAIL_ADDRESS';
  return infoTypeOfType(type);
}

function leaf(value: JsonValue, active: Active | undefined, ctx: FhirDeidContext, valueCtx: ValueContext): JsonValue | undefined {
  if (active === undefined || active.action === 'DO_NOT_TRANSFORM') return value;
  if (typeof value !== 'string') {
    // Numbers and booleans carry no free text; a whole-field TRANSFORM still removes them.
    return active.action === 'TRANSFORM' ? undefined : value;
  }
  if (active.action === 'INSPECT_AND_TRANSFORM') {
    const infoType = infoTypeOfValue(value, undefined);
    if (infoType === 'DATE') return transformValue(value, 'DATE', valueCtx, true);
    const out = inspectAndTransform(value, ctx.inspector, valueCtx);
    return out === '' ? undefined : out;
  }
  return transformValue(value, infoTypeOfValue(value, active.infoType), valueCtx, true);
}

/** `Type/id` (or an absolute URL into the source store) → `Type/newId`; other references as they are. */
function rewriteReference(reference: string, ctx: FhirDeidContext): string {
  const target = localTarget(reference, ctx.sourceStore);
  if (target === undefined) return reference;
  // A versioned reference cannot keep its version: the copy's versions are new.
  return `${target.type}/${ctx.keys.resourceId(target.type, target.id)}`;
}

/** A `urn:dicom:uid` identifier (ImagingStudy's Study Instance UID): mapped, never hashed. */
function isDicomUidIdentifier(step: PathStep, value: JsonValue): boolean {
  return step.type === 'Identifier' && isJsonObject(value) && value['system'] === 'urn:dicom:uid';
}

/** ImagingStudy's Study/Series/SOP Instance UIDs, mapped in place as the DICOM side maps them. */
function mapImagingUids(resource: JsonObject, ctx: FhirDeidContext): JsonObject {
  if (resource['resourceType'] !== 'ImagingStudy' || ctx.config.dicom.skipIdRedaction) return resource;
  const uid = (value: JsonValue | undefined): JsonValue | undefined =>
    typeof value === 'string' ? ctx.keys.uid(value) : value;
  for (const identifier of arrayOf(resource['identifier'])) {
    const value = identifier['value'];
    if (identifier['system'] === 'urn:dicom:uid' && typeof value === 'string' && value.startsWith('urn:oid:')) {
      identifier['value'] = `urn:oid:${ctx.keys.uid(value.slice('urn:oid:'.length))}`;
    }
  }
  for (const series of arrayOf(resource['series'])) {
    const mapped = uid(series['uid']);
    if (mapped !== undefined) series['uid'] = mapped;
    for (const instance of arrayOf(series['instance'])) {
      const mappedInstance = uid(instance['uid']);
      if (mappedInstance !== undefined) instance['uid'] = mappedInstance;
    }
  }
  return resource;
}

function arrayOf(value: JsonValue | undefined): JsonObject[] {
  return Array.isArray(value) ? value.filter(isJsonObject) : [];
}
