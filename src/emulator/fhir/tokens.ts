/**
 * Token search values (codes, Codings, CodeableConcepts, Identifiers, ContactPoints, booleans) and
 * the index keys that answer `code`, `system|code`, `|code` and `system|` with one map lookup.
 */

import { isJsonObject, type JsonObject, type JsonValue } from '../json.js';
import { splitUnescaped, unescapeValue } from './escapes.js';

/** One token a resource carries. `text` is what `:text` searches (display, CodeableConcept.text). */
export interface Token {
  system: string | undefined;
  code: string | undefined;
  text: string | undefined;
}

// ContactPoint.system codes; an Identifier's system is a URI and never one of these.
const CONTACT_SYSTEMS = new Set(['phone', 'fax', 'email', 'pager', 'url', 'sms', 'other']);

function str(value: JsonValue | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function fromObject(element: JsonObject, out: Token[]): void {
  if (Array.isArray(element['coding']) || (element['text'] !== undefined && element['code'] === undefined)) {
    // CodeableConcept: every coding, plus its text for `:text`.
    for (const coding of (element['coding'] as JsonValue[] | undefined) ?? []) {
      if (isJsonObject(coding)) fromObject(coding, out);
    }
    const text = str(element['text']);
    if (text !== undefined) out.push({ system: undefined, code: undefined, text });
    return;
  }
  if (element['code'] !== undefined) {
    out.push({ system: str(element['system']), code: str(element['code']), text: str(element['display']) });
    return;
  }
  const value = str(element['value']);
  if (value === undefined) return;
  const system = str(element['system']);
  if (system !== undefined && CONTACT_SYSTEMS.has(system)) {
    out.push({ system: undefined, code: value, text: undefined });
    return;
  }
  const type = element['type'];
  const typeText = isJsonObject(type) ? str(type['text']) : undefined;
  out.push({ system, code: value, text: typeText });
}

/** The tokens of the elements a search parameter selects. */
export function tokenValues(elements: readonly JsonValue[]): Token[] {
  const out: Token[] = [];
  for (const element of elements) {
    if (typeof element === 'string' || typeof element === 'boolean' || typeof element === 'number') {
      out.push({ system: undefined, code: String(element), text: undefined });
    } else if (isJsonObject(element)) {
      fromObject(element, out);
    }
  }
  return out;
}

const SEP = '\u0001';

// Every write looks up the keys of every token it carries, and the same codes and systems recur
// in many resources: each key string is built once and then found again (already hashed).
// Bounded like the string pool (`intern.ts`).
const KEY_LIMIT = 1 << 17;

class KeyMemo {
  private keys = new Map<string, string>();

  constructor(private readonly prefix: string) {}

  get(part: string): string {
    let key = this.keys.get(part);
    if (key === undefined) {
      if (this.keys.size >= KEY_LIMIT) this.keys = new Map();
      this.keys.set(part, (key = `${this.prefix}${SEP}${part}`));
    }
    return key;
  }
}

const codeKeys = new KeyMemo('c');
const bareCodeKeys = new KeyMemo('n');
const systemKeys = new KeyMemo('S');
// `s` keys by system, then code.
let systemCodeKeys = new Map<string, KeyMemo>();

function systemCodeKey(system: string, code: string): string {
  let memo = systemCodeKeys.get(system);
  if (memo === undefined) {
    if (systemCodeKeys.size >= KEY_LIMIT) systemCodeKeys = new Map();
    systemCodeKeys.set(system, (memo = new KeyMemo(`s${SEP}${system}`)));
  }
  return memo.get(code);
}

/**
 * The index keys one token is found under: `code`, and `|code` or `system|code`. A token with a
 * system has no `system|` key of its own (that set would hold nearly every resource of the type):
 * `system|` is answered from the `system|code` keys of the system, except for a token with a
 * system but no code.
 */
export function tokenKeys(token: Token): string[] {
  const { system, code } = token;
  if (code === undefined) return system === undefined ? [] : [systemKeys.get(system)];
  return [codeKeys.get(code), system === undefined ? bareCodeKeys.get(code) : systemCodeKey(system, code)];
}

/** The `system|code` key of a token with both (see `tokenKeys`). */
export function systemCodeKeyOf(token: Token): string | undefined {
  return token.system === undefined || token.code === undefined ? undefined : systemCodeKey(token.system, token.code);
}

/** The system a `system|` query key asks for; `undefined` for any other key. */
export function queriedSystem(key: string): string | undefined {
  return key.startsWith(`S${SEP}`) ? key.slice(2) : undefined;
}

/**
 * The index key a search value looks up: `code` (any system), `system|code`, `|code` (no system)
 * or `system|` (any code of the system). `undefined` for an empty value.
 */
export function tokenQueryKey(raw: string): string | undefined {
  const parts = splitUnescaped(raw, '|');
  if (parts.length === 1) {
    const code = unescapeValue(parts[0] ?? '');
    return code === '' ? undefined : `c${SEP}${code}`;
  }
  const system = unescapeValue(parts[0] ?? '');
  const code = unescapeValue(parts.slice(1).join('|'));
  if (system === '' && code === '') return undefined;
  if (system === '') return `n${SEP}${code}`;
  if (code === '') return `S${SEP}${system}`;
  return `s${SEP}${system}${SEP}${code}`;
}
