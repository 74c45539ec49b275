/** `projects.locations.datasets`: create (as an operation), get, list, patch, delete. */

import { alreadyExists, invalidArgument } from './errors.js';
import { applyUpdateMask, parseUpdateMask, readResourceBody, type ResourceSchema } from './fields.js';
import { requires } from './iam/access.js';
import { omitDefaults, type JsonObject, type JsonValue } from './json.js';
import type { EmulatorRoute } from './module.js';
import { checkResourceId, datasetNameOf, locationName } from './names.js';
import type { Operations } from './operations.js';
import { listPage } from './paging.js';
import { jsonReply } from './reply.js';
import type { DatasetRecord, EmulatorState } from './state.js';

const DATASET_TYPE = 'type.googleapis.com/google.cloud.healthcare.v1.dataset.Dataset';
const CREATE_METHOD = 'google.cloud.healthcare.v1.dataset.DatasetService.CreateDataset';

function checkTimeZone(value: JsonValue): void {
  if (value === '') return;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value as string });
  } catch {
    throw invalidArgument(`Invalid time zone "${String(value)}": expected an IANA time zone such as "America/New_York".`);
  }
}

/** The Dataset message's fields. */
export const DATASET_SCHEMA: ResourceSchema = {
  typeName: 'Dataset',
  bodyField: 'dataset',
  fields: {
    name: { kind: { type: 'string' }, outputOnly: true },
    timeZone: { kind: { type: 'string' }, mutable: true, check: checkTimeZone },
    encryptionSpec: { kind: { type: 'message' } },
    satisfiesPzs: { kind: { type: 'bool' }, outputOnly: true },
    satisfiesPzi: { kind: { type: 'bool' }, outputOnly: true },
  },
};

/** A dataset as the API returns it. */
export function renderDataset(dataset: DatasetRecord): JsonObject {
  return { name: dataset.name, ...omitDefaults(dataset.config) };
}

/** Routes of `projects.locations.datasets`. */
export function datasetRoutes(state: EmulatorState, operations: Operations): EmulatorRoute[] {
  const parent = '/v1/projects/{project}/locations/{location}/datasets';
  return [
    {
      method: 'POST',
      path: parent,
      query: ['datasetId'],
      access: requires('projects', 'healthcare.datasets.create'),
      handle: async (ctx) => {
        const project = ctx.params['project'] ?? '';
        const location = ctx.params['location'] ?? '';
        const id = checkResourceId(ctx.query.get('datasetId'), 'datasetId');
        const config = readResourceBody(DATASET_SCHEMA, await ctx.jsonBody());
        // An unset time zone reads back as UTC (the reference: "empty = UTC"; Google echoes "UTC").
        if (config['timeZone'] === undefined || config['timeZone'] === '') config['timeZone'] = 'UTC';
        const name = `${locationName(project, location)}/datasets/${id}`;
        if (state.findDataset(name) !== undefined) throw alreadyExists(`Dataset already exists: ${name}`);
        const dataset = state.addDataset(project, location, id, config);
        const op = operations.completed(dataset, CREATE_METHOD, { '@type': DATASET_TYPE, ...renderDataset(dataset) });
        await state.commit();
        return jsonReply(op);
      },
    },
    {
      method: 'GET',
      path: parent,
      query: ['pageSize', 'pageToken'],
      access: requires('projects', 'healthcare.datasets.list'),
      handle: (ctx) => {
        const project = ctx.params['project'] ?? '';
        const location = ctx.params['location'] ?? '';
        return jsonReply(
          listPage(ctx.query, {
            items: state.datasetsIn(project, location),
            idOf: (d) => d.id,
            collection: `${locationName(project, location)}/datasets`,
            field: 'datasets',
            render: renderDataset,
          }),
        );
      },
    },
    {
      method: 'GET',
      path: `${parent}/{dataset}`,
      query: [],
      access: requires('datasets', 'healthcare.datasets.get'),
      handle: (ctx) => jsonReply(renderDataset(state.getDataset(datasetNameOf(ctx.params)))),
    },
    {
      method: 'PATCH',
      path: `${parent}/{dataset}`,
      query: ['updateMask'],
      access: requires('datasets', 'healthcare.datasets.update'),
      handle: async (ctx) => {
        const dataset = state.getDataset(datasetNameOf(ctx.params));
        const paths = parseUpdateMask(DATASET_SCHEMA, ctx.query.get('updateMask'));
        const patch = readResourceBody(DATASET_SCHEMA, await ctx.jsonBody());
        const next = applyUpdateMask(dataset.config, patch, paths);
        if (next['timeZone'] === undefined || next['timeZone'] === '') next['timeZone'] = 'UTC';
        dataset.config = next;
        await state.commit();
        return jsonReply(renderDataset(dataset));
      },
    },
    {
      method: 'DELETE',
      path: `${parent}/{dataset}`,
      query: [],
      access: requires('datasets', 'healthcare.datasets.delete'),
      handle: async (ctx) => {
        const dataset = state.getDataset(datasetNameOf(ctx.params));
        await state.deleteDataset(dataset);
        await state.commit();
        return jsonReply({});
      },
    },
  ];
}
