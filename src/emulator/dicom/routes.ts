/** The DICOMweb route table of a DICOM store (reference §4.1), plus study/series metrics. */

import { int64, type JsonObject } from '../json.js';
import { requires, type RouteAccess } from '../iam/access.js';
import type { EmulatorRoute, EmulatorServices } from '../module.js';
import { jsonReply, type Reply } from '../reply.js';
import type { EmulatorRequest } from '../request.js';
import { retrieveBulkdata } from './bulkdata.js';
import { retrieveFrames, retrieveRendered } from './frames.js';
import { type InstanceRecord, storageSizes, studyInstances } from './instance-index.js';
import { type DicomWebTarget, instanceOf, resourceUrl, seriesOf, studyOf, targetOf, uidParam } from './lookup.js';
import { negotiate } from './media-types.js';
import { search, type SearchScope } from './qido.js';
import { parseQidoQuery, type QidoLevel } from './qido-query.js';
import { DATASET_OFFERS, datasetsReply, noContentReply } from './replies.js';
import { retrieveInstances, retrieveMetadata } from './retrieve.js';
import { storeInstances } from './stow.js';

const STORE = '/v1/projects/{project}/locations/{location}/datasets/{dataset}/dicomStores/{store}';
const WEB = `${STORE}/dicomWeb`;
const STUDY = `${WEB}/studies/{study}`;
const SERIES = `${STUDY}/series/{series}`;
const INSTANCE = `${SERIES}/instances/{instance}`;

/** STOW bodies may be large (Google sets no limit); the emulator reads them into memory. */
const MAX_STOW_BYTES = 1024 * 1024 * 1024;

const SERVICE = 'google.cloud.healthcare.v1.dicomweb.DicomWebService';
const EMPTY_RESPONSE: JsonObject = { '@type': 'type.googleapis.com/google.protobuf.Empty' };

/**
 * Every DICOMweb method's permission follows from its HTTP method (Google's access control page).
 * The study/series metrics and storage-info methods are not listed there; they read the store, so
 * they need `dicomWebRead` like the other GETs.
 */
const ACCESS: Readonly<Record<'GET' | 'POST' | 'DELETE', RouteAccess>> = {
  GET: requires('dicomStores', 'healthcare.dicomStores.dicomWebRead'),
  POST: requires('dicomStores', 'healthcare.dicomStores.dicomWebWrite'),
  DELETE: requires('dicomStores', 'healthcare.dicomStores.dicomWebDelete'),
};

