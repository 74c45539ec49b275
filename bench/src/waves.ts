/**
 * Counting what a system asked of the Cloud Healthcare API: the calls the recording proxy saw for
 * one request, and how many of them had to happen one after another (waves).
 */

/** One upstream HTTP call as the recording proxy saw it. Times are ms on one monotonic clock. */
export interface CallRecord {
  method: string;
  /** Path and query below the proxy's root, e.g. `/v1/projects/demo/.../fhir/Patient?_count=20`. */
  path: string;
  /** When the proxy received the request. */
  start: number;
  /** When the proxy finished sending the response back. */
  end: number;
  status: number;
}

/**
 * The wave of each call, in input order. A call's wave is 1 + the highest wave among the calls
 * that ended at or before it started (1 when there is none): the position of the call on the
 * longest chain of strictly sequential calls that ends with it.
 */
export function waveLevels(calls: readonly CallRecord[]): number[] {
  const order = calls.map((_, index) => index).sort((a, b) => calls[a]!.start - calls[b]!.start || a - b);
  const levels = new Array<number>(calls.length).fill(1);
  for (let i = 0; i < order.length; i += 1) {
    const call = calls[order[i]!]!;
    let best = 0;
    // Only calls that started earlier can have ended before this one started.
    for (let j = 0; j < i; j += 1) {
      const before = calls[order[j]!]!;
      if (before.end <= call.start && levels[order[j]!]! > best) best = levels[order[j]!]!;
    }
    levels[order[i]!] = best + 1;
  }
  return levels;
}

/**
 * Waves (sequential upstream round trips on the critical path): the length of the longest chain of
 * calls c1, c2, ..., ck in which every call starts at or after the previous one ended
 * (start(c[i+1]) >= end(c[i])). Calls that overlap in time are in the same wave; a call issued
 * because of another call's answer always starts after that answer, so it is one wave later.
 * 0 for no calls. With injected latency L per call, a request cannot take less than waves × L.
 */
export function countWaves(calls: readonly CallRecord[]): number {
  return waveLevels(calls).reduce((max, level) => Math.max(max, level), 0);
}

/** The most calls in flight at the same instant (a call ending exactly when another starts does not overlap it). */
export function maxInFlight(calls: readonly CallRecord[]): number {
  const events = calls.flatMap((call) => [
    { at: call.start, delta: 1 },
    { at: call.end, delta: -1 },
  ]);
  // Ends before starts at the same instant.
  events.sort((a, b) => a.at - b.at || a.delta - b.delta);
  let current = 0;
  let max = 0;
  for (const event of events) {
    current += event.delta;
    max = Math.max(max, current);
  }
  return max;
}

export type CallKind = 'fhir-read' | 'fhir-search' | 'qido' | 'wado' | 'admin' | 'other';

/** What kind of Cloud Healthcare call a path is. */
export function classifyCall(method: string, path: string): CallKind {
  const [pathname = ''] = path.split('?');
  if (pathname.includes('/dicomWeb/')) {
    return /\/(metadata|frames|rendered|bulkdata)(\/|$)/.test(pathname) || /\/instances\/[^/]+$/.test(pathname) ? 'wado' : 'qido';
  }
  const fhir = /\/fhirStores\/[^/]+\/fhir\/(.*)$/.exec(pathname);
  if (fhir) {
    const segments = (fhir[1] ?? '').split('/').filter(Boolean);
    if (method === 'GET' && segments.length === 2 && !segments[1]!.startsWith('$') && !segments[1]!.startsWith('_')) return 'fhir-read';
    return 'fhir-search';
  }
  if (/\/projects\//.test(pathname)) return 'admin';
  return 'other';
}

export interface CallSummary {
  upstreamCalls: number;
  waves: number;
  maxInFlight: number;
  byKind: Partial<Record<CallKind, number>>;
  /** Calls per wave, in wave order. */
  perWave: number[];
  /** Calls answered with a status of 400 or more. */
  failedCalls: number;
}

export function summarizeCalls(calls: readonly CallRecord[]): CallSummary {
  const levels = waveLevels(calls);
  const waves = levels.reduce((max, level) => Math.max(max, level), 0);
  const perWave = new Array<number>(waves).fill(0);
  for (const level of levels) perWave[level - 1]! += 1;
  const byKind: Partial<Record<CallKind, number>> = {};
  for (const call of calls) {
    const kind = classifyCall(call.method, call.path);
    byKind[kind] = (byKind[kind] ?? 0) + 1;
  }
  return {
    upstreamCalls: calls.length,
    waves,
    maxInFlight: maxInFlight(calls),
    byKind,
    perWave,
    failedCalls: calls.filter((call) => call.status >= 400).length,
  };
}
