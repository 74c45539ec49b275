/** The emulator's side of the shared HL7v2 filter (`src/hl7v2/filter.ts`): a malformed filter is a 400. */
import { FilterSyntaxError, parseFilter, type MessagePredicate } from '../../hl7v2/filter.js';
import { invalidArgument } from '../errors.js';

export type { FilterContext, MessagePredicate } from '../../hl7v2/filter.js';

/** Parses a filter; empty or absent matches everything. A malformed filter is an INVALID_ARGUMENT (400). */
export function parseMessageFilter(filter: string | undefined): MessagePredicate {
  try {
    return parseFilter(filter);
  } catch (error) {
    if (error instanceof FilterSyntaxError) throw invalidArgument(error.message);
    throw error;
  }
}
