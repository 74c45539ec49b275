/**
 * Quantity search: `[prefix]value[|system|code]`. A bare value compares with the implicit range of
 * its precision for `eq`/`ne` (`5.4` means [5.35, 5.45)), and exactly for the other prefixes.
 */

import { isJsonObject, type JsonValue } from '../json.js';
import { splitPrefix, type Prefix } from './dates.js';
import { splitUnescaped, unescapeValue } from './escapes.js';

/** One Quantity of a resource. */
export interface QuantityValue {
  value: number;
  system: string | undefined;
  code: string | undefined;
  unit: string | undefined;
}

/** A parsed quantity search value. */
export interface QuantityQuery {
  prefix: Prefix;
  value: number;
  /** Half-width of the implicit precision range. */
  tolerance: number;
  system: string | undefined;
  /** Matches the quantity's `code`, or its `unit` when no system is given. */
  code: string | undefined;
}

/** The Quantities among the selected elements. */
export function quantityValues(elements: readonly JsonValue[]): QuantityValue[] {
  const out: QuantityValue[] = [];
  for (const element of elements) {
    if (!isJsonObject(element) || typeof element['value'] !== 'number') continue;
    const text = (key: string): string | undefined =>
      typeof element[key] === 'string' ? (element[key] as string) : undefined;
    out.push({ value: element['value'], system: text('system'), code: text('code'), unit: text('unit') });
  }
  return out;
}

/** Parses `gt5.4|http://unitsofmeasure.org|mg`; `undefined` when malformed. */
export function parseQuantityQuery(raw: string): QuantityQuery | undefined {
  const { prefix, rest } = splitPrefix(raw);
  if (prefix === undefined) return undefined;
  const [number, system, ...code] = splitUnescaped(rest, '|');
  if (number === undefined || !/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(number)) return undefined;
  const decimals = /\.(\d+)/.exec(number)?.[1]?.length ?? 0;
  const codeText = unescapeValue(code.join('|'));
  const systemText = unescapeValue(system ?? '');
  return {
    prefix,
    value: Number(number),
    tolerance: 0.5 * 10 ** -decimals,
    system: systemText === '' ? undefined : systemText,
    code: codeText === '' ? undefined : codeText,
  };
}

/** Whether one resource quantity matches a search value. */
export function quantityMatches(query: QuantityQuery, q: QuantityValue): boolean {
  if (query.system !== undefined && (q.system !== query.system || q.code !== query.code)) return false;
  if (query.system === undefined && query.code !== undefined && q.code !== query.code && q.unit !== query.code) {
    return false;
  }
  const v = q.value;
  const within = v >= query.value - query.tolerance && v < query.value + query.tolerance;
  switch (query.prefix) {
    case 'eq':
      return within;
    case 'ne':
      return !within;
    case 'gt':
    case 'sa':
      return v > query.value;
    case 'lt':
    case 'eb':
      return v < query.value;
    case 'ge':
      return v >= query.value;
    case 'le':
      return v <= query.value;
  }
}
