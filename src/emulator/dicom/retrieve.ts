/**
 * WADO-RS retrieval of instances (study, series, instance) and of metadata (reference §4.3).
 * Instances come back in Explicit VR Little Endian unless `transfer-syntax=*` (or the stored
 * syntax) is asked for; the emulator can decompress but not compress.
 */

import type { Reply } from '../reply.js';
import type { EmulatorRequest } from '../request.js';
import { withBulkDataBase } from './dicom-json.js';
import type { InstanceRecord } from './instance-index.js';
import { type DicomWebTarget, instanceBytes, resourceUrl } from './lookup.js';
import { negotiate, notAcceptable, type Offer } from './media-types.js';
import { TRANSFER_SYNTAX } from './part10.js';
import { DATASET_OFFERS, datasetsReply, multipartReply } from './replies.js';
import { toExplicitLittleEndian, TranscodeError } from './transcode.js';

/** The transfer syntaxes Google lets clients ask for (reference §4.3); the default first. */
const RETRIEVE_SYNTAXES = [
  TRANSFER_SYNTAX.ExplicitVRLittleEndian,
  '*',
  TRANSFER_SYNTAX.ImplicitVRLittleEndian,
  TRANSFER_SYNTAX.DeflatedExplicitVRLittleEndian,
  '1.2.840.10008.1.2.4.50',
  '1.2.840.10008.1.2.4.51',
  '1.2.840.10008.1.2.4.57',
  '1.2.840.10008.1.2.4.70',
  '1.2.840.10008.1.2.4.80',
  '1.2.840.10008.1.2.4.81',
  '1.2.840.10008.1.2.4.90',
  '1.2.840.10008.1.2.4.91',
  '1.2.840.10008.1.2.4.110',
  '1.2.840.10008.1.2.4.111',
  '1.2.840.10008.1.2.4.112',
  '1.2.840.10008.1.2.4.201',
  '1.2.840.10008.1.2.4.202',
  '1.2.840.10008.1.2.4.203',
  '1.2.840.10008.1.2.5',
];

const DICOM = 'application/dicom';

const MULTIPART_OFFER: Offer<'multipart' | 'single'> = {
  kind: 'multipart',
  mediaType: 'multipart/related',
  partType: DICOM,
  transferSyntaxes: RETRIEVE_SYNTAXES,
};
/** RetrieveInstance also answers single-part `application/dicom` (Google's convenience). */
const SINGLE_OFFER: Offer<'multipart' | 'single'> = { kind: 'single', mediaType: DICOM, transferSyntaxes: RETRIEVE_SYNTAXES };

/** An instance's bytes in `transferSyntax` (`*` = as stored), with the syntax they are in. */
async function encodedInstance(
  target: DicomWebTarget,
  record: InstanceRecord,
  transferSyntax: string,
  accept: string | undefined,
  offers: readonly Offer<string>[],
): Promise<{ bytes: Uint8Array; transferSyntax: string }> {
  const stored = await instanceBytes(target, record);
  if (transferSyntax === '*' || transferSyntax === record.transferSyntax) {
    return { bytes: stored, transferSyntax: record.transferSyntax };
  }
  if (transferSyntax === TRANSFER_SYNTAX.ExplicitVRLittleEndian) {
    try {
      return { bytes: await toExplicitLittleEndian(stored, record.attributes), transferSyntax };
    } catch (error) {
      if (error instanceof TranscodeError) throw notAcceptable(accept, offers);
      throw error;
    }
  }
  // Encoding into a compressed syntax is beyond the emulator: only pass-through is possible.
  throw notAcceptable(accept, offers);
}

/** Retrieves instances as `multipart/related; type="application/dicom"` (or one bare instance). */
export async function retrieveInstances(
  ctx: EmulatorRequest,
  target: DicomWebTarget,
  records: readonly InstanceRecord[],
  allowSinglePart: boolean,
): Promise<Reply> {
  const offers = allowSinglePart ? [MULTIPART_OFFER, SINGLE_OFFER] : [MULTIPART_OFFER];
  const accept = ctx.headers.accept;
  const chosen = negotiate(accept, offers);
  const syntax = chosen.transferSyntax ?? TRANSFER_SYNTAX.ExplicitVRLittleEndian;
  const encoded = [];
  for (const record of records) encoded.push(await encodedInstance(target, record, syntax, accept, offers));
  const [first] = encoded;
  if (chosen.kind === 'single' && first !== undefined) {
    return { status: 200, headers: { 'content-type': `${DICOM}; transfer-syntax=${first.transferSyntax}` }, body: Buffer.from(first.bytes) };
  }
  return multipartReply(
    DICOM,
    encoded.map((e) => ({ contentType: `${DICOM}; transfer-syntax=${e.transferSyntax}`, body: e.bytes })),
  );
}

/** Retrieves metadata: every instance's attributes, bulkdata as absolute BulkDataURIs. */
export function retrieveMetadata(ctx: EmulatorRequest, target: DicomWebTarget, records: readonly InstanceRecord[]): Reply {
  const { kind } = negotiate(ctx.headers.accept, DATASET_OFFERS);
  return datasetsReply(
    kind,
    records.map((r) => withBulkDataBase(r.attributes, resourceUrl(target.webRoot, r))),
  );
}
