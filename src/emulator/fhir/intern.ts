/**
 * Shared copies of repeated strings the store keeps outside resource texts: reference targets
 * (`Patient/p1`, named by every resource of the patient) and the element paths they sit at.
 *
 * The pool is bounded: once full it starts afresh, so strings of deleted resources and one-off
 * values are not kept forever; a value that keeps repeating is shared again right after.
 */

// Distinct strings remembered at most (a few MB); large enough to span a patient's whole record.
const POOL_LIMIT = 1 << 17;
// Longer strings rarely repeat and would be costly to hash.
const MAX_LENGTH = 256;

let pool = new Map<string, string>();

/** The shared copy of `text` (`text` itself the first time it is seen). */
export function intern(text: string): string {
  if (text.length > MAX_LENGTH) return text;
  const shared = pool.get(text);
  if (shared !== undefined) return shared;
  if (pool.size >= POOL_LIMIT) pool = new Map();
  pool.set(text, text);
  return text;
}
