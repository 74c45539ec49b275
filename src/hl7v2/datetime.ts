/**
 * Times in HL7v2 (DTM, `YYYY[MM[DD[HH[MM[SS[.S[S[S[S]]]]]]]]][+/-ZZZZ]`) and in the API (RFC 3339,
 * Z-normalized). A DTM without an offset is read in the dataset's time zone, which is also the zone
 * `send_date` is counted in (reference §8).
 */

/** An instant with microsecond precision (HL7 allows 1/10,000 s; RFC 3339 input may carry more). */
export type Micros = number;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let format = formatters.get(zone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, format);
  }
  return format;
}

/** True when `zone` is an IANA zone this runtime knows. */
export function isKnownTimeZone(zone: string): boolean {
  try {
    formatter(zone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock fields of an instant in a zone. */
function wallClock(zone: string, ms: number): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  const parts = Object.fromEntries(formatter(zone).formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  return {
    year: Number(parts['year']),
    month: Number(parts['month']),
    day: Number(parts['day']),
    hour: Number(parts['hour']),
    minute: Number(parts['minute']),
    second: Number(parts['second']),
  };
}

/** The zone's offset from UTC at an instant, in ms. */
function offsetAt(zone: string, ms: number): number {
  const w = wallClock(zone, ms);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(ms / 1000) * 1000;
}

/** The UTC instant of a wall-clock time (given as if it were UTC) in a zone. */
function wallToUtc(zone: string, wallMs: number): number {
  const first = wallMs - offsetAt(zone, wallMs);
  return wallMs - offsetAt(zone, first);
}

const DTM = /^(\d{4})(?:(\d{2})(?:(\d{2})(?:(\d{2})(?:(\d{2})(?:(\d{2})(?:\.(\d{1,4}))?)?)?)?)?)?([+-]\d{4})?$/;

/** Parses an HL7 DTM; `undefined` when it is not one (or names an impossible date). */
export function parseDtm(value: string, zone: string): Micros | undefined {
  const m = DTM.exec(value.trim());
  if (m === null) return undefined;
  const [, y = '', mo = '01', d = '01', h = '00', mi = '00', s = '00', frac = '', offset] = m;
  const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  const check = new Date(wall);
  if (check.getUTCMonth() !== Number(mo) - 1 || check.getUTCDate() !== Number(d) || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) {
    return undefined;
  }
  let utc: number;
  if (offset === undefined) {
    utc = wallToUtc(zone, wall);
  } else {
    const sign = offset.startsWith('-') ? -1 : 1;
    const minutes = Number(offset.slice(1, 3)) * 60 + Number(offset.slice(3, 5));
    utc = wall - sign * minutes * 60_000;
  }
  return utc * 1000 + Math.round(Number(`0.${frac || '0'}`) * 1_000_000);
}

const RFC3339 = /^(\d{4}-\d{2}-\d{2})[Tt](\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?([Zz]|[+-]\d{2}:\d{2})$/;

/** Parses an RFC 3339 date-time; `undefined` when it is not one. */
export function parseRfc3339(value: string): Micros | undefined {
  const m = RFC3339.exec(value);
  if (m === null) return undefined;
  const [, date = '', time = '', frac = '', zone = 'Z'] = m;
  const ms = Date.parse(`${date}T${time}${zone.toUpperCase()}`);
  if (Number.isNaN(ms) || !isRealDate(date)) return undefined;
  return ms * 1000 + Math.floor(Number(`0.${frac || '0'}`) * 1_000_000);
}

/** True for a `YYYY-MM-DD` that names a real day. */
export function isRealDate(date: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (m === null) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** RFC 3339, Z-normalized, with 0, 3 or 6 fractional digits as Google writes them. */
export function formatRfc3339(micros: Micros): string {
  const ms = Math.floor(micros / 1000);
  const rest = micros - ms * 1000;
  const base = new Date(ms).toISOString(); // YYYY-MM-DDTHH:MM:SS.mmmZ
  if (rest !== 0) return `${base.slice(0, -1)}${String(rest).padStart(3, '0')}Z`;
  return ms % 1000 === 0 ? `${base.slice(0, 19)}Z` : base;
}

/** The calendar date (`YYYY-MM-DD`) of an instant in a zone. */
export function dateIn(zone: string, micros: Micros): string {
  const w = wallClock(zone, Math.floor(micros / 1000));
  return `${String(w.year).padStart(4, '0')}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
}

/** An instant as an HL7 DTM in UTC with an explicit offset (`YYYYMMDDHHMMSS+0000`), for ACKs. */
export function formatDtmUtc(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19).replace(/[-T:]/g, '')}+0000`;
}
