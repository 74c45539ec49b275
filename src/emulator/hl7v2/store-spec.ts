/**
 * `datasets.hl7V2Stores` on the shared store machinery (`../stores.ts`): the Hl7V2Store body
 * (reference §1.3), its validation, and `getHL7v2StoreMetrics` (reference §2).
 */

import { ApiError, invalidArgument } from '../errors.js';
import { isJsonObject, type JsonObject, type JsonValue } from '../json.js';
import { checkResourceId } from '../names.js';
import { COMMON_STORE_FIELDS, metricsByType, type StoreKindSpec } from '../stores.js';
import { parseMessageFilter } from './filter.js';
import type { ParseOptions } from './parser.js';
import type { ParserVersion } from './parsed-data.js';

const PARSER_VERSIONS = ['PARSER_VERSION_UNSPECIFIED', 'V1', 'V2', 'V3'] as const;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{2}|[A-Za-z0-9+/]{3})?$/;
const BASE64URL = /^[A-Za-z0-9_-]*={0,2}$/;

/** Decodes a proto `bytes` field as JSON carries it (standard or URL-safe base64); undefined if it is not base64. */
export function decodeBytes(value: string): Buffer | undefined {
  if (!BASE64.test(value) && !BASE64URL.test(value)) return undefined;
  return Buffer.from(value, BASE64.test(value) ? 'base64' : 'base64url');
}

function checkParserConfig(value: JsonValue, previous: JsonValue | undefined): void {
  if (!isJsonObject(value)) throw invalidArgument(`Invalid value at 'hl7_v2_store.parser_config' (TYPE_MESSAGE), ${JSON.stringify(value)}`);
  for (const [key, field] of Object.entries(value)) {
    const at = `hl7_v2_store.parser_config.${key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`;
    switch (key) {
      case 'allowNullHeader':
        if (typeof field !== 'boolean') throw invalidArgument(`Invalid value at '${at}' (TYPE_BOOL), ${JSON.stringify(field)}`);
        break;
      case 'segmentTerminator':
        if (typeof field !== 'string' || (decodeBytes(field)?.length ?? 0) === 0) {
          throw invalidArgument(`Invalid value at '${at}' (TYPE_BYTES): expected non-empty base64, e.g. "DQ==" for \\r.`);
        }
        break;
      case 'version':
        if (typeof field !== 'string' || !(PARSER_VERSIONS as readonly string[]).includes(field)) {
          throw invalidArgument(`Invalid value at '${at}' (TYPE_ENUM), ${JSON.stringify(field)}`);
        }
        break;
      case 'schema':
        // Schematized parsing (SchemaPackage) is a parser of its own; refusing it is honest where
        // accepting it would store messages without the schematizedData a client then expects.
        throw new ApiError(501, 'parser_config.schema (schematized parsing) is not supported by this emulator.');
      default:
        throw invalidArgument(`Invalid JSON payload received. Unknown name "${key}" at 'hl7_v2_store.parser_config': Cannot find field.`);
    }
  }
  if (previous !== undefined) {
    const before = isJsonObject(previous) ? (previous['version'] ?? 'PARSER_VERSION_UNSPECIFIED') : 'PARSER_VERSION_UNSPECIFIED';
    const after = value['version'] ?? 'PARSER_VERSION_UNSPECIFIED';
    if (before !== after) throw invalidArgument('parser_config.version is immutable after HL7v2 store creation.');
  }
}

function checkNotificationConfigs(value: JsonValue): void {
  if (!Array.isArray(value)) return;
  value.forEach((config, i) => {
    const c = config as JsonObject;
    const topic = c['pubsubTopic'];
    if (typeof topic !== 'string' || !/^projects\/[^/]+\/topics\/[^/]+$/.test(topic)) {
      throw invalidArgument(`hl7_v2_store.notification_configs[${i}].pubsub_topic must be projects/{project}/topics/{topic}.`);
    }
    const filter = c['filter'];
    if (filter !== undefined && typeof filter !== 'string') {
      throw invalidArgument(`Invalid value at 'hl7_v2_store.notification_configs[${i}].filter' (TYPE_STRING), ${JSON.stringify(filter)}`);
    }
    // The filter uses the messages.list syntax; a bad one is refused now, not at the first message.
    parseMessageFilter(filter);
    const unknown = Object.keys(c).find((key) => key !== 'pubsubTopic' && key !== 'filter');
    if (unknown !== undefined) {
      throw invalidArgument(`Invalid JSON payload received. Unknown name "${unknown}" at 'hl7_v2_store.notification_configs[${i}]': Cannot find field.`);
    }
  });
}

/** Hl7V2Store (reference §1.3). */
export const HL7V2_STORE_SPEC: StoreKindSpec<'hl7v2'> = {
  kind: 'hl7v2',
  collection: 'hl7V2Stores',
  idParam: 'hl7V2StoreId',
  label: 'HL7v2 store',
  schema: {
    typeName: 'Hl7V2Store',
    bodyField: 'hl7_v2_store',
    fields: {
      ...COMMON_STORE_FIELDS,
      notificationConfigs: { kind: { type: 'messageList' }, mutable: true },
      parserConfig: { kind: { type: 'message' }, mutable: true },
      rejectDuplicateMessage: { kind: { type: 'bool' }, mutable: true },
    },
  },
  checkId: checkResourceId,
  finish(config, isCreate, previous) {
    const parserConfig = config['parserConfig'];
    if (parserConfig !== undefined) checkParserConfig(parserConfig, isCreate ? undefined : (previous?.['parserConfig'] ?? {}));
    else if (!isCreate && previous?.['parserConfig'] !== undefined) checkParserConfig({}, previous['parserConfig']);
    checkNotificationConfigs(config['notificationConfigs'] ?? []);
    return config;
  },
  metricsVerb: 'getHL7v2StoreMetrics',
  renderMetrics: (store) => metricsByType(store.name, store.plane.metrics(), 'messageType', (m) => m.messageType),
};

/** How a store with this configuration reads messages, and with which parser version. */
export function parserSettings(config: JsonObject): ParseOptions & { version: ParserVersion } {
  const parser = isJsonObject(config['parserConfig']) ? config['parserConfig'] : {};
  const terminator = typeof parser['segmentTerminator'] === 'string' ? decodeBytes(parser['segmentTerminator']) : undefined;
  const version = parser['version'];
  return {
    segmentTerminator: terminator === undefined ? '\r' : terminator.toString('latin1'),
    allowNullHeader: parser['allowNullHeader'] === true,
    version: version === 'V2' || version === 'V3' ? version : 'V1',
  };
}
