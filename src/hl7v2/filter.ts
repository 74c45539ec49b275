/**
 * The `filter` of `messages.list` (and of notification configs and the graph's
 * `hl7V2MessageReceived`), reference §8: comparisons on
 * `message_type`, `send_facility` (text: `=` only), `send_time`, `create_time` (RFC 3339) and
 * `send_date` (`YYYY-MM-DD` in the dataset's time zone) with `= < <= > >=`, `labels.key = "v"`
 * and `labels.key:*`, `PatientId("value", "type")`, combined with `AND`, `OR`, `NOT` and
 * parentheses. As in AIP-160, `OR` binds tighter than `AND`. Anything else is a
 * {@link FilterSyntaxError}: the emulator answers it with a 400, the graph with BAD_USER_INPUT.
 * Pure: shared by the emulator (on its stored records) and the graph (on messages as the API returns them).
 */

import { dateIn, isRealDate, parseRfc3339, type Micros } from './datetime.js';

/** What a filter looks at in a message. */
export interface FilterableMessage {
  messageType?: string;
  sendFacility?: string;
  sendTime?: Micros;
  createTime?: Micros;
  labels: Readonly<Record<string, string>>;
  patientIds: readonly { value?: string; type?: string }[];
}

/** A filter that does not parse; the message says where and why, in Google's words. */
export class FilterSyntaxError extends Error {
  override readonly name = 'FilterSyntaxError';
}

/** What a filter is evaluated against besides the message. */
export interface FilterContext {
  /** The dataset's time zone, for `send_date`. */
  zone: string;
}

export type MessagePredicate = (message: FilterableMessage, context: FilterContext) => boolean;

/** The longest filter accepted; longer ones are refused before parsing. */
export const MAX_FILTER_LENGTH = 4096;

type Token =
  | { kind: 'string'; text: string; at: number }
  | { kind: 'word'; text: string; at: number }
  | { kind: 'op'; text: '=' | '<' | '<=' | '>' | '>=' | '!=' | ':'; at: number }
  | { kind: 'punct'; text: '(' | ')' | ',' | '.' | '*'; at: number };

function bad(filter: string, reason: string): FilterSyntaxError {
  return new FilterSyntaxError(`Invalid filter ${JSON.stringify(filter)}: ${reason}.`);
}

function tokenize(filter: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < filter.length) {
    const ch = filter.charAt(i);
    if (/\s/.test(ch)) {
      i += 1;
    } else if (ch === '"') {
      let text = '';
      let j = i + 1;
      for (; j < filter.length && filter.charAt(j) !== '"'; j++) {
        // A backslash escapes the next character, so a quote can be part of the text.
        if (filter.charAt(j) === '\\' && j + 1 < filter.length) j += 1;
        text += filter.charAt(j);
      }
      if (j >= filter.length) throw bad(filter, `unterminated string starting at position ${i + 1}`);
      tokens.push({ kind: 'string', text, at: i });
      i = j + 1;
    } else if ('<>!'.includes(ch) && filter.charAt(i + 1) === '=') {
      tokens.push({ kind: 'op', text: `${ch}=` as '<=' | '>=' | '!=', at: i });
      i += 2;
    } else if ('=<>:'.includes(ch)) {
      tokens.push({ kind: 'op', text: ch as '=' | '<' | '>' | ':', at: i });
      i += 1;
    } else if ('(),.*'.includes(ch)) {
      tokens.push({ kind: 'punct', text: ch as '(' | ')' | ',' | '.' | '*', at: i });
      i += 1;
    } else {
      const m = /^[\p{L}\p{N}_-]+/u.exec(filter.slice(i));
      if (m === null) throw bad(filter, `unexpected character ${JSON.stringify(ch)} at position ${i + 1}`);
      tokens.push({ kind: 'word', text: m[0], at: i });
      i += m[0].length;
    }
  }
  return tokens;
}

