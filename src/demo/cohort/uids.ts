import { createHash } from 'node:crypto';

/** The UUID namespace of the cohort's name-based UUIDs (a fixed, randomly chosen UUID). */
const NAMESPACE = Buffer.from('6f1c2a4e9b3d4e0f8a7c5d2e1b0f3a9c', 'hex');

/**
 * A DICOM UID under the `2.25` root (PS3.5 §B.2): the decimal form of a version-5 (name-based, SHA-1)
 * UUID of `name`. So UIDs are stable for a given seed and path, yet unique across seeds, with no
 * registered organization root needed. At most 44 characters, digits and dots, no leading zeros.
 */
export function demoUid(name: string): string {
  const digest = createHash('sha1').update(NAMESPACE).update(name).digest();
  const uuid = digest.subarray(0, 16);
  uuid.writeUInt8((uuid.readUInt8(6) & 0x0f) | 0x50, 6); // version 5
  uuid.writeUInt8((uuid.readUInt8(8) & 0x3f) | 0x80, 8); // RFC 4122 variant
  return `2.25.${BigInt(`0x${uuid.toString('hex')}`).toString()}`;
}
