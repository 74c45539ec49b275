/** `Mutation.ingestHl7V2Message`: sends a message to a store as an interface engine would and returns the ACK. */
import { badUserInput, graphQLError } from '../../../errors.js';
import { UpstreamError } from '../../../healthcare/errors.js';
import { ingestMessage } from '../../../healthcare/hl7v2.js';
import { parseStoreName, storeNameIn, type AllowedStore } from '../../../healthcare/names.js';
import type { MutationResolvers } from '../../../generated/graphql.js';
import type { RequestContext } from '../../context.js';
import { primeMessages } from './messages.js';

/** Largest message accepted, in UTF-8 bytes: far above real ADT/ORU messages, well under Google's 10 MB request limit. */
export const MAX_MESSAGE_BYTES = 1024 * 1024;

/** The target store: a full name, or a short id within the pinned dataset. */
function targetStore(store: string, context: RequestContext): AllowedStore<'hl7V2Stores'> {
  if (store.includes('/')) return context.access.checkStore(parseStoreName(store, 'hl7V2Stores'));
  const pinned = context.access.pinnedDataset;
  if (!pinned) throw badUserInput('Pass the store\'s full resource name: this server is not pinned to one dataset');
  return context.access.checkStore(storeNameIn(pinned, 'hl7V2Stores', store));
}

/**
 * The message as HL7 wants it on the wire: segments ended by `\r`. Text pasted from a file or a
 * form usually has `\n` or `\r\n` line ends, which the store would read as part of a value.
 */
export function normalizeMessage(text: string): Buffer {
  const trimmed = text.replace(/^[\r\n]+/, '').replace(/[\r\n]+$/, '');
  if (trimmed.trim() === '') throw badUserInput('message must not be empty');
  if (text.includes('\u0000')) throw badUserInput('message must not contain NUL characters');
  const bytes = Buffer.from(`${trimmed.replace(/\r\n|\n|\r/g, '\r')}\r`, 'utf8');
  if (bytes.length > MAX_MESSAGE_BYTES) throw badUserInput(`message must be at most ${MAX_MESSAGE_BYTES} bytes`);
  return bytes;
}

/** MSA-1 of an ACK (`AA`, `AE`, `AR`, ...), read with the field separator the ACK declares. */
export function ackCodeOf(ack: string): string {
  const separator = ack.charAt(3) || '|';
  const msa = ack.split(/\r\n|\r|\n/).find((segment) => segment.startsWith(`MSA${separator}`));
  return msa?.split(separator)[1] ?? '';
}

export const hl7V2Mutations: Pick<MutationResolvers, 'ingestHl7V2Message'> = {
  ingestHl7V2Message: async (_parent, { store, message }, context) => {
    const name = targetStore(store, context);
    const data = normalizeMessage(message);
    let response;
    try {
      response = await ingestMessage(context.client, name, data);
    } catch (error) {
      // The store's NACK: 400 for a message it cannot parse (AR), 409 for a refused duplicate (AE).
      if (error instanceof UpstreamError && (error.status === 400 || error.status === 409)) {
        throw graphQLError('BAD_USER_INPUT', `The HL7v2 store refused the message: ${error.message}`, {
          ackCode: error.status === 409 ? 'AE' : 'AR',
          upstreamStatus: error.status,
        });
      }
      throw error;
    }
    if (response.message === undefined) throw new UpstreamError('The HL7v2 store answered an ingest without the message', { status: 200, kind: 'hl7v2' });
    primeMessages(name, [response.message], context);
    const ack = Buffer.from(response.hl7Ack ?? '', 'base64').toString('utf8');
    return { message: response.message, ack, ackCode: ackCodeOf(ack) };
  },
};
