/**
 * Request-body validation for admin resources (datasets, stores) and `updateMask` handling, with
 * the wording Google's JSON transcoder uses for unknown fields and wrong types.
 */

import { invalidArgument } from './errors.js';
import { isJsonObject, type JsonObject, type JsonValue } from './json.js';
import { validateLabels } from './labels.js';

/** How a top-level field is typed. Nested messages are checked only for being objects. */
export type FieldKind =
  | { type: 'bool' }
  | { type: 'string' }
  | { type: 'enum'; values: readonly string[] }
  | { type: 'labels' }
  | { type: 'message' }
  | { type: 'messageList'; max?: number };

export interface FieldSpec {
  kind: FieldKind;
  /** `updateMask` may name it. */
  mutable?: boolean;
  /** Set by the server; ignored in request bodies (Google ignores output-only input). */
  outputOnly?: boolean;
  /** Extra semantic check after the type check. */
  check?: (value: JsonValue) => void;
}

/** The top-level fields of one admin resource type. */
export interface ResourceSchema {
  /** Message name for messages, e.g. `FhirStore`. */
  typeName: string;
  /** The request field holding the body, e.g. `fhir_store` (Google's messages name it). */
  bodyField: string;
  fields: Readonly<Record<string, FieldSpec>>;
}

function camelToSnake(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

function snakeToCamel(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

const PROTO_TYPE: Readonly<Record<FieldKind['type'], string>> = {
  bool: 'TYPE_BOOL',
  string: 'TYPE_STRING',
  enum: 'TYPE_ENUM',
  labels: 'TYPE_MESSAGE',
  message: 'TYPE_MESSAGE',
  messageList: 'TYPE_MESSAGE',
};

function checkType(schema: ResourceSchema, name: string, spec: FieldSpec, value: JsonValue): JsonValue {
  const at = `${schema.bodyField}.${camelToSnake(name)}`;
  const wrong = (): Error =>
    invalidArgument(`Invalid value at '${at}' (${PROTO_TYPE[spec.kind.type]}), ${JSON.stringify(value)}`);
  const kind = spec.kind;
  switch (kind.type) {
    case 'bool':
      if (typeof value !== 'boolean') throw wrong();
      return value;
    case 'string':
      if (typeof value !== 'string') throw wrong();
      return value;
    case 'enum':
      if (typeof value !== 'string' || !kind.values.includes(value)) throw wrong();
      return value;
    case 'labels':
      return validateLabels(value, at);
    case 'message':
      if (!isJsonObject(value)) throw wrong();
      return value;
    case 'messageList':
      if (!Array.isArray(value) || !value.every(isJsonObject)) throw wrong();
      if (kind.max !== undefined && value.length > kind.max) {
        throw invalidArgument(`Invalid value at '${at}': at most ${kind.max} entries are allowed.`);
      }
      return value;
  }
}

/**
 * Validates a request body against a schema and returns the settable fields it contains
 * (output-only fields and `name` dropped). `null` counts as "not set", as in proto3 JSON.
 */
export function readResourceBody(schema: ResourceSchema, body: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const [name, value] of Object.entries(body)) {
    const spec = schema.fields[name] ?? schema.fields[snakeToCamel(name)];
    if (spec === undefined) {
      throw invalidArgument(
        `Invalid JSON payload received. Unknown name "${name}" at '${schema.bodyField}': Cannot find field.`,
      );
    }
    if (spec.outputOnly || value === null) continue;
    const camel = snakeToCamel(name);
    const checked = checkType(schema, camel, spec, value);
    spec.check?.(checked);
    out[camel] = checked;
  }
  return out;
}

/**
 * Parses a comma-separated FieldMask and checks every path names a mutable top-level field.
 * Accepts camelCase and snake_case paths, as Google does.
 */
export function parseUpdateMask(schema: ResourceSchema, mask: string | undefined): string[] {
  const paths = (mask ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (paths.length === 0) throw invalidArgument('updateMask is required and must name at least one field.');
  return paths.map((path) => {
    const camel = snakeToCamel(path);
    const top = camel.split('.')[0] ?? camel;
    const spec = schema.fields[top];
    if (spec === undefined) {
      throw invalidArgument(`Invalid updateMask: field "${path}" does not exist in ${schema.typeName}.`);
    }
    if (!spec.mutable) {
      throw invalidArgument(`Invalid updateMask: field "${path}" of ${schema.typeName} cannot be updated.`);
    }
    if (top !== camel) {
      // Sub-field masks are legal FieldMasks, but the stores' patch semantics are per top-level
      // field; supporting them would invent behaviour the reference does not describe.
      throw invalidArgument(
        `Invalid updateMask: field "${path}" must name a top-level field of ${schema.typeName}.`,
      );
    }
    return camel;
  });
}

/**
 * Applies a patch: each masked field takes the body's value, or is cleared when the body lacks it
 * (FieldMask semantics). Fields outside the mask are left alone even if the body has them.
 */
export function applyUpdateMask(current: JsonObject, patch: JsonObject, paths: readonly string[]): JsonObject {
  const next: JsonObject = { ...current };
  for (const path of paths) {
    const value = patch[path];
    if (value === undefined) delete next[path];
    else next[path] = value;
  }
  return next;
}
