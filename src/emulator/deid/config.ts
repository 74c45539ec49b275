/**
 * `DeidentifyConfig` (reference §7.3): the subset the emulator implements, parsed and validated
 * strictly so that a request Google would reject (unknown field, bad enum, two members of a
 * oneof, a key that is not an AES key) is a 400 here too, before any work starts.
 */

import { invalidArgument } from '../errors.js';
import { isJsonObject, type JsonObject, type JsonValue } from '../json.js';
import { resolveTag } from '../dicom/tags.js';

/** `FieldMetadata.action`. */
export type FieldAction = 'TRANSFORM' | 'INSPECT_AND_TRANSFORM' | 'DO_NOT_TRANSFORM';

/** One `FhirConfig.fieldMetadataList` entry. */
export interface FieldMetadata {
  readonly paths: readonly string[];
  readonly action: FieldAction;
}

/** `FhirConfig`. */
export interface FhirConfig {
  /** Empty: the emulator's default (see `fhir-defaults.ts`). */
  readonly fieldMetadataList: readonly FieldMetadata[];
  readonly defaultKeepExtensions: boolean;
}

/** `DicomConfig.filterProfile`; `undefined` in the parsed form means no profile given. */
export type FilterProfile =
  | 'MINIMAL_KEEP_LIST_PROFILE'
  | 'ATTRIBUTE_CONFIDENTIALITY_BASIC_PROFILE'
  | 'KEEP_ALL_PROFILE'
  | 'DEIDENTIFY_TAG_CONTENTS';

/** `DicomConfig`: at most one of profile, keep list and remove list (a proto oneof). */
export interface DicomConfig {
  readonly filter:
    | { readonly kind: 'profile'; readonly profile: FilterProfile }
    | { readonly kind: 'keep'; readonly tags: ReadonlySet<string> }
    | { readonly kind: 'remove'; readonly tags: ReadonlySet<string> };
  readonly skipIdRedaction: boolean;
}

/** The transformation of one `InfoTypeTransformation` (exactly one per entry). */
export type Transformation =
  | { readonly kind: 'redact' }
  | { readonly kind: 'characterMask'; readonly maskingCharacter: string }
  | { readonly kind: 'replaceWithInfoType' }
  | { readonly kind: 'dateShift'; readonly key: Buffer | undefined }
  | { readonly kind: 'cryptoHash'; readonly key: Buffer | undefined };

/** `InfoTypeTransformation`: an empty `infoTypes` list applies to every info type. */
export interface InfoTypeTransformation {
  readonly infoTypes: readonly string[];
  readonly transformation: Transformation;
}

/** `TextConfig`. */
export interface TextConfig {
  /** `transformations` and `additionalTransformations`, in that order (first match wins). */
  readonly transformations: readonly InfoTypeTransformation[];
  readonly excludeInfoTypes: ReadonlySet<string>;
}

/** A parsed `DeidentifyConfig`. */
export interface DeidentifyConfig {
  readonly fhir: FhirConfig;
  readonly dicom: DicomConfig;
  readonly text: TextConfig;
}

const FIELD_ACTIONS: readonly string[] = ['TRANSFORM', 'INSPECT_AND_TRANSFORM', 'DO_NOT_TRANSFORM'];
const PROFILES: readonly string[] = [
  'MINIMAL_KEEP_LIST_PROFILE',
  'ATTRIBUTE_CONFIDENTIALITY_BASIC_PROFILE',
  'KEEP_ALL_PROFILE',
  'DEIDENTIFY_TAG_CONTENTS',
];
const REDACTION_MODES: readonly string[] = ['REDACT_NO_TEXT', 'REDACT_ALL_TEXT', 'REDACT_SENSITIVE_TEXT'];
/** AES-128/192/256, as Google's `cryptoKey` fields require. */
const KEY_BYTES: ReadonlySet<number> = new Set([16, 24, 32]);
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** An object with only the named fields, as Google's JSON parser insists. */
function object(value: JsonValue | undefined, at: string, fields: readonly string[]): JsonObject {
  if (value === undefined || value === null) return {};
  if (!isJsonObject(value)) throw invalidArgument(`Invalid value at '${at}': expected an object.`);
  for (const key of Object.keys(value)) {
    if (!fields.includes(key)) {
      throw invalidArgument(`Invalid JSON payload received. Unknown name "${key}" at '${at}': Cannot find field.`);
    }
  }
  return value;
}

function list(value: JsonValue | undefined, at: string): JsonValue[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw invalidArgument(`Invalid value at '${at}': expected a list.`);
  return value;
}

function strings(value: JsonValue | undefined, at: string): string[] {
  return list(value, at).map((item, i) => {
    if (typeof item !== 'string') throw invalidArgument(`Invalid value at '${at}[${i}]': expected a string.`);
    return item;
  });
}

