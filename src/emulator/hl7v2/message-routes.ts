/**
 * `datasets.hl7V2Stores.messages` (reference §8): create, ingest (ACK / NACK), get, list (filter,
 * orderBy, paging, view), patch (labels) and delete.
 */

import { internalError, invalidArgument, notFound } from '../errors.js';
import { requires } from '../iam/access.js';
import { validateLabels } from '../labels.js';
import type { EmulatorRoute, EmulatorServices } from '../module.js';
import { datasetNameOf } from '../names.js';
import { listPage } from '../paging.js';
import { jsonReply, type Reply } from '../reply.js';
import type { EmulatorRequest } from '../request.js';
import { getStore } from '../stores.js';
import { buildAck } from './ack.js';
import { parseMessageFilter } from './filter.js';
import { Hl7V2MessageStore } from './message-store.js';
import { buildMessage, readMessageBody, RejectedMessage } from './messages.js';
import { HL7V2_STORE_SPEC } from './store-spec.js';
import { parseOrderBy, parseView, renderMessage, sortKey } from './views.js';

const STORE = '/v1/projects/{project}/locations/{location}/datasets/{dataset}/hl7V2Stores/{store}';

const base64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');

/**
 * The NACK of a refused ingest, as Google sends it: the error envelope, with the NACK in
 * `details[].hl7Nack` when the caller asks for `X-GOOG-API-FORMAT-VERSION: 2` (the MLLP adapter does).
 */
function nackReply(ctx: EmulatorRequest, error: RejectedMessage): Reply {
  const envelope = error.toEnvelope();
  if (ctx.headers['x-goog-api-format-version'] === '2') {
    const nack = buildAck(error.ackCode, error.summary, error.delimiters, error.message);
    envelope.error.details = [{ '@type': 'type.googleapis.com/google.cloud.healthcare.v1.hl7v2.Hl7NackDetail', hl7Nack: base64(nack) }];
  }
  return jsonReply(envelope, error.httpStatus);
}

/** Routes of the messages of every HL7v2 store. */
export function messageRoutes({ state }: EmulatorServices): EmulatorRoute[] {
  const storeOf = (params: Readonly<Record<string, string>>): { store: Hl7V2MessageStore; zone: string } => {
    const dataset = state.getDataset(datasetNameOf(params));
    const plane = getStore(HL7V2_STORE_SPEC, dataset, params['store'] ?? '').plane;
    // Another module could replace the data plane; these routes only work on their own.
    if (!(plane instanceof Hl7V2MessageStore)) throw internalError();
    const zone = dataset.config['timeZone'];
    return { store: plane, zone: typeof zone === 'string' && zone !== '' ? zone : 'UTC' };
  };
  const messageOf = (params: Readonly<Record<string, string>>) => {
    const { store } = storeOf(params);
    const record = store.get(params['message'] ?? '');
    if (record === undefined) throw notFound(`HL7v2 message not found: ${store.name}/messages/${params['message'] ?? ''}`);
    return { store, record };
  };

  return [
    {
      method: 'POST',
      path: `${STORE}/messages`,
      query: [],
      access: requires('hl7V2Stores', 'healthcare.hl7V2Messages.create'),
      handle: async (ctx) => {
        const input = readMessageBody(await ctx.jsonBody());
        const { store, zone } = storeOf(ctx.params);
        const { record } = buildMessage(store, input, zone);
        await store.create(record, zone);
        return jsonReply(renderMessage(record, 'FULL'));
      },
    },
    {
      method: 'POST',
      path: `${STORE}/messages:ingest`,
      query: [],
      access: requires('hl7V2Stores', 'healthcare.hl7V2Messages.ingest'),
      handle: async (ctx) => {
        const input = readMessageBody(await ctx.jsonBody());
        const { store, zone } = storeOf(ctx.params);
        let built;
        try {
          built = buildMessage(store, input, zone);
        } catch (error) {
          if (error instanceof RejectedMessage) return nackReply(ctx, error);
          throw error;
        }
        await store.create(built.record, zone);
        const ack = buildAck('AA', built.summary, built.delimiters);
        return jsonReply({ hl7Ack: base64(ack), message: renderMessage(built.record, 'FULL') });
      },
    },
    {
      method: 'GET',
      path: `${STORE}/messages`,
      query: ['filter', 'orderBy', 'pageSize', 'pageToken', 'view'],
      access: requires('hl7V2Stores', 'healthcare.hl7V2Messages.list'),
      handle: (ctx) => {
        const { store, zone } = storeOf(ctx.params);
        const filter = ctx.query.get('filter') ?? '';
        const matches = parseMessageFilter(filter);
        const order = parseOrderBy(ctx.query.get('orderBy'));
        const view = parseView(ctx.query.get('view'), 'BASIC');
        return jsonReply(
          listPage(ctx.query, {
            items: store.all().filter((m) => matches(m, { zone })),
            idOf: (m) => sortKey(m, order),
            // A token belongs to one store, filter and order: reusing it with others would skip or repeat.
            collection: `${store.name}/messages?order=${order}&filter=${filter}`,
            field: 'hl7V2Messages',
            render: (m) => renderMessage(m, view),
          }),
        );
      },
    },
    {
      method: 'GET',
      path: `${STORE}/messages/{message}`,
      query: ['view'],
      access: requires('hl7V2Stores', 'healthcare.hl7V2Messages.get'),
      handle: (ctx) => {
        const view = parseView(ctx.query.get('view'), 'FULL');
        return jsonReply(renderMessage(messageOf(ctx.params).record, view));
      },
    },
    {
      method: 'PATCH',
      path: `${STORE}/messages/{message}`,
      query: ['updateMask'],
      access: requires('hl7V2Stores', 'healthcare.hl7V2Messages.update'),
      handle: async (ctx) => {
        const paths = (ctx.query.get('updateMask') ?? '').split(',').map((p) => p.trim()).filter((p) => p !== '');
        if (paths.length === 0) throw invalidArgument('updateMask is required and must name at least one field.');
        const wrong = paths.find((p) => p !== 'labels');
        if (wrong !== undefined) throw invalidArgument(`Invalid updateMask: field "${wrong}" of Message cannot be updated; only labels can.`);
        const body = await ctx.jsonBody();
        const labels = body['labels'];
        // FieldMask semantics: a masked field missing from the body is cleared.
        const next = labels === undefined || labels === null ? {} : validateLabels(labels, 'message.labels');
        const { store, record } = messageOf(ctx.params);
        const updated = { ...record, labels: next };
        await store.put(updated);
        return jsonReply(renderMessage(updated, 'FULL'));
      },
    },
    {
      method: 'DELETE',
      path: `${STORE}/messages/{message}`,
      query: [],
      access: requires('hl7V2Stores', 'healthcare.hl7V2Messages.delete'),
      handle: async (ctx) => {
        const { store, record } = messageOf(ctx.params);
        await store.remove(record.id);
        return jsonReply({});
      },
    },
  ];
}
