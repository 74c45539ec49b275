/**
 * Injected latency and faults, so clients' timeouts, retries and error mapping can be exercised
 * against the emulator (`EMULATOR_LATENCY_MS`, `EMULATOR_FAULTS`).
 */

/** One fault rule. Rules are tried in order; the first matching rule whose random draw hits wins. */
export interface FaultRule {
  /** Tested against the URL pathname (no query string). */
  path: RegExp;
  /** HTTP method the rule is limited to (any method when absent). */
  method?: string;
  /** Probability from 0 to 1 that a matching request gets the fault. */
  rate: number;
  /**
   * 401/429/500/503: a Google error envelope with that status (401: the token was refused, as when
   * it expired or was revoked). `reset`: the socket is destroyed
   * without a response. `truncate`: the real response, cut off after half of its body. `delay`:
   * the real response, sent `delayMs` late (the request's work is already done by then, as when a
   * client times out on a slow write).
   */
  status: 401 | 429 | 500 | 503 | 'reset' | 'truncate' | 'delay';
  /** Seconds for a `Retry-After` header on 429/500/503. */
  retryAfter?: number;
  /** The rule fires this many times at most, then matches nothing (deterministic "fails twice, then works"). */
  times?: number;
  /** Milliseconds a `delay` rule holds the response back, on top of any latency. */
  delayMs?: number;
  /**
   * 429/500/503 only: the request is served first and its answer replaced by the error, as when
   * a write succeeds and the response is lost (what makes blind retries apply a write twice).
   */
  after?: boolean;
}

/** Uniform latency range in milliseconds. */
export interface LatencyRange {
  minMs: number;
  maxMs: number;
}

const STATUSES: readonly FaultRule['status'][] = [401, 429, 500, 503, 'reset', 'truncate', 'delay'];
const RULE_KEYS = new Set(['path', 'method', 'rate', 'status', 'retryAfter', 'times', 'delayMs', 'after']);

/** Collapses whitespace so every message is a single line, as the env contract promises. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Parses the EMULATOR_FAULTS JSON text: an array of
 * `{"path": regex, "method"?, "rate": 0..1, "status": 401|429|500|503|"reset"|"truncate"|"delay", "retryAfter"?, "times"?, "delayMs"?, "after"?}`.
 * Throws an Error with a one-line message saying what is wrong.
 */
export function parseFaultRules(json: string): FaultRule[] {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw new Error(oneLine(`not valid JSON (${(error as Error).message})`), { cause: error });
  }
  if (!Array.isArray(value)) throw new Error('expected a JSON array of fault rules');
  return value.map((raw: unknown, index) => {
    const fail = (what: string): never => {
      throw new Error(oneLine(`rule ${index}: ${what}`));
    };
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      return fail('expected an object like {"path": "/fhir/", "rate": 0.1, "status": 503}');
    }
    const rule = raw as Record<string, unknown>;
    const unknown = Object.keys(rule).find((key) => !RULE_KEYS.has(key));
    if (unknown !== undefined) fail(`unknown field "${unknown}" (allowed: path, method, rate, status, retryAfter, times, delayMs, after)`);

    if (typeof rule['path'] !== 'string') fail('"path" must be a regular expression string');
    let path: RegExp;
    try {
      path = new RegExp(rule['path'] as string);
    } catch (error) {
      return fail(`"path" is not a valid regular expression (${(error as Error).message})`);
    }

    const method = rule['method'];
    if (method !== undefined && (typeof method !== 'string' || !/^[A-Za-z]+$/.test(method))) {
      fail(`"method" must be an HTTP method name such as "GET", got ${JSON.stringify(method)}`);
    }

    const rate = rule['rate'];
    if (typeof rate !== 'number' || !(rate >= 0 && rate <= 1)) {
      fail(`"rate" must be a number from 0 to 1, got ${JSON.stringify(rate)}`);
    }

    const status = rule['status'];
    if (!STATUSES.includes(status as FaultRule['status'])) {
      fail(`"status" must be one of 401, 429, 500, 503, "reset", "truncate", "delay", got ${JSON.stringify(status)}`);
    }

    const retryAfter = rule['retryAfter'];
    if (retryAfter !== undefined) {
      if (typeof retryAfter !== 'number' || !Number.isInteger(retryAfter) || retryAfter < 0) {
        fail(`"retryAfter" must be a whole number of seconds, got ${JSON.stringify(retryAfter)}`);
      }
      if (typeof status !== 'number') fail('"retryAfter" only applies to status 401, 429, 500 or 503');
    }

    const times = rule['times'];
    if (times !== undefined && (typeof times !== 'number' || !Number.isInteger(times) || times < 1)) {
      fail(`"times" must be a whole number from 1, got ${JSON.stringify(times)}`);
    }

    const delayMs = rule['delayMs'];
    if (status === 'delay') {
      if (typeof delayMs !== 'number' || !Number.isInteger(delayMs) || delayMs < 0) {
        fail(`"delayMs" must be a whole number of milliseconds with status "delay", got ${JSON.stringify(delayMs)}`);
      }
    } else if (delayMs !== undefined) {
      fail('"delayMs" only applies to status "delay"');
    }

    const after = rule['after'];
    if (after !== undefined && typeof after !== 'boolean') fail(`"after" must be true or false, got ${JSON.stringify(after)}`);
    if (after === true && typeof status !== 'number') fail('"after" only applies to status 401, 429, 500 or 503');

    const parsed: FaultRule = { path, rate: rate as number, status: status as FaultRule['status'] };
    if (after === true) parsed.after = true;
    if (times !== undefined) parsed.times = times as number;
    if (delayMs !== undefined) parsed.delayMs = delayMs as number;
    if (method !== undefined) parsed.method = (method as string).toUpperCase();
    if (retryAfter !== undefined) parsed.retryAfter = retryAfter as number;
    return parsed;
  });
}

