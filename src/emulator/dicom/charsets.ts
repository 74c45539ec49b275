/**
 * Specific Character Set (0008,0005) decoding (PS3.5 6.1), for what dcmjs cannot decode: several
 * character sets at once and ISO 2022 code extensions (Japanese `ISO 2022 IR 13\ISO 2022 IR 87`,
 * Korean `\ISO 2022 IR 149`, ...). Escape sequences switch the G0 and G1 code elements; each run of
 * bytes is decoded with iconv-lite's table for its character set. The multi-byte sets are decoded
 * through their EUC forms (JIS X 0208/0212 with the high bit set are EUC-JP, KS X 1001 in G1 is
 * EUC-KR), which is how iconv-lite holds them.
 */
import iconv from 'iconv-lite';

const ESC = 0x1b;

/** A code element: how the bytes of a run in it become text. */
type CodeElement =
  | { kind: 'single'; encoding: string }
  /** Two bytes a character, 0x21–0x7E (G0) or 0xA1–0xFE (G1), as EUC bytes (with `prefix` before each pair). */
  | { kind: 'double'; encoding: string; prefix?: number };

const ASCII: CodeElement = { kind: 'single', encoding: 'ascii' };
const JIS_ROMAN: CodeElement = { kind: 'single', encoding: 'shift_jis' };
const JIS_KATAKANA: CodeElement = { kind: 'single', encoding: 'shift_jis' };
const JIS_X_0208: CodeElement = { kind: 'double', encoding: 'euc-jp' };
const JIS_X_0212: CodeElement = { kind: 'double', encoding: 'euc-jp', prefix: 0x8f };
const KS_X_1001: CodeElement = { kind: 'double', encoding: 'euc-kr' };
const GB_2312: CodeElement = { kind: 'double', encoding: 'gb2312' };
const single = (encoding: string): CodeElement => ({ kind: 'single', encoding });

/** The character sets of the ISO 2022 defined terms (PS3.3 C.12.1.1.2): G0 and G1 each sets, and its escape sequence. */
const ISO_2022: Readonly<Record<string, { g0?: CodeElement; g1?: CodeElement; escape: string }>> = {
  'ISO 2022 IR 6': { g0: ASCII, escape: '(B' },
  'ISO 2022 IR 100': { g0: ASCII, g1: single('iso-8859-1'), escape: '-A' },
  'ISO 2022 IR 101': { g0: ASCII, g1: single('iso-8859-2'), escape: '-B' },
  'ISO 2022 IR 109': { g0: ASCII, g1: single('iso-8859-3'), escape: '-C' },
  'ISO 2022 IR 110': { g0: ASCII, g1: single('iso-8859-4'), escape: '-D' },
  'ISO 2022 IR 144': { g0: ASCII, g1: single('iso-8859-5'), escape: '-L' },
  'ISO 2022 IR 127': { g0: ASCII, g1: single('iso-8859-6'), escape: '-G' },
  'ISO 2022 IR 126': { g0: ASCII, g1: single('iso-8859-7'), escape: '-F' },
  'ISO 2022 IR 138': { g0: ASCII, g1: single('iso-8859-8'), escape: '-H' },
  'ISO 2022 IR 148': { g0: ASCII, g1: single('iso-8859-9'), escape: '-M' },
  'ISO 2022 IR 203': { g0: ASCII, g1: single('iso-8859-15'), escape: '-b' },
  'ISO 2022 IR 166': { g0: ASCII, g1: single('tis-620'), escape: '-T' },
  'ISO 2022 IR 13': { g0: JIS_ROMAN, g1: JIS_KATAKANA, escape: '(J' },
  'ISO 2022 IR 87': { g0: JIS_X_0208, escape: '$B' },
  'ISO 2022 IR 159': { g0: JIS_X_0212, escape: '$(D' },
  'ISO 2022 IR 149': { g1: KS_X_1001, escape: '$)C' },
  'ISO 2022 IR 58': { g1: GB_2312, escape: '$)A' },
};

/** Escape sequences (the bytes after ESC) that designate a code element, including those no defined term starts with. */
type Designation = { element: CodeElement; into: 'g0' | 'g1' };
const DESIGNATIONS: ReadonlyMap<string, Designation> = new Map<string, Designation>([
  ['(B', { element: ASCII, into: 'g0' }],
  ['(J', { element: JIS_ROMAN, into: 'g0' }],
  [')I', { element: JIS_KATAKANA, into: 'g1' }],
  ['$B', { element: JIS_X_0208, into: 'g0' }],
  ['$@', { element: JIS_X_0208, into: 'g0' }],
  ['$(D', { element: JIS_X_0212, into: 'g0' }],
  ['$)C', { element: KS_X_1001, into: 'g1' }],
  ['$)A', { element: GB_2312, into: 'g1' }],
  ...Object.values(ISO_2022).filter((set) => set.g1 !== undefined).map((set): [string, Designation] => [set.escape, { element: set.g1!, into: 'g1' }]),
]);