/** Words of a text, lower-cased: `=` on text fields finds the query's words within the field. */
function words(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
}

function containsWords(field: string | undefined, query: string): boolean {
  const want = words(query);
  if (want.length === 0) return (field ?? '') === query;
  const have = words(field ?? '');
  for (let i = 0; i + want.length <= have.length; i++) {
    if (want.every((w, k) => have[i + k] === w)) return true;
  }
  return false;
}

function compare(left: number | string, op: string, right: number | string): boolean {
  switch (op) {
    case '=':
      return left === right;
    case '<':
      return left < right;
    case '<=':
      return left <= right;
    case '>':
      return left > right;
    default:
      return left >= right;
  }
}

const TEXT_FIELDS: Readonly<Record<string, (m: FilterableMessage) => string | undefined>> = {
  message_type: (m) => m.messageType,
  messageType: (m) => m.messageType,
  send_facility: (m) => m.sendFacility,
  sendFacility: (m) => m.sendFacility,
};

const TIME_FIELDS: Readonly<Record<string, (m: FilterableMessage) => Micros | undefined>> = {
  send_time: (m) => m.sendTime,
  sendTime: (m) => m.sendTime,
  create_time: (m) => m.createTime,
  createTime: (m) => m.createTime,
};

const DATE_FIELDS = new Set(['send_date', 'sendDate']);

class Parser {
  private pos = 0;

  constructor(
    private readonly filter: string,
    private readonly tokens: Token[],
  ) {}

  parse(): MessagePredicate {
    const predicate = this.conjunction();
    const extra = this.tokens[this.pos];
    if (extra !== undefined) throw this.error(`unexpected ${JSON.stringify(extra.text)} at position ${extra.at + 1}`);
    return predicate;
  }

