/** DICOM UID syntax, as the emulator checks it in paths and stored instances. */

import { invalidArgument } from '../errors.js';

// Digits and dots, at most 64 characters. Leading zeros in a component are illegal in PS3.5 but
// common in real files, so they are let through rather than refusing such instances.
const UID = /^[0-9]+(\.[0-9]+)*$/;

/** True for a syntactically valid UID. */
export function isUid(value: string): boolean {
  return value.length <= 64 && UID.test(value);
}

/** Returns `value` when it is a valid UID; otherwise a 400 naming the attribute. */
export function checkUid(value: string, what: string): string {
  if (!isUid(value)) throw invalidArgument(`Invalid ${what}: "${value}" is not a valid DICOM UID.`);
  return value;
}
