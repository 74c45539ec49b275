import type { Config } from '../config/index.js';
import { forbidden } from '../errors.js';
import { STORE_KIND_LIST, STORE_KINDS } from '../healthcare/store-kinds.js';
import {
  parseDatasetName, parseStoreName,
  type Allowed, type AllowedDataset, type AllowedLocation, type AllowedProject, type AllowedStore, type DatasetName, type LocationName, type StoreKind,
  type StoreName,
} from '../healthcare/names.js';

/** What the policy is made of: the configured location, the pinned dataset and the allow-lists. */
export type AccessSettings = Pick<Config, 'project' | 'location' | 'dataset' | 'allowedFhirStores' | 'allowedDicomStores' | 'allowedHl7V2Stores'>
  & Partial<Pick<Config, 'allowedLocations'>>
  & { grant?: AccessGrant };

/**
 * What one caller's identity is granted (`OIDC_ACCESS_MAP`): dataset ids and store ids per kind. A
 * list that is absent grants everything the server allows; a present list narrows it further.
 */
export interface AccessGrant {
  datasets?: readonly string[];
  fhirStores?: readonly string[];
  dicomStores?: readonly string[];
  hl7V2Stores?: readonly string[];
}

/** Both lists' common entries, sorted; undefined (everything) only when both are. */
function intersect(a: readonly string[] | undefined, b: readonly string[] | undefined): readonly string[] | undefined {
  if (a === undefined) return b === undefined ? undefined : [...b].sort();
  return (b === undefined ? [...a] : a.filter((item) => b.includes(item))).sort();
}

/**
 * The server's own boundary, checked before any upstream call: the configured project and location,
 * the pinned dataset and the store allow-lists (the toolbox's `allowedFhirStores` rule). Cloud IAM
 * still applies on top of it upstream; this can only narrow what a caller sees, never widen it.
 *
 * The checks return the name they let through as an {@link Allowed} name, the only kind of name
 * from which `src/healthcare` builds an upstream path: access is enforced by construction.
 */
export class AccessPolicy {
  private readonly allowLists = new Map<StoreKind, readonly string[]>();

  constructor(private readonly settings: AccessSettings) {
    for (const kind of STORE_KIND_LIST) {
      const list = intersect(settings[STORE_KINDS[kind].allowListSetting], settings.grant?.[kind]);
      if (list !== undefined) this.allowLists.set(kind, list);
    }
  }

  /**
   * This policy narrowed to what one caller is granted: the same checks, with the allow-lists cut
   * down to the grant. Made per request (OIDC callers with `OIDC_ACCESS_MAP`); it can only narrow.
   */
  narrowedTo(grant: AccessGrant): AccessPolicy {
    const own = this.settings.grant;
    return new AccessPolicy({
      ...this.settings,
      grant: {
        datasets: intersect(own?.datasets, grant.datasets),
        ...Object.fromEntries(STORE_KIND_LIST.map((kind) => [kind, intersect(own?.[kind], grant[kind])])),
      },
    });
  }

  /**
   * The datasets of a location this policy lets through when it knows them without asking upstream
   * (the pinned one, or the caller's granted ones); undefined when any dataset of the location may be used.
   */
  knownDatasets(location: AllowedLocation): AllowedDataset[] | undefined {
    const pinned = this.pinnedDataset;
    if (pinned) return pinned.location === location.location ? [pinned] : [];
    const granted = this.settings.grant?.datasets;
    return granted?.map((dataset) => allow({ project: location.project, location: location.location, dataset }));
  }

  /** The configured project: the only one this server serves. */
  get project(): AllowedProject {
    return allow({ project: this.settings.project });
  }

  /** The configured location: what `Query.datasets` and short dataset ids mean. */
  get location(): AllowedLocation {
    return allow({ project: this.settings.project, location: this.settings.location });
  }

  /**
   * Location ids the graph may show besides the configured one, or `*` for every location of the
   * project. A pinned dataset allows its own location only.
   */
  get allowedLocations(): readonly string[] | '*' {
    if (this.settings.dataset !== undefined) return [this.settings.location];
    const more = this.settings.allowedLocations;
    return more === '*' ? '*' : [...new Set([this.settings.location, ...(more ?? [])])].sort();
  }

  /** The location, allowed; FORBIDDEN unless it is the configured one or on `ALLOWED_LOCATIONS`. */
  checkLocation(name: LocationName): AllowedLocation {
    const { project, location } = this.settings;
    const allowed = this.allowedLocations;
    if (name.project !== project || (allowed !== '*' && !allowed.includes(name.location))) {
      throw forbidden(allowed !== '*' && allowed.length === 1
        ? `This server serves projects/${project}/locations/${location} only`
        : `This server serves ${allowed === '*' ? 'the locations' : `locations ${allowed.join(', ')}`} of projects/${project} only`);
    }
    return allow(name);
  }

  /** The pinned dataset, if any. */
  get pinnedDataset(): AllowedDataset | undefined {
    const { dataset } = this.settings;
    return dataset === undefined ? undefined : allow({ project: this.settings.project, location: this.settings.location, dataset });
  }

  /** Store ids of a kind that may be used, or undefined when every store may. Sorted, as upstream lists are. */
  allowedStores(kind: StoreKind): readonly string[] | undefined {
    return this.allowLists.get(kind);
  }

  /** The dataset, allowed; FORBIDDEN unless it is within the configured project, location and pinned dataset. */
  checkDataset(name: DatasetName): AllowedDataset {
    this.checkLocation(name);
    const { dataset } = this.settings;
    if (dataset !== undefined && name.dataset !== dataset) {
      throw forbidden(`This server serves dataset ${JSON.stringify(dataset)} only`);
    }
    const granted = this.settings.grant?.datasets;
    if (granted !== undefined && !granted.includes(name.dataset)) {
      throw forbidden(`Your identity is not granted dataset ${JSON.stringify(name.dataset)}`);
    }
    return allow(name);
  }

  /** The store, allowed; FORBIDDEN unless its dataset is allowed and it is on its kind's allow-list. */
  checkStore<K extends StoreKind>(name: StoreName<K>): AllowedStore<K> {
    this.checkDataset(name);
    const allowed = this.allowedStores(name.kind);
    if (allowed && !allowed.includes(name.store)) {
      throw forbidden(`${STORE_KINDS[name.kind].label} store ${JSON.stringify(name.store)} is not on this server's allow-list`);
    }
    return allow(name);
  }

  /** A dataset by resource name: parsed (BAD_USER_INPUT when malformed), then checked. */
  datasetNamed(name: string): AllowedDataset {
    return this.checkDataset(parseDatasetName(name));
  }

  /** A store of a kind by resource name: parsed (BAD_USER_INPUT when malformed), then checked. */
  storeNamed<K extends StoreKind>(kind: K, name: string): AllowedStore<K> {
    return this.checkStore(parseStoreName(name, kind));
  }
}

/** The one place a name becomes {@link Allowed}; every caller above has just checked it. */
function allow<N>(name: N): Allowed<N> {
  return name as Allowed<N>;
}
