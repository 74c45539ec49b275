/** HL7v2 messages in the graph: `Hl7V2Store.messages`, `Hl7V2Store.message`, `Query.hl7V2Message` and the message's fields. */
import { createHash } from 'node:crypto';
import { pageUpstreamList } from '../../../connections/pagers.js';
import { badUserInput } from '../../../errors.js';
import { UpstreamError } from '../../../healthcare/errors.js';
import { hasControlCharacters, listMessages, parseHl7V2MessageName, type Hl7V2Message, type Hl7V2StoreName } from '../../../healthcare/hl7v2.js';
import { parseStoreName, storeResourceName, type AllowedStore } from '../../../healthcare/names.js';
import type { Hl7V2MessageResolvers, Hl7V2SegmentResolvers, Hl7V2StoreResolvers, QueryResolvers } from '../../../generated/graphql.js';
import type { Hl7V2MessageModel } from '../../models.js';
import type { RequestContext } from '../../context.js';
import { toGlobalId } from '../../globalId.js';
import { prime, storeReference } from '../load.js';
import { headerValue, orderedFields } from './segments.js';
import { labelList } from '../stores.js';

/** Longest `filter` passed on; Google's filters are short expressions. */
export const MAX_FILTER_LENGTH = 1000;

/**
 * Checks a caller's filter before any upstream call: bounded, printable. Its syntax is the store's
 * to judge (a filter the store refuses becomes BAD_USER_INPUT too, see `asFilterError`).
 */
export function checkFilter(filter: string | null | undefined): string | undefined {
  if (filter === null || filter === undefined || filter.trim() === '') return undefined;
  if (filter.length > MAX_FILTER_LENGTH) throw badUserInput(`filter must be at most ${MAX_FILTER_LENGTH} characters`);
  if (hasControlCharacters(filter)) throw badUserInput('filter must not contain control characters');
  return filter;
}

/** A 400 from a list with a filter is the filter's fault: the caller's input. */
async function asFilterError<T>(list: () => Promise<T>): Promise<T> {
  try {
    return await list();
  } catch (error) {
    if (error instanceof UpstreamError && error.status === 400) throw badUserInput(`The HL7v2 store refused the filter: ${error.message}`);
    throw error;
  }
}

/** Loads one message after the access check on its store. */
export function loadMessage(name: string, context: RequestContext): Promise<Hl7V2MessageModel> {
  const { store, id } = parseHl7V2MessageName(name);
  return context.loaders.hl7v2.message.load({ store: context.access.checkStore(store), id });
}

/** Messages a list returned, put into the by-name loader of this request (a later read costs no call). */
export function primeMessages(store: AllowedStore<'hl7V2Stores'>, messages: Hl7V2Message[], context: RequestContext): Hl7V2Message[] {
  return prime(context.loaders.hl7v2.message, messages, (message) => ({ store, id: parseHl7V2MessageName(message.name).id }));
}

/** A store's messages as a connection whose cursors wrap the upstream page token. */
export async function messagesConnection(
  store: Hl7V2StoreName,
  args: { filter?: string | null; orderBy?: 'SEND_TIME_ASC' | 'SEND_TIME_DESC' | null; first?: number | null; after?: string | null },
  context: RequestContext,
) {
  const allowed = context.access.checkStore(store);
  const filter = checkFilter(args.filter);
  const orderBy = args.orderBy === 'SEND_TIME_ASC' ? 'send_time' : 'send_time desc';
  // Cursors are bound to the filter and order they were issued for (a digest keeps them short).
  const query = createHash('sha256').update(`${orderBy}\u0000${filter ?? ''}`).digest('base64url').slice(0, 16);
  const request = { codec: context.cursors, list: `Hl7V2Store.messages:${query}`, parent: storeResourceName(store), first: args.first, after: args.after };
  const page = await asFilterError(() =>
    pageUpstreamList(request, (pageRequest) => listMessages(context.client, allowed, { ...pageRequest, filter, orderBy })),
  );
  primeMessages(allowed, page.nodes, context);
  return page;
}

export const hl7V2MessageQueries: QueryResolvers = {
  hl7V2Message: (_parent, { name }, context) => loadMessage(name, context),
};

export const hl7V2StoreMessageResolvers: Pick<Hl7V2StoreResolvers, 'messages' | 'message'> = {
  messages: (store, args, context) => messagesConnection(parseStoreName(store.name, 'hl7V2Stores'), args, context),
  message: (store, { id }, context) => loadMessage(`${store.name}/messages/${id}`, context),
};

export const hl7V2MessageResolvers: Hl7V2MessageResolvers = {
  id: (message) => toGlobalId('Hl7V2Message', message.name),
  messageId: (message) => parseHl7V2MessageName(message.name).id,
  store: (message, _args, context) => storeReference(parseHl7V2MessageName(message.name).store, context),
  messageType: (message) => message.messageType ?? null,
  event: (message) => headerValue(message, 9, 2),
  controlId: (message) => headerValue(message, 10),
  sendFacility: (message) => message.sendFacility ?? null,
  sendTime: (message) => message.sendTime ?? null,
  createTime: (message) => message.createTime ?? null,
  patientIds: (message) =>
    (message.patientIds ?? []).filter((id) => id.value !== undefined && id.value !== '').map((id) => ({ value: id.value ?? '', type: id.type ?? null })),
  labels: (message) => labelList(message.labels),
  segments: (message, { segmentId }) =>
    (message.parsedData?.segments ?? []).filter((segment) => segmentId === null || segmentId === undefined || segment.segmentId === segmentId),
  data: (message) => Buffer.from(message.data ?? '', 'base64').toString('utf8'),
};

export const hl7V2SegmentResolvers: Hl7V2SegmentResolvers = {
  segmentId: (segment) => segment.segmentId ?? '',
  setId: (segment) => segment.setId ?? null,
  fields: (segment) => orderedFields(segment),
  field: (segment, { index }) => segment.fields?.[index] ?? null,
};
