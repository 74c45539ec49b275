/**
 * Runtime control of injected faults and latency: `GET/PUT /emulator/faults` and
 * `GET/PUT /emulator/latency`. They live outside `/v1/` so they can never shadow a Google method,
 * and need permissions no role grants, so when IAM is enforced only admins may call them.
 */

import { invalidArgument } from './errors.js';
import { parseFaultRules, type FaultRule, type LatencyRange } from './faults.js';
import { requires } from './iam/access.js';
import type { EmulatorModule, EmulatorRoute } from './module.js';
import { jsonReply } from './reply.js';
import type { EmulatorRequest } from './request.js';

/** Requests under this prefix are exempt from faults and latency (see `server.ts`). */
export const FAULT_CONTROL_PREFIX = '/emulator/';

/**
 * A regex's source as people write it in JSON: `RegExp.source` escapes every `/` (for literal
 * syntax), which means the same in a `new RegExp` string but reads back unlike what was sent.
 */
function patternText(path: RegExp): string {
  return path.source.replace(/\\(.)/gs, (escaped, char: string) => (char === '/' ? '/' : escaped));
}

/** A rule as `EMULATOR_FAULTS` writes it; `times` is what remains of the rule's budget. */
function ruleJson(rule: FaultRule): Record<string, unknown> {
  return { ...rule, path: patternText(rule.path) };
}

/** The body as text; the one-line parse errors become 400s. */
async function parsed<T>(ctx: EmulatorRequest, parse: (text: string) => T): Promise<T> {
  const text = (await ctx.body()).toString('utf8');
  try {
    return parse(text);
  } catch (error) {
    throw invalidArgument((error as Error).message);
  }
}

/** `{"minMs": 10, "maxMs": 40}`, or `{}` for none, as `GET` answers. */
function parseLatencyJson(text: string): LatencyRange | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text === '' ? '{}' : text);
  } catch {
    throw new Error('not valid JSON; expected {"minMs": 10, "maxMs": 40}, or {} for no latency');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error('expected {"minMs": 10, "maxMs": 40}, or {} for no latency');
  }
  const { minMs, maxMs, ...rest } = value as Record<string, unknown>;
  const unknown = Object.keys(rest)[0];
  if (unknown !== undefined) throw new Error(`unknown field "${unknown}" (allowed: minMs, maxMs)`);
  if (minMs === undefined && maxMs === undefined) return undefined;
  const whole = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0;
  if (!whole(minMs) || !whole(maxMs) || maxMs < minMs) {
    throw new Error(`"minMs" and "maxMs" must be whole milliseconds with minMs <= maxMs, got ${JSON.stringify({ minMs, maxMs })}`);
  }
  return { minMs, maxMs };
}

const READ = requires('emulator', 'emulator.faults.get');
const CHANGE = requires('emulator', 'emulator.faults.update');

/** `GET /emulator/{name}` reads a setting; `PUT` replaces it and answers the new value. */
function settingRoutes(name: string, current: () => unknown, replace: (ctx: EmulatorRequest) => Promise<void>): EmulatorRoute[] {
  const path = `${FAULT_CONTROL_PREFIX}${name}`;
  return [
    { method: 'GET', path, query: [], access: READ, handle: () => jsonReply(current()) },
    {
      method: 'PUT',
      path,
      query: [],
      access: CHANGE,
      handle: async (ctx) => {
        await replace(ctx);
        return jsonReply(current());
      },
    },
  ];
}

/** The control routes over the emulator's live `FaultInjector`; latency counts as a fault setting. */
export const faultControlModule: EmulatorModule = {
  name: 'fault-control',
  routes: ({ faults: injector }): EmulatorRoute[] => [
    ...settingRoutes(
      'faults',
      () => injector.faults.map(ruleJson),
      async (ctx) => {
        injector.faults = await parsed(ctx, parseFaultRules);
      },
    ),
    ...settingRoutes(
      'latency',
      () => injector.latency ?? {},
      async (ctx) => {
        injector.latency = await parsed(ctx, parseLatencyJson);
      },
    ),
  ],
};
