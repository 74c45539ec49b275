/** Milliseconds in a minute, hour, day and (mean Gregorian) year. */
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
export const YEAR = 365.2425 * DAY;

/**
 * The cohort's "today". Every date is relative to this fixed instant and never to the clock, so a
 * given seed yields the same cohort on every machine and every day. No event lies after it.
 */
export const COHORT_REFERENCE_DATE = '2026-06-30';
export const NOW = Date.parse(`${COHORT_REFERENCE_DATE}T18:00:00Z`);

/** Times are in UTC, the time zone of the demo dataset, so FHIR and DICOM show the same clock. */
function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** FHIR `date`: `YYYY-MM-DD`. */
export function fhirDate(ms: number): string {
  return iso(ms).slice(0, 10);
}

/** FHIR `dateTime`/`instant` to the second: `YYYY-MM-DDThh:mm:ssZ`. */
export function fhirDateTime(ms: number): string {
  return `${iso(ms).slice(0, 19)}Z`;
}

/** DICOM DA: `YYYYMMDD`. */
export function dicomDate(ms: number): string {
  return fhirDate(ms).replaceAll('-', '');
}

/** DICOM TM: `HHMMSS`. */
export function dicomTime(ms: number): string {
  return iso(ms).slice(11, 19).replaceAll(':', '');
}

/** Age in (fractional) years at `ms`. */
export function ageAt(birth: number, ms: number): number {
  return (ms - birth) / YEAR;
}

/** Midnight (UTC) of the day holding `ms`. */
export function startOfDay(ms: number): number {
  return ms - (((ms % DAY) + DAY) % DAY);
}

/** The UTC month (1–12) of `ms`. */
export function monthOf(ms: number): number {
  return new Date(ms).getUTCMonth() + 1;
}
