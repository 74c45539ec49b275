import { forbidden } from '../errors.js';
import type { DatasetName, LocationName, StoreKind } from '../healthcare/names.js';

export interface AccessSettings {
  project: string;
  location: string;
  /** Only this dataset is visible. */
  dataset?: string;
  allowedFhirStores?: string[];
  allowedDicomStores?: string[];
  allowedHl7V2Stores?: string[];
}

/** Store collections the allow-lists cover: the admin kinds and HL7v2 stores. */
export type AllowListKind = StoreKind | 'hl7V2Stores';

const KIND_LABEL: Readonly<Record<AllowListKind, string>> = { fhirStores: 'FHIR', dicomStores: 'DICOM', hl7V2Stores: 'HL7v2' };

/**
 * The server's own boundary, checked before any upstream call: the configured project and location,
 * the pinned dataset and the store allow-lists (the toolbox's `allowedFhirStores` rule). Cloud IAM
 * still applies on top of it upstream; this can only narrow what a caller sees, never widen it.
 */
export class AccessPolicy {
  constructor(private readonly settings: AccessSettings) {}

  get location(): LocationName {
    return { project: this.settings.project, location: this.settings.location };
  }

  /** The pinned dataset, if any. */
  get pinnedDataset(): DatasetName | undefined {
    const { dataset } = this.settings;
    return dataset === undefined ? undefined : { ...this.location, dataset };
  }

  /** Store ids of a kind that may be used, or undefined when every store may. Sorted, as upstream lists are. */
  allowedStores(kind: AllowListKind): readonly string[] | undefined {
    const lists: Record<AllowListKind, string[] | undefined> = {
      fhirStores: this.settings.allowedFhirStores,
      dicomStores: this.settings.allowedDicomStores,
      hl7V2Stores: this.settings.allowedHl7V2Stores,
    };
    const list = lists[kind];
    return list && [...list].sort();
  }

  /** Throws FORBIDDEN unless the dataset is within the configured project, location and pinned dataset. */
  checkDataset(name: DatasetName): void {
    const { project, location, dataset } = this.settings;
    if (name.project !== project || name.location !== location) {
      throw forbidden(`This server serves projects/${project}/locations/${location} only`);
    }
    if (dataset !== undefined && name.dataset !== dataset) {
      throw forbidden(`This server serves dataset ${JSON.stringify(dataset)} only`);
    }
  }

  /** Throws FORBIDDEN unless the store's dataset is allowed and the store is on its kind's allow-list. */
  checkStore(name: DatasetName & { kind: AllowListKind; store: string }): void {
    this.checkDataset(name);
    const allowed = this.allowedStores(name.kind);
    if (allowed && !allowed.includes(name.store)) {
      throw forbidden(`${KIND_LABEL[name.kind]} store ${JSON.stringify(name.store)} is not on this server's allow-list`);
    }
  }
}
