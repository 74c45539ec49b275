/** Reading DICOM Part 10 files with dcmjs, and what the store indexes about each instance. */

import dcmjs, { type DicomDict } from 'dcmjs';
import { type DicomJsonDataset, firstString, fromDcmjs } from './dicom-json.js';
import { TAG } from './tags.js';
import { isUid } from './uids.js';

// dcmjs's validation logger reports every dictionary VR placeholder (`ox`, `xs`) it meets in
// implicit VR files as an error, i.e. almost every such image. Real problems surface as exceptions.
dcmjs.log.getLogger('validation.dcmjs').setLevel('silent');

/** Transfer syntax UIDs the emulator treats specially. */
export const TRANSFER_SYNTAX = {
  ImplicitVRLittleEndian: '1.2.840.10008.1.2',
  ExplicitVRLittleEndian: '1.2.840.10008.1.2.1',
  DeflatedExplicitVRLittleEndian: '1.2.840.10008.1.2.1.99',
  ExplicitVRBigEndian: '1.2.840.10008.1.2.2',
} as const;

/** The transfer syntaxes whose pixel data is not encapsulated. */
export const NATIVE_TRANSFER_SYNTAXES: ReadonlySet<string> = new Set(Object.values(TRANSFER_SYNTAX));

/** The bytes are not a DICOM Part 10 instance the store can accept; the message says why. */
export class DicomParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DicomParseError';
  }
}

/** A parsed Part 10 file. */
export interface Part10 {
  readonly file: DicomDict;
  readonly transferSyntax: string;
}

/** Parses Part 10 bytes; throws `DicomParseError` when dcmjs cannot. */
export function readPart10(bytes: Uint8Array): Part10 {
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  let file: DicomDict;
  try {
    file = dcmjs.data.DicomMessage.readFile(buffer);
  } catch (error) {
    throw new DicomParseError(`Not a readable DICOM Part 10 file: ${(error as Error).message}`);
  }
  const transferSyntax = file.meta['00020010']?.Value?.[0];
  if (typeof transferSyntax !== 'string' || transferSyntax === '') {
    throw new DicomParseError('The file meta information has no TransferSyntaxUID.');
  }
  return { file, transferSyntax };
}

/** What STOW keeps about an instance: its identity and its attributes as DICOM JSON. */
export interface ParsedInstance {
  readonly studyUid: string;
  readonly seriesUid: string;
  readonly sopUid: string;
  readonly sopClassUid: string;
  readonly transferSyntax: string;
  /** The data set without the file meta group; bulkdata as relative BulkDataURIs. */
  readonly attributes: DicomJsonDataset;
}

/** Parses and validates an instance for storing. */
export function parseInstance(bytes: Uint8Array): ParsedInstance {
  const { file, transferSyntax } = readPart10(bytes);
  const attributes = fromDcmjs(file.dict);
  const uid = (tag: string, keyword: string): string => {
    const value = firstString(attributes, tag)?.trim();
    if (value === undefined || !isUid(value)) {
      throw new DicomParseError(`${keyword} is missing or not a valid UID.`);
    }
    return value;
  };
  return {
    studyUid: uid(TAG.StudyInstanceUID, 'StudyInstanceUID'),
    seriesUid: uid(TAG.SeriesInstanceUID, 'SeriesInstanceUID'),
    sopUid: uid(TAG.SOPInstanceUID, 'SOPInstanceUID'),
    sopClassUid: uid(TAG.SOPClassUID, 'SOPClassUID'),
    transferSyntax,
    attributes,
  };
}
