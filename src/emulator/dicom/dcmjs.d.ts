/**
 * The part of dcmjs (which ships no types) that the DICOMweb emulator and the demo image writer use.
 * Shapes were checked against dcmjs 0.51: `dict` elements carry `vr`, `Value` and an internal
 * `_rawValue`; binary values are `ArrayBuffer`s (one per frame for encapsulated pixel data); AT values
 * are the tag as an integer; PN values are `{ Alphabetic, Ideographic?, Phonetic? }` objects.
 */
declare module 'dcmjs' {
  /** One element of a denaturalized dataset, keyed by its 8-hex tag. */
  export interface DcmjsElement {
    vr: string;
    Value?: unknown[];
    InlineBinary?: string;
    BulkDataURI?: string;
    _rawValue?: unknown;
  }

  export type DcmjsDataset = Record<string, DcmjsElement>;

  export interface DcmjsDictionaryEntry {
    /** `(gggg,eeee)`; repeating groups use `xx`. */
    tag: string;
    vr: string;
    vm: string;
    name: string;
  }

  export interface ReadOptions {
    ignoreErrors?: boolean;
    untilTag?: string | null;
    includeUntilTagValue?: boolean;
    noCopy?: boolean;
    forceStoreRaw?: boolean;
  }

  export class DicomDict {
    constructor(meta: DcmjsDataset);
    meta: DcmjsDataset;
    dict: DcmjsDataset;
    /** Encodes a Part 10 file (preamble, meta group, dataset in the meta's transfer syntax). */
    write(options?: { allowInvalidVRLength?: boolean; fragmentMultiframe?: boolean }): ArrayBuffer;
  }

  export interface DcmjsData {
    DicomDict: typeof DicomDict;
    DicomMessage: {
      /** Parses a Part 10 file; throws on a missing preamble/meta or malformed data. */
      readFile(buffer: ArrayBuffer, options?: ReadOptions): DicomDict;
    };
    DicomMetaDictionary: {
      /** Keyed by `(gggg,eeee)`. */
      dictionary: Record<string, DcmjsDictionaryEntry>;
      /** Keyed by keyword. */
      nameMap: Record<string, DcmjsDictionaryEntry>;
      naturalizeDataset(dataset: DcmjsDataset): Record<string, unknown>;
      denaturalizeDataset(dataset: Record<string, unknown>): DcmjsDataset;
    };
  }

  /** A loglevel logger. */
  export interface DcmjsLogger {
    setLevel(level: 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'silent'): void;
    getLogger(name: string): DcmjsLogger;
  }

  const dcmjs: {
    data: DcmjsData;
    log: DcmjsLogger;
  };
  export default dcmjs;
}
