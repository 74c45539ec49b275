/**
 * A small FHIRPath subset for search parameter definitions: dotted element paths with arrays
 * flattened, `name[x]` for choice elements (`effective[x]` reads `effectiveDateTime`,
 * `effectivePeriod`, …), `name[key=value]` to keep elements whose `key` equals `value`
 * (FHIRPath `where(key='value')`), and `|` for a union of paths.
 */

import { isJsonObject, type JsonObject, type JsonValue } from '../json.js';

/** Reads the elements a path selects from a resource. */
export type Extractor = (resource: JsonObject) => JsonValue[];

type Step =
  | { kind: 'field'; name: string }
  | { kind: 'choice'; prefix: string }
  | { kind: 'where'; name: string; key: string; value: string };

function parseStep(text: string): Step {
  const where = /^(\w+)\[(\w+)=([^\]]+)\]$/.exec(text);
  if (where) return { kind: 'where', name: where[1] ?? '', key: where[2] ?? '', value: where[3] ?? '' };
  const choice = /^(\w+)\[x\]$/.exec(text);
  if (choice) return { kind: 'choice', prefix: choice[1] ?? '' };
  if (!/^\w+$/.test(text)) throw new Error(`unsupported path step "${text}"`);
  return { kind: 'field', name: text };
}

function push(out: JsonValue[], value: JsonValue | undefined): void {
  if (value === undefined || value === null) return;
  if (Array.isArray(value)) {
    for (const item of value) if (item !== null) out.push(item);
  } else {
    out.push(value);
  }
}

function apply(step: Step, input: JsonValue[]): JsonValue[] {
  const out: JsonValue[] = [];
  for (const node of input) {
    if (!isJsonObject(node)) continue;
    if (step.kind === 'field') {
      push(out, node[step.name]);
    } else if (step.kind === 'choice') {
      // Every write extracts `effective[x]` and the like: no entry arrays or slices per key.
      const length = step.prefix.length;
      for (const key in node) {
        const next = key.charCodeAt(length);
        if (next >= 65 && next <= 90 && key.startsWith(step.prefix)) push(out, node[key]);
      }
    } else {
      const selected: JsonValue[] = [];
      push(selected, node[step.name]);
      for (const item of selected) if (isJsonObject(item) && item[step.key] === step.value) out.push(item);
    }
  }
  return out;
}

const NOTHING: JsonValue[] = [];

/**
 * The extractor of a single element name (`status`, `identifier`): what most parameters are, and
 * what every write extracts for every parameter, so it skips the general walk's intermediate lists.
 * The answer may be the resource's own array: read it, never change it.
 */
function field(name: string): Extractor {
  return (resource) => {
    const value = resource[name];
    if (value === undefined || value === null) return NOTHING;
    if (!Array.isArray(value)) return [value];
    return value.includes(null) ? value.filter((item) => item !== null) : value;
  };
}

/**
 * Compiles an expression such as `name.given`, `effective[x]` or `code | reaction.substance`. The
 * selected elements are the resource's own (and may be its own array): read them, never change them.
 */
export function path(expression: string): Extractor {
  const branches = expression.split('|').map((branch) => branch.trim().split('.').map(parseStep));
  const [only, ...more] = branches;
  if (only?.length === 1 && only[0]?.kind === 'field' && more.length === 0) return field(only[0].name);
  return (resource) => {
    const out: JsonValue[] = [];
    for (const steps of branches) {
      let nodes: JsonValue[] = [resource];
      for (const step of steps) nodes = apply(step, nodes);
      out.push(...nodes);
    }
    return out;
  };
}
