/**
 * The emulator's identities: a principals file maps bearer tokens to IAM principals and names the
 * admins, who hold every permission on every project (like a project owner). Format
 * (CONTRACT.md, `EMULATOR_PRINCIPALS`):
 * `{"tokens": {"<token>": "user:alice@example.com"}, "admins": ["user:root@example.com"]}`.
 */

import { readFileSync } from 'node:fs';

/** Who may call the emulator, and who administers it. */
export interface Principals {
  /** Bearer token → principal (`user:…` or `serviceAccount:…`). */
  tokens: Record<string, string>;
  /** Principals that hold every permission. */
  admins: string[];
}

// Tokens stand for people and workloads; groups and domains only ever appear in policy bindings.
const CALLER = /^(user|serviceAccount):[^\s@]+@[^\s@]+$/;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkCaller(value: unknown, where: string): string {
  if (typeof value !== 'string' || !CALLER.test(value)) {
    throw new Error(`${where} must be a principal such as "user:alice@example.com" or "serviceAccount:app@p.iam.gserviceaccount.com", got ${JSON.stringify(value)}`);
  }
  return value;
}

/**
 * Validates a principals value (already parsed, or passed to `startEmulator`). Throws an `Error`
 * with a one-line message naming the bad entry; token values are never echoed.
 */
export function checkPrincipals(value: unknown): Principals {
  if (!isObject(value)) throw new Error('expected an object {"tokens": {...}, "admins": [...]}');
  const unknown = Object.keys(value).find((key) => key !== 'tokens' && key !== 'admins');
  if (unknown !== undefined) throw new Error(`unknown field "${unknown}"; expected "tokens" and "admins"`);
  const { tokens, admins = [] } = value;
  if (!isObject(tokens)) throw new Error('"tokens" must be an object mapping bearer tokens to principals');
  const checkedTokens: Record<string, string> = {};
  Object.entries(tokens).forEach(([token, principal], i) => {
    if (!/^\S+$/.test(token)) throw new Error(`tokens: token #${i + 1} is empty or contains white space`);
    checkedTokens[token] = checkCaller(principal, `tokens: the principal of token #${i + 1}`);
  });
  if (!Array.isArray(admins)) throw new Error('"admins" must be a list of principals');
  return { tokens: checkedTokens, admins: admins.map((admin, i) => checkCaller(admin, `admins[${i}]`)) };
}

/** Parses and validates the text of a principals file; errors are one line. */
export function parsePrincipals(json: string): Principals {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw new Error(`not JSON: ${(error as Error).message.split('\n')[0]}`, { cause: error });
  }
  return checkPrincipals(value);
}

/**
 * Reads and validates a principals file (`EMULATOR_PRINCIPALS`). Synchronous, for configuration
 * loading. Throws an `Error` whose one-line message starts with the file's path.
 */
export function loadPrincipalsFile(file: string): Principals {
  try {
    return parsePrincipals(readFileSync(file, 'utf8'));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new Error(`${file}: ${reason}`, { cause: error });
  }
}
