/**
 * Bulkdata retrieval: the targets of the BulkDataURIs metadata hands out,
 * `.../instances/{in}/bulkdata/{tag}[/{item}/{tag}…]`, as stored (`transfer-syntax=*`).
 */

import type { DcmjsDataset, DcmjsElement } from 'dcmjs';
import { notFound } from '../errors.js';
import type { Reply } from '../reply.js';
import type { EmulatorRequest } from '../request.js';
import { BINARY_VRS, binaryBytes } from './dicom-json.js';
import type { InstanceRecord } from './instance-index.js';
import { type DicomWebTarget, instanceBytes } from './lookup.js';
import { negotiate, type Offer } from './media-types.js';
import { readPart10 } from './part10.js';
import { multipartReply } from './replies.js';

const OCTET_STREAM = 'application/octet-stream';

const BULKDATA_OFFERS: readonly Offer<'multipart' | 'single'>[] = [
  { kind: 'multipart', mediaType: 'multipart/related', partType: OCTET_STREAM, transferSyntaxes: ['*'] },
  { kind: 'single', mediaType: OCTET_STREAM, transferSyntaxes: ['*'] },
];

/** Little-endian writers for the numeric VRs that become bulkdata when they hold many values. */
const NUMBER_WRITERS: Readonly<Record<string, [number, (view: DataView, at: number, value: number) => void]>> = {
  US: [2, (v, at, x) => v.setUint16(at, x, true)],
  UL: [4, (v, at, x) => v.setUint32(at, x, true)],
  AT: [4, (v, at, x) => {
    v.setUint16(at, x >>> 16, true);
    v.setUint16(at + 2, x & 0xffff, true);
  }],
  FL: [4, (v, at, x) => v.setFloat32(at, x, true)],
  FD: [8, (v, at, x) => v.setFloat64(at, x, true)],
  SV: [8, (v, at, x) => v.setBigInt64(at, BigInt(x), true)],
  UV: [8, (v, at, x) => v.setBigUint64(at, BigInt(x), true)],
};

function elementBytes(element: DcmjsElement): Uint8Array | undefined {
  if (BINARY_VRS.has(element.vr) || element.Value?.[0] instanceof ArrayBuffer) return binaryBytes(element);
  const writer = NUMBER_WRITERS[element.vr];
  if (writer === undefined) return undefined;
  const [width, write] = writer;
  const values = (element.Value ?? []).map(Number);
  const view = new DataView(new ArrayBuffer(values.length * width));
  values.forEach((value, i) => write(view, i * width, value));
  return new Uint8Array(view.buffer);
}

/** Follows `tag/item/tag/…` through a dcmjs data set. */
function locate(dataset: DcmjsDataset, path: readonly string[]): DcmjsElement | undefined {
  const [tag, item, ...rest] = path;
  const element = tag === undefined ? undefined : dataset[tag.toUpperCase()];
  if (element === undefined || item === undefined) return element;
  const nested = element.Value?.[Number(item)];
  return /^\d+$/.test(item) && typeof nested === 'object' && nested !== null ? locate(nested as DcmjsDataset, rest) : undefined;
}

/** Answers a bulkdata request for `path` within an instance. */
export async function retrieveBulkdata(ctx: EmulatorRequest, target: DicomWebTarget, record: InstanceRecord, path: string): Promise<Reply> {
  const { kind } = negotiate(ctx.headers.accept, BULKDATA_OFFERS);
  const part10 = readPart10(await instanceBytes(target, record));
  const element = locate(part10.file.dict, path.split('/').filter((s) => s !== ''));
  const bytes = element === undefined ? undefined : elementBytes(element);
  if (bytes === undefined) throw notFound(`No bulkdata at ${path}.`);
  const contentType = `${OCTET_STREAM}; transfer-syntax=${part10.transferSyntax}`;
  if (kind === 'single') return { status: 200, headers: { 'content-type': contentType }, body: Buffer.from(bytes) };
  return multipartReply(OCTET_STREAM, [{ contentType, body: bytes }]);
}
