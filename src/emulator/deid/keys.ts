/**
 * The keyed, deterministic parts of de-identification: crypto hashes of identifiers, new resource
 * ids and DICOM UIDs, and per-patient date shifts. Everything is an HMAC-SHA256 under a key, so the
 * same input maps to the same output within an operation (and across operations given the same
 * key), which keeps a de-identified dataset internally linkable.
 */

import { createHmac, randomBytes } from 'node:crypto';
import { firstOfKind, type DeidentifyConfig } from './config.js';

/** Google shifts dates "by a random number of days, with the upper bound of 100 days". */
const MAX_SHIFT_DAYS = 100;
const DAY_MS = 86_400_000;

function hmac(key: Buffer, purpose: string, value: string): Buffer {
  // The purpose prefix keeps, e.g., the hash of an id and the hash of an MRN with the same text apart.
  return createHmac('sha256', key).update(`${purpose}\u0000${value}`).digest();
}

/** The keys of one operation and what is derived from them. */
export class DeidKeys {
  private constructor(
    private readonly hashKey: Buffer,
    private readonly shiftKey: Buffer,
  ) {}

  /**
   * The keys a config names (`cryptoHashConfig.cryptoKey`, `dateShiftConfig.cryptoKey` in its text
   * transformations); where it names none, a random key per operation, as Google generates.
   */
  static from(config: DeidentifyConfig): DeidKeys {
    const hashKey = firstOfKind(config.text, 'cryptoHash')?.key ?? randomBytes(32);
    const shiftKey = firstOfKind(config.text, 'dateShift')?.key ?? randomBytes(32);
    return new DeidKeys(hashKey, shiftKey);
  }

  /** `CryptoHashConfig`: base64 of the SHA-256 HMAC of the value (44 characters). */
  cryptoHash(value: string): string {
    return createHmac('sha256', this.hashKey).update(value).digest('base64');
  }

  /** A new FHIR resource id (40 hex digits, within FHIR's 64-character id rule). */
  resourceId(type: string, id: string): string {
    return hmac(this.hashKey, 'fhir-id', `${type}/${id}`).subarray(0, 20).toString('hex');
  }

  /**
   * A new DICOM UID under the `2.25` root (ISO/IEC 9834-8: a UUID as a decimal integer), derived
   * from the old one, so the same study keeps one new UID across instances and the FHIR side.
   */
  uid(uid: string): string {
    const bytes = hmac(this.hashKey, 'dicom-uid', uid).subarray(0, 16);
    // Version-4-style bits, as a UUID-derived UID would carry.
    bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
    bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
    return `2.25.${BigInt(`0x${bytes.toString('hex')}`).toString()}`;
  }

  /** Days to shift a patient's dates by: in ±[1, 100], never 0 so no date survives unchanged. */
  shiftDays(patientKey: string): number {
    const word = hmac(this.shiftKey, 'date-shift', patientKey).readUInt32BE(0);
    const days = 1 + (word % MAX_SHIFT_DAYS);
    return (word & 0x8000_0000) === 0 ? days : -days;
  }
}

const FHIR_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const FHIR_DATETIME = /^(\d{4}-\d{2}-\d{2})(T.*)$/;

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Shifts a `YYYY-MM-DD` day by whole days. */
function shiftDay(day: string, days: number): string {
  return isoDay(new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS));
}

/** True for FHIR `date`, `dateTime` and `instant` values. */
export function isFhirDate(value: string): boolean {
  return FHIR_DATE.test(value) || (FHIR_DATETIME.test(value) && !Number.isNaN(Date.parse(value)));
}

/**
 * Shifts a FHIR date, dateTime or instant by whole days, keeping its precision: a partial date
 * (`YYYY`, `YYYY-MM`) is shifted from the middle of its period and cut back to the same precision;
 * the time of day and zone of a dateTime are kept.
 */
export function shiftFhirDate(value: string, days: number): string | undefined {
  const date = FHIR_DATE.exec(value);
  if (date !== null) {
    const [, year, month, day] = date;
    if (day !== undefined) return shiftDay(value, days);
    const middle = month === undefined ? `${year}-07-02` : `${year}-${month}-15`;
    return shiftDay(middle, days).slice(0, month === undefined ? 4 : 7);
  }
  const dateTime = FHIR_DATETIME.exec(value);
  if (dateTime === null || Number.isNaN(Date.parse(value))) return undefined;
  return `${shiftDay(dateTime[1] ?? '', days)}${dateTime[2] ?? ''}`;
}

/** Shifts a DICOM DA (`YYYYMMDD`) or the date part of a DT by whole days; other text is undefined. */
export function shiftDicomDate(value: string, days: number): string | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})(.*)$/.exec(value.trim());
  if (m === null) return undefined;
  const day = `${m[1]}-${m[2]}-${m[3]}`;
  if (Number.isNaN(Date.parse(`${day}T00:00:00Z`))) return undefined;
  return `${shiftDay(day, days).replaceAll('-', '')}${m[4] ?? ''}`;
}
