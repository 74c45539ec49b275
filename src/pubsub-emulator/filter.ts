/**
 * Subscription filters (https://cloud.google.com/pubsub/docs/subscription-message-filter): tests on
 * message attributes, `attributes:KEY`, `attributes.KEY = "v"`, `attributes.KEY != "v"` and
 * `hasPrefix(attributes.KEY, "p")`, combined with `AND`, `OR`, `NOT` (or `-`) and parentheses.
 * As in Pub/Sub, `AND` and `OR` cannot be mixed without parentheses. Anything else is refused
 * when the subscription is created.
 */

import { invalidArgument } from './status.js';

/** Decides whether a message with these attributes is delivered to the subscription. */
export type AttributeFilter = (attributes: Readonly<Record<string, string>>) => boolean;

/** Pub/Sub's documented maximum filter length. */
const MAX_FILTER_LENGTH = 256;

type Token = { kind: 'string' | 'word' | 'punct'; text: string };

function tokenize(filter: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /\s+|"((?:[^"\\]|\\.)*)"|([A-Za-z_][A-Za-z0-9_-]*)|(!=|[=:().,-])/y;
  let at = 0;
  while (at < filter.length) {
    pattern.lastIndex = at;
    const match = pattern.exec(filter);
    if (match === null) throw invalidArgument(`Invalid filter: unexpected character at position ${at + 1}.`);
    at = pattern.lastIndex;
    if (match[1] !== undefined) tokens.push({ kind: 'string', text: match[1].replace(/\\(.)/g, '$1') });
    else if (match[2] !== undefined) tokens.push({ kind: 'word', text: match[2] });
    else if (match[3] !== undefined) tokens.push({ kind: 'punct', text: match[3] });
  }
  return tokens;
}

class Parser {
  private pos = 0;

  constructor(private readonly tokens: Token[]) {}

  parse(): AttributeFilter {
    const filter = this.expression();
    if (this.pos < this.tokens.length) throw this.error();
    return filter;
  }

  private error(): Error {
    const token = this.tokens[this.pos];
    return invalidArgument(`Invalid filter: ${token === undefined ? 'unexpected end' : `unexpected "${token.text}"`}.`);
  }

  private accept(text: string): boolean {
    if (this.tokens[this.pos]?.text !== text) return false;
    this.pos += 1;
    return true;
  }

  private expect(text: string): void {
    if (!this.accept(text)) throw this.error();
  }

  private take(kind: Token['kind']): string {
    const token = this.tokens[this.pos];
    if (token?.kind !== kind) throw this.error();
    this.pos += 1;
    return token.text;
  }

  private expression(): AttributeFilter {
    const first = this.term();
    const word = this.tokens[this.pos]?.text;
    if (word !== 'AND' && word !== 'OR') return first;
    const terms = [first];
    while (this.accept(word)) terms.push(this.term());
    const other = word === 'AND' ? 'OR' : 'AND';
    if (this.tokens[this.pos]?.text === other) throw invalidArgument('Invalid filter: AND and OR need parentheses to be combined.');
    return word === 'AND' ? (a) => terms.every((t) => t(a)) : (a) => terms.some((t) => t(a));
  }

  private term(): AttributeFilter {
    if (this.accept('NOT') || this.accept('-')) {
      const inner = this.term();
      return (a) => !inner(a);
    }
    if (this.accept('(')) {
      const inner = this.expression();
      this.expect(')');
      return inner;
    }
    if (this.accept('hasPrefix')) {
      this.expect('(');
      const key = this.attributeKey('.');
      this.expect(',');
      const prefix = this.take('string');
      this.expect(')');
      return (a) => a[key]?.startsWith(prefix) === true;
    }
    if (this.tokens[this.pos + 1]?.text === ':') {
      const key = this.attributeKey(':');
      return (a) => Object.hasOwn(a, key);
    }
    const key = this.attributeKey('.');
    const negated = this.accept('!=');
    if (!negated) this.expect('=');
    const value = this.take('string');
    return negated ? (a) => a[key] !== value : (a) => a[key] === value;
  }

  /** `attributes<separator>KEY`, the key a word or a quoted string. */
  private attributeKey(separator: '.' | ':'): string {
    if (this.take('word') !== 'attributes') throw invalidArgument('Invalid filter: only attributes can be filtered on.');
    this.expect(separator);
    const token = this.tokens[this.pos];
    if (token?.kind !== 'word' && token?.kind !== 'string') throw this.error();
    this.pos += 1;
    return token.text;
  }
}

/** Parses a subscription filter; an empty one delivers everything. */
export function parseAttributeFilter(filter: string): AttributeFilter {
  if (filter.trim() === '') return () => true;
  if (filter.length > MAX_FILTER_LENGTH) throw invalidArgument(`Invalid filter: longer than ${MAX_FILTER_LENGTH} characters.`);
  return new Parser(tokenize(filter)).parse();
}
