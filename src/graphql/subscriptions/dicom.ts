/** `dicomInstanceStored`: a DICOM store's new instances, read again for each subscriber. */
import { requireUid } from '../../healthcare/dicomweb.js';
import type { DicomStoreEvent, StoreEvent } from '../../live/store-events.js';
import type { RequestContext } from '../context.js';
import type { InstanceModel } from '../models.js';
import { loadInstance } from '../resolvers/dicom/models.js';
import { openStoreStream, readForEvent } from './open.js';

const isStored = (event: StoreEvent): event is DicomStoreEvent => event.kind === 'dicom' && event.action === 'STORE';

/** Instances stored in a store, of one study only when `studyInstanceUid` is given. */
export function dicomInstanceStored(store: string, studyInstanceUid: string | null | undefined, context: RequestContext) {
  const allowed = context.access.storeNamed('dicomStores', store);
  const study = studyInstanceUid ? requireUid(studyInstanceUid, 'studyInstanceUid') : undefined;
  return openStoreStream('dicomStores', allowed, context, (event) => isStored(event) && (study === undefined || event.studyInstanceUid === study), async (event) => {
    const { studyInstanceUid: studyUid, seriesInstanceUid, sopInstanceUid } = event as DicomStoreEvent;
    const read = await readForEvent<InstanceModel, InstanceModel>(() => loadInstance(allowed, studyUid, seriesInstanceUid, sopInstanceUid, context));
    if (read === undefined || 'failed' in read) return read?.failed;
    return { value: read.read };
  });
}
