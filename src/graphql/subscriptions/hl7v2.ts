/** `hl7V2MessageReceived`: an HL7v2 store's new messages, read again and filtered for each subscriber. */
import { badUserInput } from '../../errors.js';
import { datasetOf, type AllowedStore } from '../../healthcare/names.js';
import { parseHl7V2MessageName, type Hl7V2Message } from '../../healthcare/hl7v2.js';
import { parseRfc3339 } from '../../hl7v2/datetime.js';
import { FilterSyntaxError, parseFilter, type FilterableMessage, type MessagePredicate } from '../../hl7v2/filter.js';
import type { RequestContext } from '../context.js';
import { checkFilter } from '../resolvers/hl7v2/messages.js';
import { openStoreStream, readForEvent } from './open.js';

/** The zone `send_date` is counted in when the dataset names none (as Google does). */
const DEFAULT_ZONE = 'UTC';

/** A message as the API returns it, as the shared filter evaluator reads it. */
export function filterable(message: Hl7V2Message): FilterableMessage {
  return {
    messageType: message.messageType,
    sendFacility: message.sendFacility,
    sendTime: message.sendTime === undefined ? undefined : parseRfc3339(message.sendTime),
    createTime: message.createTime === undefined ? undefined : parseRfc3339(message.createTime),
    labels: message.labels ?? {},
    patientIds: message.patientIds ?? [],
  };
}

/** The caller's filter, parsed by the same evaluator the emulator uses; a malformed one is BAD_USER_INPUT. */
function predicateOf(filter: string | undefined): MessagePredicate | undefined {
  if (filter === undefined) return undefined;
  try {
    return parseFilter(filter);
  } catch (error) {
    if (error instanceof FilterSyntaxError) throw badUserInput(error.message);
    throw error;
  }
}

/**
 * Messages created or ingested in a store, of those matching `filter` (Google's `messages.list`
 * syntax) only when given. The filter is evaluated here, on each message as the subscriber reads it:
 * a store's notification configs may filter too, but they are the store's, not the subscriber's.
 */
export function hl7V2MessageReceived(store: string, filter: string | null | undefined, context: RequestContext) {
  const allowed: AllowedStore<'hl7V2Stores'> = context.access.storeNamed('hl7V2Stores', store);
  const predicate = predicateOf(checkFilter(filter));
  let zone: Promise<string> | undefined;
  // `send_date` counts days in the dataset's time zone: read once, with the subscriber's credentials.
  const zoneOf = () => (zone ??= context.loaders.dataset.load(context.access.checkDataset(datasetOf(allowed))).then((dataset) => dataset.timeZone || DEFAULT_ZONE));
  return openStoreStream('hl7V2Stores', allowed, context, (event) => event.kind === 'hl7v2', async (event) => {
    const read = await readForEvent<Hl7V2Message | undefined, Hl7V2Message>(async () => {
      const message = await context.loaders.hl7v2.message.load({ store: allowed, id: parseHl7V2MessageName(event.name).id });
      return predicate === undefined || predicate(filterable(message), { zone: await zoneOf() }) ? message : undefined;
    });
    if (read === undefined || 'failed' in read) return read?.failed;
    return read.read === undefined ? undefined : { value: read.read };
  });
}
