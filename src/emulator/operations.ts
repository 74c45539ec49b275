/**
 * Long-running operations (`google.longrunning.Operation`), kept per dataset so
 * `datasets.operations.get/list/cancel` find them, and the routes for those methods.
 */

import { invalidArgument, notFound } from './errors.js';
import { requires } from './iam/access.js';
import { int64, type JsonObject } from './json.js';
import type { EmulatorRoute } from './module.js';
import { datasetNameOf } from './names.js';
import { listPage } from './paging.js';
import { jsonReply } from './reply.js';
import type { DatasetRecord, EmulatorState } from './state.js';

const METADATA_TYPE = 'type.googleapis.com/google.cloud.healthcare.v1.OperationMetadata';

/** A handle on a pending operation, for methods whose work finishes after they answer. */
export interface PendingOperation {
  /** The operation as `operations.get` would return it now. */
  readonly json: JsonObject;
  /** Marks the operation done with a response (`{"@type": …, …}`). Ignored once cancelled. */
  succeed(response: JsonObject): Promise<void>;
  /** Marks the operation done with an error status. Ignored once cancelled. */
  fail(error: { code: number; message: string }): Promise<void>;
  /** Aborted when `operations.cancel` cancels the operation: the work must stop. */
  readonly signal: AbortSignal;
  /** Sets `metadata.counter` (what `operations.get` shows while the work runs and after it ends). */
  progress(counter: OperationCounter): void;
}

/** `OperationMetadata.counter`: items done, failed and still to do. */
export interface OperationCounter {
  success: number;
  failure: number;
  pending: number;
}

/**
 * The abort controllers of each emulator's running operations, by the operation's JSON (what the
 * cancel route finds). Per state, so closing one emulator stops only its own work.
 */
const runningByState = new WeakMap<EmulatorState, Map<JsonObject, AbortController>>();

function runningIn(state: EmulatorState): Map<JsonObject, AbortController> {
  let running = runningByState.get(state);
  if (running === undefined) runningByState.set(state, (running = new Map()));
  return running;
}

/** Creates and tracks operations. */
export class Operations {
  constructor(private readonly state: EmulatorState) {
    // Work runs in this process only: an operation still running when a persisted emulator stopped
    // can never finish, so it ends as ABORTED (code 10) instead of staying pending forever.
    for (const dataset of state.allDatasets()) {
      for (const op of dataset.operations.values()) {
        if (op['done'] === true) continue;
        op['done'] = true;
        op['error'] = { code: 10, message: 'The emulator stopped while the operation ran; its work is incomplete.' };
        (op['metadata'] as JsonObject)['endTime'] = new Date().toISOString();
      }
    }
  }

  /** Records an operation that is already done when the method answers (e.g. datasets.create). */
  completed(dataset: DatasetRecord, apiMethodName: string, response: JsonObject): JsonObject {
    const now = new Date().toISOString();
    const op = this.make(dataset, apiMethodName, now);
    (op['metadata'] as JsonObject)['endTime'] = now;
    op['done'] = true;
    op['response'] = response;
    return op;
  }

  /** Records an operation that is still running; finish it through the returned handle. */
  start(dataset: DatasetRecord, apiMethodName: string): PendingOperation {
    const op = this.make(dataset, apiMethodName, new Date().toISOString());
    const controller = new AbortController();
    const running = runningIn(this.state);
    running.set(op, controller);
    const finish = async (outcome: JsonObject): Promise<void> => {
      if (op['done'] === true) return;
      running.delete(op);
      (op['metadata'] as JsonObject)['endTime'] = new Date().toISOString();
      op['done'] = true;
      Object.assign(op, outcome);
      await this.state.commit();
    };
    return {
      json: op,
      succeed: (response) => finish({ response }),
      fail: (error) => finish({ error }),
      signal: controller.signal,
      // Still recorded after a cancellation: the work in flight then is done and written.
      progress: (counter) => {
        // int64 counts as strings, zeros left out (proto3 JSON).
        const rendered: JsonObject = {};
        for (const key of ['success', 'failure', 'pending'] as const) {
          if (counter[key] !== 0) rendered[key] = int64(counter[key]);
        }
        (op['metadata'] as JsonObject)['counter'] = rendered;
      },
    };
  }

  /**
   * Cancels an operation: a running one stops its work and ends with CANCELLED (code 1), as
   * google.longrunning specifies; cancelling a finished one changes nothing.
   */
  async cancel(op: JsonObject): Promise<void> {
    if (op['done'] === true) return;
    const metadata = op['metadata'] as JsonObject;
    metadata['cancelRequested'] = true;
    metadata['endTime'] = new Date().toISOString();
    op['done'] = true;
    op['error'] = { code: 1, message: 'Operation was cancelled.' };
    const running = runningIn(this.state);
    running.get(op)?.abort();
    running.delete(op);
    await this.state.commit();
  }

  /** Stops every running operation's work (the emulator is closing); they stay pending. */
  stopAll(): void {
    const running = runningIn(this.state);
    for (const controller of running.values()) controller.abort();
    running.clear();
  }

  private make(dataset: DatasetRecord, apiMethodName: string, createTime: string): JsonObject {
    const id = this.state.nextOperationId();
    const op: JsonObject = {
      name: `${dataset.name}/operations/${id}`,
      metadata: { '@type': METADATA_TYPE, apiMethodName, createTime },
    };
    dataset.operations.set(id, op);
    return op;
  }
}

function getOperation(state: EmulatorState, params: Readonly<Record<string, string>>): JsonObject {
  const dataset = state.getDataset(datasetNameOf(params));
  const id = params['operation'] ?? '';
  const op = dataset.operations.get(id);
  if (op === undefined) throw notFound(`Operation not found: ${dataset.name}/operations/${id}`);
  return op;
}

/** `datasets.operations.list`, `get` and `cancel`. */
export function operationRoutes(state: EmulatorState, operations: Operations): EmulatorRoute[] {
  const base = '/v1/projects/{project}/locations/{location}/datasets/{dataset}/operations';
  return [
    {
      method: 'GET',
      path: base,
      // `filter` is accepted for compatibility and ignored: the reference does not document its syntax.
      query: ['filter', 'pageSize', 'pageToken'],
      access: requires('datasets', 'healthcare.operations.list'),
      handle: (ctx) => {
        const dataset = state.getDataset(datasetNameOf(ctx.params));
        return jsonReply(
          listPage(ctx.query, {
            items: dataset.operations.entries(),
            idOf: ([id]) => id,
            collection: `${dataset.name}/operations`,
            field: 'operations',
            render: ([, op]) => op,
          }),
        );
      },
    },
    {
      method: 'GET',
      path: `${base}/{operation}`,
      query: [],
      access: requires('operations', 'healthcare.operations.get'),
      handle: (ctx) => jsonReply(getOperation(state, ctx.params)),
    },
    {
      method: 'POST',
      path: `${base}/{operation}:cancel`,
      query: [],
      access: requires('operations', 'healthcare.operations.cancel'),
      handle: async (ctx) => {
        const body = await ctx.jsonBody();
        const unknown = Object.keys(body)[0];
        if (unknown !== undefined) {
          throw invalidArgument(`Invalid JSON payload received. Unknown name "${unknown}": Cannot find field.`);
        }
        await operations.cancel(getOperation(state, ctx.params));
        return jsonReply({});
      },
    },
  ];
}