/** Routes for every DICOM store. */
export function dicomWebRoutes({ state, operations }: EmulatorServices): EmulatorRoute[] {
  type Handler = (ctx: EmulatorRequest, target: DicomWebTarget) => Promise<Reply> | Reply;
  const route = (method: keyof typeof ACCESS, path: string, handle: Handler, query: EmulatorRoute['query'] = []): EmulatorRoute => ({
    method,
    path,
    query,
    access: ACCESS[method],
    handle: (ctx) => handle(ctx, targetOf(state, ctx)),
  });

  const qido = (level: QidoLevel, scopeOf: (ctx: EmulatorRequest) => SearchScope): Handler => (ctx, target) => {
    const query = parseQidoQuery(level, ctx.url.searchParams);
    const { kind } = negotiate(ctx.headers.accept, DATASET_OFFERS);
    const results = search(target.store.index, query, scopeOf(ctx), target.webRoot);
    return results.length === 0 ? noContentReply() : datasetsReply(kind, results);
  };
  const studyScope = (ctx: EmulatorRequest): SearchScope => ({ study: uidParam(ctx, 'study') });
  const seriesScope = (ctx: EmulatorRequest): SearchScope => ({ study: uidParam(ctx, 'study'), series: uidParam(ctx, 'series') });

  const deleteInstances = async (target: DicomWebTarget, records: InstanceRecord[], method: string): Promise<Reply> => {
    await target.store.delete(records);
    const operation = operations.completed(target.dataset, `${SERVICE}.${method}`, EMPTY_RESPONSE);
    await state.commit();
    return jsonReply(operation);
  };

  const metrics = (resourceKey: 'study' | 'series', name: string, instances: Iterable<InstanceRecord>, seriesCount?: number): Reply => {
    const sizes = storageSizes(instances);
    const body: JsonObject = { [resourceKey]: name };
    if (seriesCount !== undefined) body['seriesCount'] = int64(seriesCount);
    body['instanceCount'] = int64(sizes.instanceCount);
    body['structuredStorageSizeBytes'] = int64(sizes.structuredStorageSizeBytes);
    body['blobStorageSizeBytes'] = int64(sizes.blobStorageSizeBytes);
    return jsonReply(body);
  };
  /** `projects/…/dicomStores/{s}/dicomWeb/studies/…`: how the metrics methods name resources. */
  const resourceName = (target: DicomWebTarget, record: Parameters<typeof resourceUrl>[1]): string =>
    resourceUrl(`${target.store.name}/dicomWeb`, record);

  return [
    route('GET', `${WEB}/studies`, qido('study', () => ({})), 'any'),
    route('GET', `${WEB}/series`, qido('series', () => ({})), 'any'),
    route('GET', `${WEB}/instances`, qido('instance', () => ({})), 'any'),
    route('GET', `${STUDY}/series`, qido('series', studyScope), 'any'),
    route('GET', `${STUDY}/instances`, qido('instance', studyScope), 'any'),
    route('GET', `${SERIES}/instances`, qido('instance', seriesScope), 'any'),

    { ...route('POST', `${WEB}/studies`, (ctx, target) => storeInstances(ctx, target, undefined)), maxBodyBytes: MAX_STOW_BYTES },
    {
      ...route('POST', STUDY, (ctx, target) => storeInstances(ctx, target, uidParam(ctx, 'study'))),
      maxBodyBytes: MAX_STOW_BYTES,
    },

    route('GET', STUDY, (ctx, target) => retrieveInstances(ctx, target, [...studyInstances(studyOf(target, ctx))], false)),
    route('GET', SERIES, (ctx, target) => retrieveInstances(ctx, target, [...seriesOf(target, ctx).instances.values()], false)),
    route('GET', INSTANCE, (ctx, target) => retrieveInstances(ctx, target, [instanceOf(target, ctx)], true)),
    route('GET', `${STUDY}/metadata`, (ctx, target) => retrieveMetadata(ctx, target, [...studyInstances(studyOf(target, ctx))])),
    route('GET', `${SERIES}/metadata`, (ctx, target) => retrieveMetadata(ctx, target, [...seriesOf(target, ctx).instances.values()])),
    route('GET', `${INSTANCE}/metadata`, (ctx, target) => retrieveMetadata(ctx, target, [instanceOf(target, ctx)])),
    route('GET', `${INSTANCE}/frames/{frames}`, (ctx, target) => retrieveFrames(ctx, target, instanceOf(target, ctx), ctx.params['frames'] ?? '')),
    route('GET', `${INSTANCE}/rendered`, (ctx, target) => retrieveRendered(ctx, target, instanceOf(target, ctx), undefined), ['viewport']),
    route(
      'GET',
      `${INSTANCE}/frames/{frames}/rendered`,
      (ctx, target) => retrieveRendered(ctx, target, instanceOf(target, ctx), ctx.params['frames'] ?? ''),
      ['viewport'],
    ),
    route('GET', `${INSTANCE}/bulkdata/{path=**}`, (ctx, target) => retrieveBulkdata(ctx, target, instanceOf(target, ctx), ctx.params['path'] ?? '')),

    route('DELETE', STUDY, (ctx, target) => deleteInstances(target, [...studyInstances(studyOf(target, ctx))], 'DeleteStudy')),
    route('DELETE', SERIES, (ctx, target) => deleteInstances(target, [...seriesOf(target, ctx).instances.values()], 'DeleteSeries')),
    route('DELETE', INSTANCE, async (ctx, target) => {
      await target.store.delete([instanceOf(target, ctx)]);
      return jsonReply({});
    }),

    route('GET', `${STUDY}:getStudyMetrics`, (ctx, target) => {
      const study = studyOf(target, ctx);
      return metrics('study', resourceName(target, { studyUid: study.uid }), studyInstances(study), study.series.size);
    }),
    route('GET', `${SERIES}:getSeriesMetrics`, (ctx, target) => {
      const series = seriesOf(target, ctx);
      return metrics('series', resourceName(target, { studyUid: series.studyUid, seriesUid: series.uid }), series.instances.values());
    }),
    route('GET', `${INSTANCE}:getStorageInfo`, (ctx, target) => {
      const instance = instanceOf(target, ctx);
      return jsonReply({
        referencedResource: resourceName(target, instance),
        blobStorageInfo: { sizeBytes: int64(instance.blobBytes), storageClass: 'STANDARD' },
        structuredStorageInfo: { sizeBytes: int64(instance.structuredBytes) },
      });
    }),
  ];
}