  private error(reason: string): FilterSyntaxError {
    return bad(this.filter, reason);
  }

  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }

  private isWord(text: string): boolean {
    const token = this.peek();
    return token?.kind === 'word' && token.text === text;
  }

  private expectPunct(text: string): void {
    const token = this.peek();
    if (token?.kind !== 'punct' || token.text !== text) {
      throw this.error(token === undefined ? `expected "${text}" at the end` : `expected "${text}" at position ${token.at + 1}`);
    }
    this.pos += 1;
  }

  private conjunction(): MessagePredicate {
    const parts = this.operands('AND', () => this.disjunction());
    return parts.length === 1 ? (parts[0] as MessagePredicate) : (m, c) => parts.every((p) => p(m, c));
  }

  private disjunction(): MessagePredicate {
    const parts = this.operands('OR', () => this.negation());
    return parts.length === 1 ? (parts[0] as MessagePredicate) : (m, c) => parts.some((p) => p(m, c));
  }

  /** `operand (word operand)*`: the operands of one binary operator. */
  private operands(word: 'AND' | 'OR', operand: () => MessagePredicate): MessagePredicate[] {
    const parts = [operand()];
    while (this.isWord(word)) {
      this.pos += 1;
      parts.push(operand());
    }
    return parts;
  }

  private negation(): MessagePredicate {
    if (this.isWord('NOT')) {
      this.pos += 1;
      const inner = this.negation();
      return (m, c) => !inner(m, c);
    }
    return this.primary();
  }

  private primary(): MessagePredicate {
    const token = this.peek();
    if (token === undefined) throw this.error('expected an expression at the end');
    if (token.kind === 'punct' && token.text === '(') {
      this.pos += 1;
      const inner = this.conjunction();
      this.expectPunct(')');
      return inner;
    }
    if (token.kind !== 'word' || ['AND', 'OR', 'NOT'].includes(token.text)) {
      throw this.error(`expected a field or function at position ${token.at + 1}`);
    }
    this.pos += 1;
    const next = this.peek();
    if (next?.kind === 'punct' && next.text === '(') return this.call(token.text, token.at);
    if (token.text === 'labels') return this.label();
    return this.comparison(token.text, token.at);
  }

  private call(name: string, at: number): MessagePredicate {
    if (name !== 'PatientId') throw this.error(`unknown function ${JSON.stringify(name)} at position ${at + 1}; only PatientId(value, type) exists`);
    this.expectPunct('(');
    const value = this.stringArgument();
    this.expectPunct(',');
    const type = this.stringArgument();
    this.expectPunct(')');
    return (m) => m.patientIds.some((id) => id.value === value && (id.type ?? '') === type);
  }

  private stringArgument(): string {
    const token = this.peek();
    if (token?.kind !== 'string') throw this.error('PatientId takes two quoted strings, e.g. PatientId("123456", "MRN")');
    this.pos += 1;
    return token.text;
  }

  private operator(): Token & { kind: 'op' } {
    const token = this.peek();
    if (token?.kind !== 'op') throw this.error(token === undefined ? 'expected an operator at the end' : `expected an operator at position ${token.at + 1}`);
    if (token.text === '!=') throw this.error('there is no != operator; negate with NOT');
    this.pos += 1;
    return token;
  }

  private value(): string {
    const token = this.peek();
    if (token?.kind === 'string' || token?.kind === 'word') {
      this.pos += 1;
      return token.text;
    }
    throw this.error(token === undefined ? 'expected a value at the end' : `expected a value at position ${token.at + 1}`);
  }

  private label(): MessagePredicate {
    this.expectPunct('.');
    const keyToken = this.peek();
    if (keyToken?.kind !== 'string' && keyToken?.kind !== 'word') throw this.error('expected a label key after "labels."');
    this.pos += 1;
    const key = keyToken.text;
    const op = this.operator();
    const star = this.peek();
    if (op.text === ':' && star?.kind === 'punct' && star.text === '*') {
      this.pos += 1;
      return (m) => Object.hasOwn(m.labels, key);
    }
    if (op.text !== '=' && op.text !== ':') throw this.error(`labels only support = and :*, not ${op.text}`);
    const value = this.value();
    return (m) => m.labels[key] === value;
  }

  private comparison(field: string, at: number): MessagePredicate {
    const text = TEXT_FIELDS[field];
    const time = TIME_FIELDS[field];
    if (text === undefined && time === undefined && !DATE_FIELDS.has(field)) {
      throw this.error(
        `unknown field ${JSON.stringify(field)} at position ${at + 1}; use message_type, send_facility, send_time, send_date, create_time, labels.key or PatientId()`,
      );
    }
    const op = this.operator();
    if (op.text === ':') throw this.error(`":" is only valid on labels`);
    const value = this.value();
    if (text !== undefined) {
      if (op.text !== '=') throw this.error(`${field} is a text field: only = is valid`);
      return (m) => containsWords(text(m), value);
    }
    if (time !== undefined) {
      const bound = parseRfc3339(value);
      if (bound === undefined) throw this.error(`${field} compares with an RFC 3339 time such as "2017-01-02T00:00:00-05:00", got ${JSON.stringify(value)}`);
      return (m) => {
        const actual = time(m);
        return actual !== undefined && compare(actual, op.text, bound);
      };
    }
    if (!isRealDate(value)) throw this.error(`${field} compares with a date written YYYY-MM-DD, got ${JSON.stringify(value)}`);
    return (m, c) => m.sendTime !== undefined && compare(dateIn(c.zone, m.sendTime), op.text, value);
  }
}

/** Parses a filter; empty or absent matches everything. Throws {@link FilterSyntaxError} when malformed. */
export function parseFilter(filter: string | undefined): MessagePredicate {
  if (filter === undefined || filter.trim() === '') return () => true;
  if (filter.length > MAX_FILTER_LENGTH) throw new FilterSyntaxError(`Invalid filter: longer than ${MAX_FILTER_LENGTH} characters.`);
  return new Parser(filter, tokenize(filter)).parse();
}