/** Parses EMULATOR_LATENCY_MS: `"20"` or `"10-40"`. Throws an Error with a one-line message. */
export function parseLatency(text: string): LatencyRange {
  const m = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(text);
  if (m === null) {
    throw new Error(oneLine(`expected milliseconds as "20" or a range "10-40", got ${JSON.stringify(text)}`));
  }
  const minMs = Number(m[1]);
  const maxMs = m[2] === undefined ? minMs : Number(m[2]);
  if (maxMs < minMs) throw new Error(`range "${text}" ends before it starts`);
  return { minMs, maxMs };
}

/** Injection points, so tests can make draws and waits deterministic. */
export interface FaultInjectorOptions {
  faults?: FaultRule[];
  latency?: LatencyRange;
  /** Uniform [0, 1) source; `Math.random` by default. */
  random?: () => number;
  /** Waits `ms` milliseconds; a timer by default. */
  sleep?: (ms: number) => Promise<void>;
}

// Unref'd: a pending delay must not keep a closed emulator's process alive.
const timerSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms).unref());

/**
 * Decides, per request, which fault (if any) applies and how long to wait before answering. The
 * rule list and latency are plain mutable fields: changing them affects the next request.
 */
export class FaultInjector {
  /** Live rule list; push, splice or replace entries at run time. */
  faults: FaultRule[];
  latency: LatencyRange | undefined;
  private readonly random: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(options: FaultInjectorOptions = {}) {
    this.faults = options.faults ?? [];
    this.latency = options.latency;
    this.random = options.random ?? Math.random;
    this.sleep = options.sleep ?? timerSleep;
  }

  /** The fault for this request: the first rule that matches and whose draw is below its rate. */
  pick(method: string, pathname: string): FaultRule | undefined {
    for (const rule of this.faults) {
      if (rule.method !== undefined && rule.method.toUpperCase() !== method.toUpperCase()) continue;
      // A /g or /y regex keeps state between test() calls; reset it so every request is judged alike.
      rule.path.lastIndex = 0;
      if (!rule.path.test(pathname) || rule.times === 0) continue;
      if (this.random() < rule.rate) {
        if (rule.times !== undefined) rule.times -= 1;
        return rule;
      }
    }
    return undefined;
  }

  /** The delay for the next response, drawn uniformly from the latency range (0 without one). */
  drawDelayMs(): number {
    const latency = this.latency;
    if (latency === undefined || latency.maxMs <= 0) return 0;
    return latency.minMs + Math.floor(this.random() * (latency.maxMs - latency.minMs + 1));
  }

  /** Waits the drawn delay plus `extraMs` (a `delay` rule's); resolves at once when both are 0. */
  async delay(extraMs = 0): Promise<void> {
    const ms = this.drawDelayMs() + extraMs;
    if (ms > 0) await this.sleep(ms);
  }
}
