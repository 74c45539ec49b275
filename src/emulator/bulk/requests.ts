/**
 * What the bulk methods (`fhirStores.import/export`, `dicomStores.import/export`,
 * `hl7V2Stores.export`) share: reading their request bodies as Google's JSON parser does, the
 * Cloud Storage source and destination fields, the refusal of destinations the emulator cannot
 * reach, and starting the background job.
 */

import { invalidArgument } from '../errors.js';
import type { Chunk, JobOutcome } from '../deid/job.js';
import { runInBackground } from '../deid/job.js';
import type { GcsUri } from '../gcs.js';
import { parseGcsUri } from '../gcs.js';
import { isJsonObject, type JsonObject, type JsonValue } from '../json.js';
import type { EmulatorServices } from '../module.js';
import type { OperationCounter, PendingOperation } from '../operations.js';
import { jsonReply, type Reply } from '../reply.js';
import type { DatasetRecord } from '../state.js';

/** Rejects fields the message does not have, as Google's JSON parser does. */
export function checkFields(body: JsonObject, fields: readonly string[], at = ''): void {
  for (const key of Object.keys(body)) {
    if (!fields.includes(key)) throw invalidArgument(`Invalid JSON payload received. Unknown name "${at}${key}": Cannot find field.`);
  }
}

/** A nested message field: absent, or an object with only the given fields. */
export function message(body: JsonObject, field: string, fields: readonly string[]): JsonObject | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (!isJsonObject(value)) throw invalidArgument(`Invalid value at '${field}' (TYPE_MESSAGE), ${JSON.stringify(value).slice(0, 100)}`);
  checkFields(value, fields, `${field}.`);
  return value;
}

/** An optional string field. */
export function optionalString(body: JsonObject, field: string, at = field): string | undefined {
  const value: JsonValue | undefined = body[field];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw invalidArgument(`Invalid value at '${at}' (TYPE_STRING), ${JSON.stringify(value).slice(0, 100)}`);
  return value;
}

/** An enum field: one of `values`, or `fallback` when absent or `*_UNSPECIFIED`. */
export function enumField<T extends string>(body: JsonObject, field: string, values: readonly T[], fallback: T, at = field): T {
  const value = optionalString(body, field, at);
  if (value === undefined || value.endsWith('_UNSPECIFIED')) return fallback;
  if (!(values as readonly string[]).includes(value)) throw invalidArgument(`Invalid value at '${at}' (TYPE_ENUM), "${value.slice(0, 100)}"`);
  return value as T;
}

/** The destinations the emulator cannot write to: BigQuery and Pub/Sub have no stand-in here. */
export function refuseUnreachable(body: JsonObject, fields: readonly string[]): void {
  for (const field of fields) {
    if (body[field] === undefined || body[field] === null) continue;
    const what = field.startsWith('bigquery') ? 'BigQuery' : 'Pub/Sub';
    throw invalidArgument(`${field}: the emulator cannot export to ${what}; use gcsDestination (Cloud Storage is emulated by the EMULATOR_GCS_DIR folder).`);
  }
}

/** `gcsSource.uri`, required. */
export function gcsSourceUri(body: JsonObject): string {
  const source = message(body, 'gcsSource', ['uri']);
  const uri = source === undefined ? undefined : optionalString(source, 'uri', 'gcsSource.uri');
  if (uri === undefined) throw invalidArgument('gcsSource.uri is required.');
  parseGcsUri(uri, 'gcsSource.uri');
  return uri;
}

/** `gcsDestination` with its `uriPrefix` (required) checked; the other fields are the caller's. */
export function gcsDestination(body: JsonObject, fields: readonly string[]): { prefix: GcsUri; destination: JsonObject } {
  const destination = message(body, 'gcsDestination', ['uriPrefix', ...fields]);
  const uri = destination === undefined ? undefined : optionalString(destination, 'uriPrefix', 'gcsDestination.uriPrefix');
  if (destination === undefined || uri === undefined) throw invalidArgument('gcsDestination.uriPrefix is required.');
  return { prefix: parseGcsUri(uri, 'gcsDestination.uriPrefix'), destination };
}

/** An import that reports failed items ends in error, with the counts; else it succeeds with `response`. */
export function importOutcome(response: JsonObject): (counter: OperationCounter) => JobOutcome {
  return (counter) =>
    counter.failure === 0
      ? { response }
      : { error: { code: 3, message: `${counter.failure} of ${counter.success + counter.failure} items failed to import.` } };
}

/**
 * Starts a bulk method's work as an operation of `dataset` and answers with it. `plan` gets the
 * operation (exports name their files after its id) and returns the chunks.
 */
export async function startJob(
  services: EmulatorServices,
  dataset: DatasetRecord,
  method: string,
  plan: (op: PendingOperation) => readonly Chunk[],
  outcome: (counter: OperationCounter) => JobOutcome,
): Promise<Reply> {
  const op = services.operations.start(dataset, method);
  runInBackground(op, plan(op), {
    commit: () => services.state.commit(),
    pauseMs: () => services.faults.drawDelayMs(),
    // The error's name only: messages may quote resource content.
    onError: (error) => console.error(`emulator: ${method.split('.').at(-1) ?? 'bulk'} step failed: ${(error as Error | undefined)?.name ?? 'error'}`),
    outcome,
  });
  await services.state.commit();
  return jsonReply(op.json);
}

/** The id of an operation, the last segment of its name (what export file names start with). */
export function operationIdOf(op: PendingOperation): string {
  return String(op.json['name']).split('/').at(-1) ?? '';
}
