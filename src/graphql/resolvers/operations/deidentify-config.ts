/**
 * `DeidentifyConfigInput` → the API's `DeidentifyConfig`, validated completely first so that a bad
 * key, path or tag is a BAD_USER_INPUT with no upstream call.
 */
import dcmjs from 'dcmjs';
import { badUserInput } from '../../../errors.js';
import type { DeidentifyConfig } from '../../../healthcare/deidentify.js';
import type { DeidentifyConfigInput, DicomFilterProfile, FreeTextReplacement } from '../../../generated/graphql.js';

/** AES-128/192/256, as the API's `cryptoKey` fields require. */
const KEY_BYTES = new Set([16, 24, 32]);
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const FHIR_PATH = /^[A-Za-z][A-Za-z0-9]{0,63}(\.[A-Za-z][A-Za-z0-9]{0,63}){0,15}$/;
const HEX_TAG = /^[0-9A-Fa-f]{8}$/;
/** More rules or tags than this is a mistake, not a configuration. */
const MAX_ITEMS = 500;

const PROFILES: Record<DicomFilterProfile, string> = {
  MINIMAL_KEEP_LIST: 'MINIMAL_KEEP_LIST_PROFILE',
  ATTRIBUTE_CONFIDENTIALITY_BASIC: 'ATTRIBUTE_CONFIDENTIALITY_BASIC_PROFILE',
  KEEP_ALL: 'KEEP_ALL_PROFILE',
  DEIDENTIFY_TAG_CONTENTS: 'DEIDENTIFY_TAG_CONTENTS',
};

/** The info types free text is inspected for; their replacement is `freeText`. */
const FREE_TEXT_INFO_TYPES = ['PERSON_NAME', 'PHONE_NUMBER', 'EMAIL_ADDRESS', 'LOCATION', 'US_SOCIAL_SECURITY_NUMBER'];

const REPLACEMENTS: Record<FreeTextReplacement, Record<string, unknown>> = {
  INFO_TYPE: { replaceWithInfoTypeConfig: {} },
  REDACT: { redactConfig: {} },
  MASK: { characterMaskConfig: { maskingCharacter: '*' } },
};

function cryptoKey(value: string, field: string): string {
  const bytes = BASE64.test(value) ? Buffer.from(value, 'base64').length : 0;
  if (!KEY_BYTES.has(bytes)) throw badUserInput(`config.${field} must be a base64 AES key of 16, 24 or 32 bytes`);
  return value;
}

function limited<T>(items: readonly T[], field: string): readonly T[] {
  if (items.length > MAX_ITEMS) throw badUserInput(`config.${field} may hold at most ${MAX_ITEMS} entries`);
  return items;
}

/** A DICOM tag as a keyword of the standard dictionary or 8 hex digits. */
function dicomTag(tag: string, field: string): string {
  if (HEX_TAG.test(tag) || dcmjs.data.DicomMetaDictionary.nameMap[tag] !== undefined) return tag;
  throw badUserInput(`config.${field}: ${JSON.stringify(tag.slice(0, 80))} is not a DICOM keyword (e.g. PatientID) or tag (e.g. 00100020)`);
}

function fhirConfig(input: NonNullable<DeidentifyConfigInput['fhir']>): Record<string, unknown> {
  const fields = limited(input.fields ?? [], 'fhir.fields').map((rule, i) => {
    if (rule.paths.length === 0) throw badUserInput(`config.fhir.fields[${i}].paths must name at least one path`);
    for (const path of limited(rule.paths, `fhir.fields[${i}].paths`)) {
      if (!FHIR_PATH.test(path)) throw badUserInput(`config.fhir.fields[${i}]: ${JSON.stringify(path.slice(0, 80))} is not a FHIR path such as Patient.name`);
    }
    return { paths: rule.paths, action: rule.action };
  });
  return {
    ...(fields.length > 0 ? { fieldMetadataList: fields } : {}),
    ...(input.keepExtensions ? { defaultKeepExtensions: true } : {}),
  };
}

/**
 * The API keeps every DICOM attribute when no profile or tag list is given (KEEP_ALL): a copy that
 * still names its patients. A caller who says nothing gets the Basic Confidentiality Profile instead.
 */
const DEFAULT_DICOM_PROFILE: DicomFilterProfile = 'ATTRIBUTE_CONFIDENTIALITY_BASIC';

function dicomConfig(input: NonNullable<DeidentifyConfigInput['dicom']>): Record<string, unknown> {
  const set = [input.profile, input.keepTags, input.removeTags].filter((value) => value !== undefined && value !== null);
  if (set.length > 1) throw badUserInput('config.dicom: set at most one of profile, keepTags and removeTags');
  const tags = (list: readonly string[], field: string) => ({ tags: limited(list, field).map((tag) => dicomTag(tag, field)) });
  return {
    ...(set.length === 0 ? { filterProfile: PROFILES[DEFAULT_DICOM_PROFILE] } : {}),
    ...(input.profile ? { filterProfile: PROFILES[input.profile] } : {}),
    ...(input.keepTags ? { keepList: tags(input.keepTags, 'dicom.keepTags') } : {}),
    ...(input.removeTags ? { removeList: tags(input.removeTags, 'dicom.removeTags') } : {}),
    ...(input.skipIdRedaction ? { skipIdRedaction: true } : {}),
  };
}

/** Builds the API's `DeidentifyConfig`; throws BAD_USER_INPUT on anything invalid. */
export function toDeidentifyConfig(input: DeidentifyConfigInput | null | undefined): DeidentifyConfig {
  if (!input) return { dicom: dicomConfig({}) };
  const transformations: Record<string, unknown>[] = [];
  // Dates and identifiers get their own keys; free text its replacement. Each names its info
  // types, so one never captures what another is meant for.
  if (input.dateShiftKey) {
    transformations.push({ infoTypes: ['DATE'], dateShiftConfig: { cryptoKey: cryptoKey(input.dateShiftKey, 'dateShiftKey') } });
  }
  if (input.cryptoHashKey) {
    transformations.push({ infoTypes: ['MEDICAL_RECORD_NUMBER'], cryptoHashConfig: { cryptoKey: cryptoKey(input.cryptoHashKey, 'cryptoHashKey') } });
  }
  if (input.freeText) transformations.push({ infoTypes: FREE_TEXT_INFO_TYPES, ...REPLACEMENTS[input.freeText] });
  return {
    ...(input.fhir ? { fhir: fhirConfig(input.fhir) } : {}),
    dicom: dicomConfig(input.dicom ?? {}),
    ...(transformations.length > 0 ? { text: { transformations } } : {}),
  };
}
