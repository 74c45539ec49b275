/**
 * How FHIR writes report the store's refusals: a lost race or an ambiguous target (409, 412) is a
 * CONFLICT, content the store will not take (400, 422) is the caller's input at fault; anything
 * else stays an upstream error.
 */
import { badUserInput, graphQLError, upstreamCode, type ErrorCode } from '../../../errors.js';
import { UpstreamError } from '../../../healthcare/errors.js';

/** The code of a FHIR write refused with `status`. */
export function writeErrorCode(status: number): ErrorCode {
  if (status === 400 || status === 422) return 'BAD_USER_INPUT';
  return upstreamCode(new UpstreamError('', { status, kind: 'fhir' }));
}

/** Runs a write, turning the store's refusals into CONFLICT or BAD_USER_INPUT. */
export async function asWriteError<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!(error instanceof UpstreamError) || error.failure !== undefined) throw error;
    if (error.status === 409 || error.status === 412) throw graphQLError('CONFLICT', `The FHIR store refused the write: ${error.message}`);
    if (error.status === 400 || error.status === 422) throw badUserInput(`The FHIR store refused the resource: ${error.message}`);
    throw error;
  }
}

/** Whether an error is the CONFLICT `asWriteError` raised. */
export function isConflict(error: unknown): boolean {
  return (error as { extensions?: { code?: unknown } } | undefined)?.extensions?.code === 'CONFLICT';
}