function bool(value: JsonValue | undefined, at: string): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value !== 'boolean') throw invalidArgument(`Invalid value at '${at}': expected a boolean.`);
  return value;
}

function enumValue(value: JsonValue | undefined, at: string, values: readonly string[]): string | undefined {
  if (value === undefined || value === null || (typeof value === 'string' && value.endsWith('_UNSPECIFIED'))) {
    return undefined;
  }
  if (typeof value !== 'string' || !values.includes(value)) {
    throw invalidArgument(`Invalid value at '${at}' (${String(value)}): expected one of ${values.join(', ')}.`);
  }
  return value;
}

/** A `cryptoKey`: base64 of a 16, 24 or 32-byte key. */
export function parseCryptoKey(value: JsonValue | undefined, at: string): Buffer | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string' || !BASE64.test(value)) {
    throw invalidArgument(`Invalid value at '${at}': cryptoKey must be base64.`);
  }
  const key = Buffer.from(value, 'base64');
  if (!KEY_BYTES.has(key.length)) {
    throw invalidArgument(`Invalid value at '${at}': cryptoKey must be a 128, 192 or 256-bit AES key (got ${key.length * 8} bits).`);
  }
  return key;
}

function keyConfig(value: JsonValue | undefined, at: string): Buffer | undefined {
  const body = object(value, at, ['cryptoKey', 'kmsWrapped']);
  // The emulator has no Cloud KMS to unwrap a key with; failing loudly beats silently using a random one.
  if (body['kmsWrapped'] !== undefined) {
    throw invalidArgument(`Invalid value at '${at}.kmsWrapped': the emulator cannot unwrap Cloud KMS keys; use cryptoKey.`);
  }
  return parseCryptoKey(body['cryptoKey'], `${at}.cryptoKey`);
}

const TRANSFORMATION_FIELDS = [
  'redactConfig',
  'characterMaskConfig',
  'replaceWithInfoTypeConfig',
  'dateShiftConfig',
  'cryptoHashConfig',
] as const;

function infoTypeTransformation(value: JsonValue, at: string): InfoTypeTransformation {
  const body = object(value, at, ['infoTypes', ...TRANSFORMATION_FIELDS]);
  const infoTypes = strings(body['infoTypes'], `${at}.infoTypes`);
  const set = TRANSFORMATION_FIELDS.filter((field) => body[field] !== undefined && body[field] !== null);
  if (set.length !== 1) {
    throw invalidArgument(`Invalid value at '${at}': exactly one of ${TRANSFORMATION_FIELDS.join(', ')} must be set.`);
  }
  const field = set[0] as (typeof TRANSFORMATION_FIELDS)[number];
  const fieldAt = `${at}.${field}`;
  switch (field) {
    case 'redactConfig':
      object(body[field], fieldAt, []);
      return { infoTypes, transformation: { kind: 'redact' } };
    case 'replaceWithInfoTypeConfig':
      object(body[field], fieldAt, []);
      return { infoTypes, transformation: { kind: 'replaceWithInfoType' } };
    case 'characterMaskConfig': {
      const mask = object(body[field], fieldAt, ['maskingCharacter'])['maskingCharacter'] ?? '';
      if (typeof mask !== 'string' || [...mask].length > 1) {
        throw invalidArgument(`Invalid value at '${fieldAt}.maskingCharacter': expected a single character.`);
      }
      // DLP's default masking character is `*`.
      return { infoTypes, transformation: { kind: 'characterMask', maskingCharacter: mask === '' ? '*' : mask } };
    }
    case 'dateShiftConfig':
      return { infoTypes, transformation: { kind: 'dateShift', key: keyConfig(body[field], fieldAt) } };
    case 'cryptoHashConfig':
      return { infoTypes, transformation: { kind: 'cryptoHash', key: keyConfig(body[field], fieldAt) } };
  }
}

function parseFhir(value: JsonValue | undefined): FhirConfig {
  const body = object(value, 'config.fhir', ['fieldMetadataList', 'defaultKeepExtensions']);
  const fieldMetadataList = list(body['fieldMetadataList'], 'config.fhir.fieldMetadataList').map((item, i) => {
    const at = `config.fhir.fieldMetadataList[${i}]`;
    const entry = object(item, at, ['paths', 'action']);
    const paths = strings(entry['paths'], `${at}.paths`);
    if (paths.length === 0) throw invalidArgument(`Invalid value at '${at}.paths': at least one path is required.`);
    paths.forEach((p, j) => {
      if (!/^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)*$/.test(p)) {
        throw invalidArgument(`Invalid value at '${at}.paths[${j}]' ("${p}"): expected a FHIR path such as Patient.name.`);
      }
    });
    const action = enumValue(entry['action'], `${at}.action`, FIELD_ACTIONS);
    if (action === undefined) throw invalidArgument(`Invalid value at '${at}.action': an action is required.`);
    return { paths, action: action as FieldAction };
  });
  return { fieldMetadataList, defaultKeepExtensions: bool(body['defaultKeepExtensions'], 'config.fhir.defaultKeepExtensions') };
}

