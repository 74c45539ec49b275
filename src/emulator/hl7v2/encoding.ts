/**
 * HL7v2 ER7 encoding: the delimiters a message declares in MSH-1/MSH-2 and the escape sequences
 * (`\F\`, `\S\`, `\T\`, `\R\`, `\E\`, `\P\`, `\Xhh…\`) that stand for them inside values.
 */

/** The separators and escape character of one message. */
export interface Delimiters {
  field: string;
  component: string;
  repetition: string;
  escape: string;
  subcomponent: string;
  /** HL7 v2.7's truncation character (MSH-2 position 5), when declared. */
  truncation?: string;
}

/** HL7's recommended delimiters, `|^~\&`: what a message without a header is read with. */
export const DEFAULT_DELIMITERS: Delimiters = { field: '|', component: '^', repetition: '~', escape: '\\', subcomponent: '&' };

/**
 * Reads the delimiters from the start of an MSH segment (`MSH|^~\&…`). Returns a reason string
 * when they are unusable: missing, repeated, or alphanumeric.
 */
export function readDelimiters(msh: string): Delimiters | string {
  const field = msh.charAt(3);
  if (field === '') return 'the MSH segment has no field separator (MSH-1)';
  const end = msh.indexOf(field, 4);
  const encoding = end < 0 ? msh.slice(4) : msh.slice(4, end);
  if (encoding.length < 4 || encoding.length > 5) {
    return `MSH-2 must hold 4 or 5 encoding characters, got ${JSON.stringify(encoding)}`;
  }
  const chars = [field, ...encoding];
  if (new Set(chars).size !== chars.length || chars.some((c) => /[\p{L}\p{N}\s]/u.test(c))) {
    return `the delimiters ${JSON.stringify(chars.join(''))} must be distinct non-alphanumeric characters`;
  }
  const [component = '', repetition = '', escape = '', subcomponent = '', truncation] = encoding;
  return { field, component, repetition, escape, subcomponent, ...(truncation === undefined ? {} : { truncation }) };
}

/**
 * Replaces the escape sequences that stand for delimiters (and `\Xhh…\` hex data) with the
 * characters they stand for. Formatting escapes (`\H\`, `\N\`, `\.br\`, …) and unknown ones are
 * kept as written: they are display instructions, not data, and dropping them would lose them.
 */
export function unescapeValue(value: string, d: Delimiters): string {
  if (!value.includes(d.escape)) return value;
  let out = '';
  let i = 0;
  while (i < value.length) {
    const ch = value.charAt(i);
    const end = ch === d.escape ? value.indexOf(d.escape, i + 1) : -1;
    if (end < 0) {
      out += ch;
      i += 1;
      continue;
    }
    const code = value.slice(i + 1, end);
    const replacement = escapeMeaning(code, d);
    out += replacement ?? value.slice(i, end + 1);
    i = end + 1;
  }
  return out;
}

/** The escape code of each delimiter every message declares: `\F\` stands for the field separator, … */
const DELIMITER_CODES: readonly (readonly [Exclude<keyof Delimiters, 'truncation'>, string])[] = [
  ['escape', 'E'],
  ['field', 'F'],
  ['component', 'S'],
  ['subcomponent', 'T'],
  ['repetition', 'R'],
];

function escapeMeaning(code: string, d: Delimiters): string | undefined {
  // v2.7's truncation character is read back from `\P\`, but never escaped on writing.
  if (code === 'P') return d.truncation;
  const delimiter = DELIMITER_CODES.find(([, c]) => c === code)?.[0];
  if (delimiter !== undefined) return d[delimiter];
  if (/^X(?:[0-9A-Fa-f]{2})+$/.test(code)) return Buffer.from(code.slice(1), 'hex').toString('latin1');
  return undefined;
}

/** Escapes the delimiters in a value, for writing it into a message (the ACK's MSA-3 text). */
export function escapeValue(value: string, d: Delimiters): string {
  let out = '';
  for (const ch of value) {
    const code = DELIMITER_CODES.find(([delimiter]) => d[delimiter] === ch)?.[1];
    // Segment terminators cannot appear inside a value either; a space keeps the text readable.
    out += code === undefined ? (ch === '\r' || ch === '\n' ? ' ' : ch) : `${d.escape}${code}${d.escape}`;
  }
  return out;
}
