/** Reading DICOM Part 10 files with dcmjs, and what the store indexes about each instance. */

import dcmjs, { type DicomDict } from 'dcmjs';
import { decodeTextElements, ownCharacterSet, withSingleByteCharacterSet } from './character-set-dataset.js';
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

/**
 * Parses Part 10 bytes; throws `DicomParseError` when dcmjs cannot. A data set without the Part 10
 * preamble and `DICM` prefix is refused as Google refuses it: its STOW-RS takes Part 10 files
 * (`application/dicom`, PS3.18 8.7.3), which is why Google's own DIMSE adapter writes the file
 * meta information in front of every dataset it receives before storing it. Text in character sets
 * dcmjs cannot decode (ISO 2022 code extensions) is decoded by charsets.ts.
 */
export function readPart10(bytes: Uint8Array): Part10 {
  if (bytes.length < 132 || String.fromCharCode(...bytes.subarray(128, 132)) !== 'DICM') {
    throw new DicomParseError('Not a DICOM Part 10 file: no 128-byte preamble and "DICM" prefix (a bare data set needs its file meta information, as PS3.10 and STOW-RS require).');
  }
  const ownCharacters = ownCharacterSet(bytes);
  const readable = ownCharacters === undefined ? bytes : withSingleByteCharacterSet(bytes, ownCharacters);
  const buffer = readable.buffer.slice(readable.byteOffset, readable.byteOffset + readable.byteLength) as ArrayBuffer;
  let file: DicomDict;
  try {
    file = dcmjs.data.DicomMessage.readFile(buffer);
  } catch (error) {
    throw new DicomParseError(`Not a readable DICOM Part 10 file: ${(error as Error).message}`);
  }
  if (ownCharacters !== undefined) {
    try {
      decodeTextElements(file.dict, ownCharacters.terms);
    } catch (error) {
      throw new DicomParseError(`Not a readable DICOM Part 10 file: ${(error as Error).message}`);
    }
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