function tagList(value: JsonValue | undefined, at: string): ReadonlySet<string> {
  const tags = strings(object(value, at, ['tags'])['tags'], `${at}.tags`);
  return new Set(
    tags.map((tag, i) => {
      const resolved = resolveTag(tag);
      if (resolved === undefined) {
        throw invalidArgument(`Invalid value at '${at}.tags[${i}]' ("${tag}"): expected a DICOM keyword or 8 hex digits.`);
      }
      return resolved;
    }),
  );
}

function parseDicom(value: JsonValue | undefined): DicomConfig {
  const body = object(value, 'config.dicom', ['filterProfile', 'keepList', 'removeList', 'skipIdRedaction']);
  const profile = enumValue(body['filterProfile'], 'config.dicom.filterProfile', PROFILES) as FilterProfile | undefined;
  const members = [profile !== undefined, body['keepList'] !== undefined, body['removeList'] !== undefined];
  if (members.filter(Boolean).length > 1) {
    throw invalidArgument('Invalid value at \'config.dicom\': only one of filterProfile, keepList and removeList may be set.');
  }
  const skipIdRedaction = bool(body['skipIdRedaction'], 'config.dicom.skipIdRedaction');
  if (body['keepList'] !== undefined) return { filter: { kind: 'keep', tags: tagList(body['keepList'], 'config.dicom.keepList') }, skipIdRedaction };
  if (body['removeList'] !== undefined) {
    return { filter: { kind: 'remove', tags: tagList(body['removeList'], 'config.dicom.removeList') }, skipIdRedaction };
  }
  // TAG_FILTER_PROFILE_UNSPECIFIED: "No tag filtration profile provided. Same as KEEP_ALL_PROFILE."
  return { filter: { kind: 'profile', profile: profile ?? 'KEEP_ALL_PROFILE' }, skipIdRedaction };
}

function parseText(value: JsonValue | undefined): TextConfig {
  const body = object(value, 'config.text', ['transformations', 'additionalTransformations', 'excludeInfoTypes']);
  const parse = (field: string): InfoTypeTransformation[] =>
    list(body[field], `config.text.${field}`).map((item, i) => infoTypeTransformation(item, `config.text.${field}[${i}]`));
  return {
    transformations: [...parse('transformations'), ...parse('additionalTransformations')],
    excludeInfoTypes: new Set(strings(body['excludeInfoTypes'], 'config.text.excludeInfoTypes')),
  };
}

/** Parses `config` of a deidentify request (absent = every default). */
export function parseDeidentifyConfig(value: JsonValue | undefined): DeidentifyConfig {
  const body = object(value, 'config', ['fhir', 'dicom', 'text', 'image', 'useRegionalDataProcessing']);
  const image = object(body['image'], 'config.image', ['textRedactionMode']);
  // Burnt-in text redaction needs OCR, which the emulator does not have: refusing is safer than a
  // copy that looks redacted and is not.
  const mode = enumValue(image['textRedactionMode'], 'config.image.textRedactionMode', REDACTION_MODES);
  if (mode === 'REDACT_ALL_TEXT' || mode === 'REDACT_SENSITIVE_TEXT') {
    throw invalidArgument('Invalid value at \'config.image.textRedactionMode\': the emulator does not redact text burnt into pixel data.');
  }
  bool(body['useRegionalDataProcessing'], 'config.useRegionalDataProcessing');
  return { fhir: parseFhir(body['fhir']), dicom: parseDicom(body['dicom']), text: parseText(body['text']) };
}

/** The first transformation that applies to `infoType`, honouring `excludeInfoTypes`. */
export function transformationFor(text: TextConfig, infoType: string): Transformation | undefined {
  if (text.excludeInfoTypes.has(infoType)) return undefined;
  return text.transformations.find((t) => t.infoTypes.length === 0 || t.infoTypes.includes(infoType))?.transformation;
}

/** The first transformation of a kind (for whole-field TRANSFORM, where no info type is known). */
export function firstOfKind<K extends Transformation['kind']>(
  text: TextConfig,
  kind: K,
): Extract<Transformation, { kind: K }> | undefined {
  return text.transformations.find((t) => t.transformation.kind === kind)?.transformation as
    | Extract<Transformation, { kind: K }>
    | undefined;
}
