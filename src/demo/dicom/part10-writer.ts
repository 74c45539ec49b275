/** Encoding a data set as a DICOM Part 10 file (Explicit VR Little Endian) with dcmjs. */

import dcmjs from 'dcmjs';
import { demoUid } from '../cohort/uids.js';

const EXPLICIT_VR_LITTLE_ENDIAN = '1.2.840.10008.1.2.1';
/** Identifies the software that wrote the files (PS3.10 7.1). */
const IMPLEMENTATION_CLASS_UID = demoUid('healthcare-graph/dicom-writer');
const IMPLEMENTATION_VERSION_NAME = 'HCGRAPH_DEMO_1';

/** What goes into a file besides the naturalized attributes. */
export interface Part10Content {
  sopClassUid: string;
  sopInstanceUid: string;
  /** Attributes by dcmjs keyword; `undefined` values are left out. */
  attributes: Record<string, unknown>;
  /** Attribute Tag (AT) values by 8-hex tag: dcmjs's naturalized form mangles them. */
  tagAttributes?: Record<string, number>;
  pixelData: Uint8Array;
  /** OW for 16-bit pixels, OB for 8-bit ones. */
  pixelVr: 'OB' | 'OW';
}

/** The Part 10 bytes of an instance. */
export function writePart10(content: Part10Content): Uint8Array {
  const { DicomDict, DicomMetaDictionary } = dcmjs.data;
  const meta = DicomMetaDictionary.denaturalizeDataset({
    // dcmjs writes OB values from a bare ArrayBuffer only.
    FileMetaInformationVersion: new Uint8Array([0, 1]).buffer,
    MediaStorageSOPClassUID: content.sopClassUid,
    MediaStorageSOPInstanceUID: content.sopInstanceUid,
    TransferSyntaxUID: EXPLICIT_VR_LITTLE_ENDIAN,
    ImplementationClassUID: IMPLEMENTATION_CLASS_UID,
    ImplementationVersionName: IMPLEMENTATION_VERSION_NAME,
  });
  const defined = Object.fromEntries(Object.entries(content.attributes).filter(([, v]) => v !== undefined));
  const file = new DicomDict(meta);
  file.dict = DicomMetaDictionary.denaturalizeDataset(defined);
  for (const [tag, value] of Object.entries(content.tagAttributes ?? {})) file.dict[tag] = { vr: 'AT', Value: [value] };
  const pixels = content.pixelData;
  file.dict['7FE00010'] = {
    vr: content.pixelVr,
    Value: [pixels.buffer.slice(pixels.byteOffset, pixels.byteOffset + pixels.byteLength)],
  };
  return new Uint8Array(file.write());
}
