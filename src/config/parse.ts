/**
 * Small parsers for environment variables. Each throws a {@link ConfigError} whose message is one line
 * naming the variable, the value (unless secret) and what is allowed.
 */

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export type Env = Record<string, string | undefined>;

/** The trimmed value of `name`, or undefined when unset or blank. */
export function read(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

export function fail(name: string, value: string, expected: string): never {
  throw new ConfigError(`Invalid ${name}=${JSON.stringify(value)}: expected ${expected}.`);
}

export function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const value = read(env, name);
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    fail(name, value, `an integer from ${min} to ${max}`);
  }
  return Number(value);
}

export function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const value = read(env, name);
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) fail(name, value, `one of ${allowed.join(', ')}`);
  return value as T;
}

export function boolean(env: Env, name: string, fallback: boolean): boolean {
  const value = read(env, name)?.toLowerCase();
  if (value === undefined) return fallback;
  if (['1', 'true', 'yes', 'on'].includes(value)) return true;
  if (['0', 'false', 'no', 'off'].includes(value)) return false;
  return fail(name, value, 'true or false');
}

/** A comma-separated list whose every item passes `valid`; undefined when unset. */
export function list(env: Env, name: string, valid: (item: string) => boolean, expected: string): string[] | undefined {
  const value = read(env, name);
  if (value === undefined) return undefined;
  const items = value.split(',').map((item) => item.trim()).filter((item) => item !== '');
  const bad = items.find((item) => !valid(item));
  if (items.length === 0 || bad !== undefined) fail(name, value, `a comma-separated list of ${expected}`);
  return [...new Set(items)];
}

/** Runs a parser that throws plain errors and re-throws them as a ConfigError naming the variable. */
export function parsedWith<T>(env: Env, name: string, parse: (value: string) => T): T | undefined {
  const value = read(env, name);
  if (value === undefined) return undefined;
  try {
    return parse(value);
  } catch (error) {
    throw new ConfigError(`Invalid ${name}: ${(error as Error).message.split('\n')[0]}`);
  }
}
