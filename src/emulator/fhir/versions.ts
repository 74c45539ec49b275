/**
 * Version stamps in Google's style. A store's writes get strictly increasing timestamps in whole
 * microseconds; `meta.versionId` is the base64 (no padding) of the nanosecond timestamp's decimal
 * digits, as seen in Google's samples (`MTY4NDQ1MDc3MDU2ODgyNzAwMA` = "1684450770568827000"), and
 * `meta.lastUpdated` is the same instant with microseconds and a `+00:00` offset.
 */

/** One write's stamp. */
export interface VersionStamp {
  versionId: string;
  lastUpdated: string;
}

// The date and time to the second of the last stamp: bulk writes get many stamps per second.
let lastSecond = -1n;
let lastSecondText = '';

/** Renders a microsecond epoch timestamp as Google's `lastUpdated`. */
export function formatLastUpdated(micros: bigint): string {
  const second = micros / 1_000_000n;
  if (second !== lastSecond) {
    lastSecondText = new Date(Number(second) * 1000).toISOString().slice(0, 19); // 2024-01-01T00:00:00
    lastSecond = second;
  }
  const fraction = (micros % 1_000_000n).toString().padStart(6, '0');
  return `${lastSecondText}.${fraction}+00:00`;
}

/** The version id for a microsecond timestamp. */
export function versionIdFor(micros: bigint): string {
  return Buffer.from((micros * 1000n).toString(), 'utf8').toString('base64').replace(/=+$/, '');
}

/**
 * Hands out stamps that never repeat and never go backwards within a store, even when the wall
 * clock does or when many writes land in the same microsecond (bulk bundles).
 */
export class VersionClock {
  private last = 0n;
  private readonly originMicros = BigInt(Date.now()) * 1000n;
  private readonly originHr = process.hrtime.bigint();

  /** Makes sure later stamps are after `lastUpdated` (used when replaying a journal). */
  observe(lastUpdated: string): void {
    const millis = Date.parse(lastUpdated);
    const fraction = /\.(\d{1,6})/.exec(lastUpdated)?.[1] ?? '0';
    const micros = BigInt(Math.floor(millis / 1000)) * 1_000_000n + BigInt(fraction.padEnd(6, '0'));
    if (micros > this.last) this.last = micros;
  }

  /** The next stamp. */
  next(): VersionStamp {
    const now = this.originMicros + (process.hrtime.bigint() - this.originHr) / 1000n;
    this.last = now > this.last ? now : this.last + 1n;
    return { versionId: versionIdFor(this.last), lastUpdated: formatLastUpdated(this.last) };
  }
}
