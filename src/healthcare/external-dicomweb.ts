/**
 * External DICOMweb servers shown as DICOM stores: which store name belongs to which server.
 *
 * An external server appears as `projects/{p}/locations/{l}/datasets/{d}/dicomStores/{id}` in the
 * configured project and location, exactly like a Cloud Healthcare store, so global ids, cursors,
 * access checks and the rendered-image proxy work on it unchanged. Only the last step differs:
 * `dicomweb.ts` asks {@link ExternalDicomStores.byName} and, for these names, sends the call to the
 * server's base URL with the server's own Authorization header instead of Google's credentials.
 */
import type { DicomWebQuirks, DicomWebServerConfig } from '../config/dicomweb-servers.js';
import { datasetResourceName, storeResourceName, type DatasetName, type LocationName, type StoreName } from './names.js';

/** One external server, as the upstream client needs it. */
export interface ExternalDicomServer {
  /** Store id it appears under. */
  id: string;
  /** Full store resource name it appears under. */
  name: string;
  dataset: DatasetName;
  /** DICOMweb base URL, without a trailing slash. */
  baseUrl: string;
  /** The only credentials ever sent to this server: its configured Authorization header, if any. */
  headers: Readonly<Record<string, string>>;
  quirks: DicomWebQuirks;
}

/** The configured external servers, by store resource name. Created once per server process. */
export class ExternalDicomStores {
  private readonly byStoreName = new Map<string, ExternalDicomServer>();

  constructor(servers: readonly DicomWebServerConfig[], location: LocationName) {
    for (const server of servers) {
      const dataset = { ...location, dataset: server.dataset };
      const name = storeResourceName({ ...dataset, kind: 'dicomStores', store: server.id });
      const headers: Record<string, string> = {};
      if (server.authorization !== undefined) headers.authorization = server.authorization;
      Object.freeze(headers);
      this.byStoreName.set(name, { id: server.id, name, dataset, baseUrl: server.url, headers, quirks: server.quirks });
    }
  }

  get size(): number {
    return this.byStoreName.size;
  }

  /** The server behind a DICOM store name (a resource name or a parsed one); undefined for Cloud Healthcare stores. */
  byName(store: string | StoreName): ExternalDicomServer | undefined {
    if (typeof store !== 'string' && store.kind !== 'dicomStores') return undefined;
    return this.byStoreName.get(typeof store === 'string' ? store : storeResourceName(store));
  }

  /** The external servers shown in a dataset, ordered by id. */
  inDataset(dataset: DatasetName): ExternalDicomServer[] {
    const parent = datasetResourceName(dataset);
    return [...this.byStoreName.values()]
      .filter((server) => datasetResourceName(server.dataset) === parent)
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  all(): ExternalDicomServer[] {
    return [...this.byStoreName.values()];
  }
}