/** Single-set terms without code extensions (PS3.3 C.12.1.1.2 Table C.12-2, C.12-4, C.12-5). */
const SINGLE_SETS: Readonly<Record<string, string>> = {
  'ISO_IR 6': 'ascii',
  'ISO_IR 100': 'iso-8859-1',
  'ISO_IR 101': 'iso-8859-2',
  'ISO_IR 109': 'iso-8859-3',
  'ISO_IR 110': 'iso-8859-4',
  'ISO_IR 144': 'iso-8859-5',
  'ISO_IR 127': 'iso-8859-6',
  'ISO_IR 126': 'iso-8859-7',
  'ISO_IR 138': 'iso-8859-8',
  'ISO_IR 148': 'iso-8859-9',
  'ISO_IR 203': 'iso-8859-15',
  'ISO_IR 13': 'shift_jis',
  'ISO_IR 166': 'tis-620',
  'ISO_IR 192': 'utf-8',
  GB18030: 'gb18030',
  GBK: 'gbk',
};

/** Bytes that end a value, a person name's component or group, or a line: the code elements go back to their initial state. */
const RESETS: ReadonlySet<number> = new Set([0x5c, 0x3d, 0x5e, 0x0d, 0x0a, 0x09, 0x0c]);

/** The text of one element's bytes. */
export type TextDecoding = (bytes: Uint8Array) => string;

/** Whether dcmjs (one character set, no code extensions) reads a Specific Character Set itself. */
export function needsOwnDecoding(terms: readonly string[]): boolean {
  return terms.length > 1 || terms.some((term) => term.trim().startsWith('ISO 2022'));
}

/**
 * The decoding for a Specific Character Set's terms; an unknown term is an error, as it is for
 * dcmjs. An empty first term means the default repertoire (ASCII) for G0.
 */
export function textDecoding(terms: readonly string[]): TextDecoding {
  const trimmed = terms.map((term) => term.trim());
  if (!needsOwnDecoding(trimmed)) {
    const encoding = SINGLE_SETS[trimmed[0] ?? 'ISO_IR 6'] ?? (trimmed[0] === '' ? 'ascii' : undefined);
    if (encoding === undefined) throw new Error(`Unsupported character set: ${trimmed[0]}`);
    return (bytes) => iconv.decode(Buffer.from(bytes), encoding);
  }
  const sets = trimmed.map((term, i) => {
    if (i === 0 && term === '') return ISO_2022['ISO 2022 IR 6']!;
    const set = ISO_2022[term];
    if (set === undefined) throw new Error(`Unsupported character set: ${term}`);
    return set;
  });
  const initial = { g0: sets[0]!.g0 ?? ASCII, g1: sets[0]!.g1 };
  return (bytes) => decodeIso2022(bytes, initial);
}

function decodeIso2022(bytes: Uint8Array, initial: { g0: CodeElement; g1?: CodeElement }): string {
  let { g0, g1 } = initial;
  let text = '';
  let i = 0;
  while (i < bytes.length) {
    const byte = bytes[i]!;
    if (byte === ESC) {
      const designation = [3, 2].map((length) => String.fromCharCode(...bytes.subarray(i + 1, i + 1 + length))).find((key) => DESIGNATIONS.has(key));
      if (designation !== undefined) {
        const { element, into } = DESIGNATIONS.get(designation)!;
        if (into === 'g0') g0 = element;
        else g1 = element;
        i += 1 + designation.length;
        continue;
      }
    }
    const high = byte >= 0x80;
    const element = high ? g1 : g0;
    // A run of bytes in one code element: to the next escape, or the other half of the code table.
    let end = i;
    while (end < bytes.length && bytes[end] !== ESC && (bytes[end]! >= 0x80) === high && !(element?.kind !== 'double' && RESETS.has(bytes[end]!))) end += 1;
    if (end === i) {
      // A delimiter in a single-byte G0: it is ASCII, and the code elements start over.
      text += String.fromCharCode(byte);
      ({ g0, g1 } = initial);
      i += 1;
      continue;
    }
    text += decodeRun(bytes.subarray(i, end), element, high);
    i = end;
  }
  return text;
}

function decodeRun(run: Uint8Array, element: CodeElement | undefined, high: boolean): string {
  if (element === undefined) return iconv.decode(Buffer.from(run), 'latin1');
  if (element.kind === 'single') {
    // JIS X 0201 katakana in G1 are the Shift_JIS single bytes 0xA1–0xDF; the ISO 8859 tables take high bytes as they are.
    return iconv.decode(Buffer.from(run), element.encoding);
  }
  const euc: number[] = [];
  for (let at = 0; at + 1 < run.length; at += 2) {
    if (element.prefix !== undefined) euc.push(element.prefix);
    euc.push(run[at]! | 0x80, run[at + 1]! | 0x80);
  }
  return iconv.decode(Buffer.from(euc), element.encoding) + (run.length % 2 === 1 && !high ? String.fromCharCode(run.at(-1)!) : '');
}
