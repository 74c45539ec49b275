/**
 * `dicomStores.import` and `dicomStores.export` (reference §2.2) against the emulated Cloud
 * Storage. Import stores every matched file, one instance each: a file that is not DICOM fails,
 * an instance already stored is left as it is (Google ignores duplicates). Export writes each
 * instance as `{uriPrefix}/{study}/{series}/{instance}.dcm`, in its stored format.
 */

import { invalidArgument } from '../errors.js';
import type { Chunk } from '../deid/job.js';
import { DuplicateInstanceError, type DicomStore } from '../dicom/dicom-store.js';
import { studyInstances } from '../dicom/instance-index.js';
import { DicomParseError, parseInstance } from '../dicom/part10.js';
import type { GcsFolder, GcsObject, GcsUri } from '../gcs.js';
import type { JsonObject } from '../json.js';
import { checkFields, gcsDestination, gcsSourceUri, message, optionalString, refuseUnreachable } from './requests.js';

export const DICOM_IMPORT_METHOD = 'google.cloud.healthcare.v1.dicom.DicomService.ImportDicomData';
export const DICOM_EXPORT_METHOD = 'google.cloud.healthcare.v1.dicom.DicomService.ExportDicomData';
export const DICOM_IMPORT_RESPONSE = { '@type': 'type.googleapis.com/google.cloud.healthcare.v1.dicom.ImportDicomDataResponse' };
export const DICOM_EXPORT_RESPONSE = { '@type': 'type.googleapis.com/google.cloud.healthcare.v1.dicom.ExportDicomDataResponse' };

/** The export formats that are the stored bytes as they are (the emulator does not transcode exports). */
const STORED_FORMAT = new Set(['', 'application/dicom', 'application/dicom; transfer-syntax=*']);

/** A validated `ImportDicomDataRequest`: the source URI. */
export function parseDicomImportRequest(body: JsonObject): string {
  checkFields(body, ['gcsSource', 'blobStorageSettings']);
  message(body, 'blobStorageSettings', ['blobStorageClass']);
  return gcsSourceUri(body);
}

/** Stores one file; resolves to 1 when it failed (not DICOM), else 0. */
async function importFile(gcs: GcsFolder, store: DicomStore, file: GcsObject): Promise<number> {
  const bytes = await gcs.read(file);
  try {
    await store.put(parseInstance(bytes), bytes, 'ImportDicomData');
  } catch (error) {
    if (error instanceof DuplicateInstanceError) return 0;
    if (error instanceof DicomParseError) return 1;
    throw error;
  }
  return 0;
}

/** One chunk per file. */
export function planDicomImport(gcs: GcsFolder, store: DicomStore, files: readonly GcsObject[]): Chunk[] {
  return files.map((file) => ({ size: 1, run: () => importFile(gcs, store, file) }));
}

/** A validated `ExportDicomDataRequest` for Cloud Storage: the destination prefix. */
export function parseDicomExportRequest(body: JsonObject): GcsUri {
  checkFields(body, ['gcsDestination', 'bigqueryDestination']);
  refuseUnreachable(body, ['bigqueryDestination']);
  const { prefix, destination } = gcsDestination(body, ['mimeType']);
  const mimeType = optionalString(destination, 'mimeType', 'gcsDestination.mimeType') ?? '';
  if (!STORED_FORMAT.has(mimeType.replace(/\s*;\s*/g, '; ').trim())) {
    throw invalidArgument(`gcsDestination.mimeType "${mimeType.slice(0, 100)}": the emulator exports instances in their stored format only (leave mimeType out, or use application/dicom).`);
  }
  return prefix;
}

/** One chunk per study, so progress moves study by study. */
export function planDicomExport(gcs: GcsFolder, store: DicomStore, prefix: GcsUri): Chunk[] {
  return [...store.index.studies()].map((study) => {
    const instances = [...studyInstances(study)];
    return {
      size: instances.length,
      run: async () => {
        let failed = 0;
        for (const record of instances) {
          const bytes = await store.read(record);
          // Deleted since the export started: nothing to write.
          if (bytes === undefined) {
            failed++;
            continue;
          }
          await gcs.write(prefix, `${record.studyUid}/${record.seriesUid}/${record.sopUid}.dcm`, bytes);
        }
        return failed;
      },
    };
  });
}
