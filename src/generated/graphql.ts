import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { LocationModel, DatasetModel, FhirStoreModel, DicomStoreModel, FhirResourceModel, StudyModel, SeriesModel, InstanceModel, Hl7V2StoreModel, Hl7V2MessageModel, Hl7V2SegmentModel, IngestHl7V2MessagePayloadModel, OperationModel, FhirResourceChangeModel } from '../graphql/models.js';
import type { RequestContext } from '../graphql/context.js';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A calendar date, `YYYY-MM-DD` (FHIR `date` / DICOM DA converted to ISO form). */
  Date: { input: string; output: string; }
  /** A point in time, ISO 8601 with time zone (FHIR `instant` / `dateTime`). */
  DateTime: { input: string; output: string; }
  /** Any JSON value: used for whole FHIR resources and DICOM JSON, which the graph passes through as stored. */
  JSON: { input: unknown; output: unknown; }
};

/** A postal address. */
export type Address = {
  __typename?: 'Address';
  /** City. */
  city: Maybe<Scalars['String']['output']>;
  /** Country. */
  country: Maybe<Scalars['String']['output']>;
  /** Street lines. */
  line: Array<Scalars['String']['output']>;
  /** Postal code. */
  postalCode: Maybe<Scalars['String']['output']>;
  /** State or province. */
  state: Maybe<Scalars['String']['output']>;
  /** The whole address as text. */
  text: Maybe<Scalars['String']['output']>;
  /** `home`, `work`, `temp`, `old` or `billing`. */
  use: Maybe<Scalars['String']['output']>;
};

/** An allergy or intolerance (FHIR `AllergyIntolerance`). */
export type AllergyIntolerance = Node & {
  __typename?: 'AllergyIntolerance';
  /** `food`, `medication`, `environment` or `biologic`. */
  categories: Array<Scalars['String']['output']>;
  /** `active`, `inactive` or `resolved`. */
  clinicalStatus: Maybe<Scalars['String']['output']>;
  /** The substance, e.g. Penicillin. */
  code: Maybe<CodeableConcept>;
  /** `low`, `high` or `unable-to-assess`. */
  criticality: Maybe<Scalars['String']['output']>;
  /** Opaque global id. */
  id: Scalars['ID']['output'];
  /** When this version was stored (`meta.lastUpdated`). */
  lastUpdated: Maybe<Scalars['String']['output']>;
  /** Reactions seen, as text (e.g. `Hives`). */
  reactions: Array<Scalars['String']['output']>;
  /** When it was recorded. */
  recordedDate: Maybe<Scalars['String']['output']>;
  /** The whole FHIR resource as stored. */
  resource: Scalars['JSON']['output'];
  /** The AllergyIntolerance's id in its FHIR store. */
  resourceId: Scalars['String']['output'];
  /** Version id of the stored version (`meta.versionId`); pass it to `FhirStore.resourceVersion` to read this version again. */
  versionId: Maybe<Scalars['String']['output']>;
};

/** A page of allergies. */
export type AllergyIntoleranceConnection = {
  __typename?: 'AllergyIntoleranceConnection';
  /** The allergies of this page, each with its cursor. */
  edges: Array<AllergyIntoleranceEdge>;
  /** The allergies of this page. */
  nodes: Array<AllergyIntolerance>;
  /** Where this page sits in the list. */
  pageInfo: PageInfo;
  /** The store's estimate of how many match; null when it gives none. */
  totalCount: Maybe<Scalars['Int']['output']>;
};

/** An allergy in a page. */
export type AllergyIntoleranceEdge = {
  __typename?: 'AllergyIntoleranceEdge';
  /** Pass as `after` to continue after this allergy. */
  cursor: Scalars['String']['output'];
  /** The allergy. */
  node: AllergyIntolerance;
};

/** A concept given by one or more codings and/or text. */
export type CodeableConcept = {
  __typename?: 'CodeableConcept';
  /** The first coding's code. */
  code: Maybe<Scalars['String']['output']>;
  /** The codings, possibly from several systems. */
  codings: Array<Coding>;
  /** The text to show: `text`, else the first coding's display, else its code. */
  display: Maybe<Scalars['String']['output']>;
  /** Plain text as entered or chosen by the user. */
  text: Maybe<Scalars['String']['output']>;
};

/** A code from a code system, e.g. LOINC `8867-4` "Heart rate". */
export type Coding = {
  __typename?: 'Coding';
  /** The code. */
  code: Maybe<Scalars['String']['output']>;
  /** Human-readable text for the code. */
  display: Maybe<Scalars['String']['output']>;
  /** The code system's URI, e.g. `http://loinc.org`. */
  system: Maybe<Scalars['String']['output']>;
};

/** A problem, diagnosis or other health concern (FHIR `Condition`). */
export type Condition = Node & {
  __typename?: 'Condition';
  /** When it ended (`abatementDateTime`). */
  abatementDateTime: Maybe<Scalars['String']['output']>;
  /** Categories, e.g. `problem-list-item`, `encounter-diagnosis`. */
  categories: Array<CodeableConcept>;
  /** `active`, `recurrence`, `relapse`, `inactive`, `remission` or `resolved`. */
  clinicalStatus: Maybe<Scalars['String']['output']>;
  /** What the condition is, e.g. SNOMED CT `44054006` Diabetes mellitus type 2. */
  code: Maybe<CodeableConcept>;
  /** The encounter it was recorded in. */
  encounter: Maybe<Encounter>;
  /** Opaque global id. */
  id: Scalars['ID']['output'];
  /** When this version was stored (`meta.lastUpdated`). */
  lastUpdated: Maybe<Scalars['String']['output']>;
  /** When it began (`onsetDateTime`). */
  onsetDateTime: Maybe<Scalars['String']['output']>;
  /** When it was first recorded. */
  recordedDate: Maybe<Scalars['String']['output']>;
  /** The whole FHIR resource as stored. */
  resource: Scalars['JSON']['output'];
  /** The Condition's id in its FHIR store. */
  resourceId: Scalars['String']['output'];
  /** `unconfirmed`, `provisional`, `differential`, `confirmed`, `refuted` or `entered-in-error`. */
  verificationStatus: Maybe<Scalars['String']['output']>;
  /** Version id of the stored version (`meta.versionId`); pass it to `FhirStore.resourceVersion` to read this version again. */
  versionId: Maybe<Scalars['String']['output']>;
};

/** A page of conditions. */
export type ConditionConnection = {
  __typename?: 'ConditionConnection';
  /** The conditions of this page, each with its cursor. */
  edges: Array<ConditionEdge>;
  /** The conditions of this page. */
  nodes: Array<Condition>;
  /** Where this page sits in the list. */
  pageInfo: PageInfo;
  /** The store's estimate of how many match; null when it gives none. */
  totalCount: Maybe<Scalars['Int']['output']>;
};

/** A condition in a page. */
export type ConditionEdge = {
  __typename?: 'ConditionEdge';
  /** Pass as `after` to continue after this condition. */
  cursor: Scalars['String']['output'];
  /** The condition. */
  node: Condition;
};

/** A phone number, email address or other contact point. */
export type ContactPoint = {
  __typename?: 'ContactPoint';
  /** `phone`, `fax`, `email`, `pager`, `url`, `sms` or `other`. */
  system: Maybe<Scalars['String']['output']>;
  /** `home`, `work`, `temp`, `old` or `mobile`. */
  use: Maybe<Scalars['String']['output']>;
  /** The number or address. */
  value: Maybe<Scalars['String']['output']>;
};

export type CreateFhirResourceInput = {
  /** A FHIR search query that identifies an existing resource, e.g. `identifier=urn:oid:1.2.3|12345`. */
  ifNoneExist?: InputMaybe<Scalars['String']['input']>;
  /** The resource as FHIR JSON, e.g. `{"resourceType": "Patient", "name": [{"family": "Chalmers"}]}`. */
  resource: Scalars['JSON']['input'];
  /**
   * The FHIR store: full resource name, or a short id when the server is pinned to a dataset. May be
   * left out when exactly one FHIR store is allowed.
   */
  store?: InputMaybe<Scalars['String']['input']>;
};

/** A Cloud Healthcare dataset: the container of FHIR, DICOM and HL7v2 stores in one project and location. */
export type Dataset = Node & {
  __typename?: 'Dataset';
  /** Short id, the last segment of `name`. */
  datasetId: Scalars['String']['output'];
  /** One DICOM store of this dataset by short id (e.g. `dicom`). */
  dicomStore: Maybe<DicomStore>;
  /** The dataset's DICOM stores (only the allowed ones when `ALLOWED_DICOM_STORES` is set), ordered by id. */
  dicomStores: DicomStoreConnection;
  /** One FHIR store of this dataset by short id (e.g. `fhir`). */
  fhirStore: Maybe<FhirStore>;
  /** The dataset's FHIR stores (only the allowed ones when `ALLOWED_FHIR_STORES` is set), ordered by id. */
  fhirStores: FhirStoreConnection;
  /** One HL7v2 store of this dataset by short id (e.g. `hl7v2`). */
  hl7V2Store: Maybe<Hl7V2Store>;
  /** The dataset's HL7v2 stores (only the allowed ones when `ALLOWED_HL7V2_STORES` is set), ordered by id. */
  hl7V2Stores: Hl7V2StoreConnection;
  /** The dataset's IAM policy (null with FORBIDDEN unless the caller may read it). */
  iamPolicy: Maybe<IamPolicy>;
  /** Opaque global id. */
  id: Scalars['ID']['output'];
  /** Location (region) of the dataset, e.g. `us-central1`. */
  location: Scalars['String']['output'];
  /** Full resource name, `projects/{p}/locations/{l}/datasets/{d}`. */
  name: Scalars['String']['output'];
  /** The dataset's long-running operations, oldest first, as the API lists them. */
  operations: OperationConnection;
  /** Project id the dataset belongs to. */
  projectId: Scalars['String']['output'];
  /** IANA time zone used for dates without one (e.g. in DICOM); null means UTC. */
  timeZone: Maybe<Scalars['String']['output']>;
  /**
   * Which of the dataset's permissions the caller holds (`healthcare.datasets.get`,
   * `healthcare.fhirStores.create`, ...), so a UI can hide what the user cannot do.
   */
  viewerPermissions: Array<Scalars['String']['output']>;
};


/** A Cloud Healthcare dataset: the container of FHIR, DICOM and HL7v2 stores in one project and location. */
export type DatasetDicomStoreArgs = {
  id: Scalars['String']['input'];
};


/** A Cloud Healthcare dataset: the container of FHIR, DICOM and HL7v2 stores in one project and location. */
export type DatasetDicomStoresArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A Cloud Healthcare dataset: the container of FHIR, DICOM and HL7v2 stores in one project and location. */
export type DatasetFhirStoreArgs = {
  id: Scalars['String']['input'];
};


/** A Cloud Healthcare dataset: the container of FHIR, DICOM and HL7v2 stores in one project and location. */
export type DatasetFhirStoresArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A Cloud Healthcare dataset: the container of FHIR, DICOM and HL7v2 stores in one project and location. */
export type DatasetHl7V2StoreArgs = {
  id: Scalars['String']['input'];
};


/** A Cloud Healthcare dataset: the container of FHIR, DICOM and HL7v2 stores in one project and location. */
export type DatasetHl7V2StoresArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A Cloud Healthcare dataset: the container of FHIR, DICOM and HL7v2 stores in one project and location. */
export type DatasetOperationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of datasets. */
export type DatasetConnection = {
  __typename?: 'DatasetConnection';
  /** The datasets of this page, each with its cursor. */
  edges: Array<DatasetEdge>;
  /** The datasets of this page. */
  nodes: Array<Dataset>;
  /** Where this page sits in the list. */
  pageInfo: PageInfo;
  /** Null: the Cloud Healthcare API does not report how many datasets there are. */
  totalCount: Maybe<Scalars['Int']['output']>;
};

/** A dataset in a page, with the cursor that points just after it. */
export type DatasetEdge = {
  __typename?: 'DatasetEdge';
  /** Pass as `after` to continue the list after this dataset. */
  cursor: Scalars['String']['output'];
  /** The dataset. */
  node: Dataset;
};

/** A de-identification configuration: a typed subset of Google's `DeidentifyConfig`. */
export type DeidentifyConfigInput = {
  /**
   * Base64 AES key (16, 24 or 32 bytes) for hashing identifiers such as MRNs, so that the same patient
   * gets the same pseudonym across runs. Without it a random key is used per operation.
   */
  cryptoHashKey?: InputMaybe<Scalars['String']['input']>;
  /**
   * Base64 AES key (16, 24 or 32 bytes) that date shifts are derived from: each patient's dates move
   * by the same number of days (up to 100) in every resource and image. Without it a random key is used
   * per operation.
   */
  dateShiftKey?: InputMaybe<Scalars['String']['input']>;
  /** DICOM rules. */
  dicom?: InputMaybe<DicomDeidentifyInput>;
  /** FHIR rules. */
  fhir?: InputMaybe<FhirDeidentifyInput>;
  /** What sensitive free text is replaced by. */
  freeText?: InputMaybe<FreeTextReplacement>;
};

export type DeleteFhirResourceInput = {
  /**
   * A search that picks the resource instead of its id, e.g. `identifier=urn:oid:1.2.3|12345`: one
   * match is deleted; none is NOT_FOUND and more than one a CONFLICT, with nothing deleted.
   */
  condition?: InputMaybe<Scalars['String']['input']>;
  /** The resource's id. Give either `id` or `condition`. */
  id?: InputMaybe<Scalars['String']['input']>;
  /** FHIR resource type, e.g. `Claim`. */
  resourceType: Scalars['String']['input'];
  /** The FHIR store (see `CreateFhirResourceInput.store`). */
  store?: InputMaybe<Scalars['String']['input']>;
};

/** The result of deleting a FHIR resource. */
export type DeleteFhirResourcePayload = {
  __typename?: 'DeleteFhirResourcePayload';
  /** Global id the deleted resource had. */
  deletedId: Scalars['ID']['output'];
};

/** How DICOM instances are de-identified. Set at most one of `profile`, `keepTags` and `removeTags`. */
export type DicomDeidentifyInput = {
  /** Keep only these attributes (keywords such as `PatientID` or 8 hex digits such as `00100020`). */
  keepTags?: InputMaybe<Array<Scalars['String']['input']>>;
  /**
   * A filter profile. Without a profile or a tag list the graph asks for ATTRIBUTE_CONFIDENTIALITY_BASIC:
   * the API's own default (KEEP_ALL) would copy names and ids as they are.
   */
  profile?: InputMaybe<DicomFilterProfile>;
  /** Remove these attributes and keep all others. */
  removeTags?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Keep the Study, Series and SOP Instance UIDs instead of replacing them. */
  skipIdRedaction?: InputMaybe<Scalars['Boolean']['input']>;
};

/** Which DICOM attributes a de-identification keeps (Google's `DicomConfig.filterProfile`). */
export type DicomFilterProfile =
  /** DICOM PS3.15 Annex E Basic Application Level Confidentiality Profile. */
  | 'ATTRIBUTE_CONFIDENTIALITY_BASIC'
  /** Every attribute, with sensitive text found inside text, name and date attributes transformed. */
  | 'DEIDENTIFY_TAG_CONTENTS'
  /** Every attribute (UIDs are still replaced unless `skipIdRedaction`). */
  | 'KEEP_ALL'
  /** Only what a valid image needs: UIDs, SOP class, modality, the Image Pixel module. */
  | 'MINIMAL_KEEP_LIST';

/** A DICOM store: medical images (studies, series, instances) served over DICOMweb. */
export type DicomStore = Node & {
  __typename?: 'DicomStore';
  /** The dataset that holds this store. */
  dataset: Dataset;
  /**
   * True when the store is an external DICOMweb server (Orthanc, dcm4chee, ...) that this server's
   * operator configured (`DICOMWEB_SERVERS`), not a Cloud Healthcare store. Its studies, series and
   * instances work the same; its access is decided by this server's allow-lists, not Cloud IAM.
   */
  external: Scalars['Boolean']['output'];
  /** The store's IAM policy (null with FORBIDDEN unless the caller may read it). */
  iamPolicy: Maybe<IamPolicy>;
  /** Opaque global id. */
  id: Scalars['ID']['output'];
  /**
   * Instances of the whole store (QIDO-RS), optionally filtered by study, series and instance match
   * keys, in the store's order. With `studyInstanceUid` and/or `seriesInstanceUid` the search stays
   * within that study or series.
   */
  instances: InstanceConnection;
  /** Labels set on the store, sorted by key; always empty for an external DICOMweb server. */
  labels: Array<Label>;
  /**
   * How many studies, series and instances the store holds and how much storage they take. For an
   * external DICOMweb server the counts are walked from QIDO-RS (one call per 1,000 studies).
   */
  metrics: DicomStoreMetrics;
  /** Full resource name, `projects/{p}/locations/{l}/datasets/{d}/dicomStores/{s}`. */
  name: Scalars['String']['output'];
  /**
   * Series of the whole store (QIDO-RS), optionally filtered by study and series match keys, in the
   * store's order. With `studyInstanceUid` the search stays within that study.
   */
  series: SeriesConnection;
  /** Short id, the last segment of `name`. */
  storeId: Scalars['String']['output'];
  /** Studies of this store (QIDO-RS), optionally filtered, in the store's order. */
  studies: StudyConnection;
  /** One study by StudyInstanceUID. */
  study: Maybe<Study>;
  /** Which of the store's permissions the caller holds (`healthcare.dicomStores.dicomWebRead`, ...). */
  viewerPermissions: Array<Scalars['String']['output']>;
};


/** A DICOM store: medical images (studies, series, instances) served over DICOMweb. */
export type DicomStoreInstancesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<InstanceFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A DICOM store: medical images (studies, series, instances) served over DICOMweb. */
export type DicomStoreSeriesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<SeriesFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A DICOM store: medical images (studies, series, instances) served over DICOMweb. */
export type DicomStoreStudiesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<StudyFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A DICOM store: medical images (studies, series, instances) served over DICOMweb. */
export type DicomStoreStudyArgs = {
  uid: Scalars['String']['input'];
};

/** A page of DICOM stores. */
export type DicomStoreConnection = {
  __typename?: 'DicomStoreConnection';
  /** The stores of this page, each with its cursor. */
  edges: Array<DicomStoreEdge>;
  /** The stores of this page. */
  nodes: Array<DicomStore>;
  /** Where this page sits in the list. */
  pageInfo: PageInfo;
  /** Null: the Cloud Healthcare API does not report how many stores there are. */
  totalCount: Maybe<Scalars['Int']['output']>;
};

/** A DICOM store in a page, with the cursor that points just after it. */
export type DicomStoreEdge = {
  __typename?: 'DicomStoreEdge';
  /** Pass as `after` to continue the list after this store. */
  cursor: Scalars['String']['output'];
  /** The store. */
  node: DicomStore;
};

/** Counts and storage sizes of a DICOM store. */
export type DicomStoreMetrics = {
  __typename?: 'DicomStoreMetrics';
  /** Bytes of blob storage (the DICOM files); null for an external DICOMweb server. */
  blobStorageSizeBytes: Maybe<Scalars['Float']['output']>;
  /** Number of instances; null when an external DICOMweb server does not report its studies' instance counts. */
  instanceCount: Maybe<Scalars['Float']['output']>;
  /** Number of series; null when an external DICOMweb server does not report its studies' series counts. */
  seriesCount: Maybe<Scalars['Float']['output']>;
  /** Bytes of structured storage (the indexed DICOM attributes); null for an external DICOMweb server. */
  structuredStorageSizeBytes: Maybe<Scalars['Float']['output']>;
  /** Number of studies. */
  studyCount: Scalars['Float']['output'];
};

/** A visit, stay or other interaction with the patient (FHIR `Encounter`). */
export type Encounter = Node & {
  __typename?: 'Encounter';
  /** Class: ambulatory (`AMB`), emergency (`EMER`), inpatient (`IMP`), ... */
  class: Maybe<Coding>;
  /** End (`period.end`). */
  end: Maybe<Scalars['String']['output']>;
  /** Opaque global id. */
  id: Scalars['ID']['output'];
  /** When this version was stored (`meta.lastUpdated`). */
  lastUpdated: Maybe<Scalars['String']['output']>;
  /** The practitioners who took part. */
  practitioners: Array<Practitioner>;
  /** Why it happened. */
  reasons: Array<CodeableConcept>;
  /** The whole FHIR resource as stored. */
  resource: Scalars['JSON']['output'];
  /** The Encounter's id in its FHIR store. */
  resourceId: Scalars['String']['output'];
  /** The organization responsible. */
  serviceProvider: Maybe<Organization>;
  /** Start (`period.start`). */
  start: Maybe<Scalars['String']['output']>;
  /** `planned`, `arrived`, `in-progress`, `finished`, `cancelled`, ... */
  status: Maybe<Scalars['String']['output']>;
  /** Kinds of encounter. */
  types: Array<CodeableConcept>;
  /** Version id of the stored version (`meta.versionId`); pass it to `FhirStore.resourceVersion` to read this version again. */
  versionId: Maybe<Scalars['String']['output']>;
};

/** A page of encounters. */
export type EncounterConnection = {
  __typename?: 'EncounterConnection';
  /** The encounters of this page, each with its cursor. */
  edges: Array<EncounterEdge>;
  /** The encounters of this page. */
  nodes: Array<Encounter>;
  /** Where this page sits in the list. */
  pageInfo: PageInfo;
  /** The store's estimate of how many match; null when it gives none. */
  totalCount: Maybe<Scalars['Int']['output']>;
};

/** An encounter in a page. */
export type EncounterEdge = {
  __typename?: 'EncounterEdge';
  /** Pass as `after` to continue after this encounter. */
  cursor: Scalars['String']['output'];
  /** The encounter. */
  node: Encounter;
};

export type ExecuteFhirBundleInput = {
  /**
   * A FHIR Bundle of `type` `batch` or `transaction`; each entry has a `request` (`method`, `url`)
   * and, for creates and updates, a `resource`.
   */
  bundle: Scalars['JSON']['input'];
  /** The FHIR store (see `CreateFhirResourceInput.store`). */
  store?: InputMaybe<Scalars['String']['input']>;
};

/** Why one batch entry failed. */
export type FhirBundleEntryError = {
  __typename?: 'FhirBundleEntryError';
  /** The error code this entry would have had alone, e.g. `CONFLICT`, `NOT_FOUND`, `BAD_USER_INPUT`. */
  code: Scalars['String']['output'];
  /** The FHIR store's explanation. */
  message: Scalars['String']['output'];
};

/** The outcome of one bundle entry. */
export type FhirBundleEntryResult = {
  __typename?: 'FhirBundleEntryResult';
  /** Why the entry failed (batches only: in a transaction any failure fails the whole mutation). */
  error: Maybe<FhirBundleEntryError>;
  /** The stored version's ETag, `W/"versionId"`. */
  etag: Maybe<Scalars['String']['output']>;
  /** Where a created or updated resource lives: `Type/id/_history/versionId`. */
  location: Maybe<Scalars['String']['output']>;
  /** The resource as stored; null for deletions and failed entries. */
  resource: Maybe<FhirResource>;
  /** The HTTP status the entry got, e.g. `201 Created`. */
  status: Scalars['String']['output'];
  /** The status code alone, e.g. 201. */
  statusCode: Scalars['Int']['output'];
};

/** The result of a batch or transaction: one entry per entry of the request, in the same order. */
export type FhirBundlePayload = {
  __typename?: 'FhirBundlePayload';
  /** Each entry's outcome. */
  entries: Array<FhirBundleEntryResult>;
  /** `batch-response` or `transaction-response`. */
  type: Scalars['String']['output'];
};

/** What happened to a FHIR resource. */
export type FhirChangeAction =
  | 'CREATE'
  | 'DELETE'
  | 'PATCH'
  | 'UPDATE';

/** How the files of a FHIR import are laid out (Google's `ContentStructure`). */
export type FhirContentStructure =
  /** NDJSON, one Bundle per line (the default). */
  | 'BUNDLE'
  /** Each file is one Bundle, formatted over many lines. */
  | 'BUNDLE_PRETTY'
  /** NDJSON, one resource per line. */
  | 'RESOURCE'
  /** Each file is one resource, formatted over many lines. */
  | 'RESOURCE_PRETTY';

/** How FHIR resources are de-identified. */
export type FhirDeidentifyInput = {
  /**
   * Rules; elements no rule matches are copied unchanged. Without rules the default applies: names,
   * telecom, addresses, identifier values, dates, reference displays, narratives and notes are
   * de-identified.
   */
  fields?: InputMaybe<Array<FhirFieldActionInput>>;
  /** Keep extensions (by default they are removed). */
  keepExtensions?: InputMaybe<Scalars['Boolean']['input']>;
};

/** How an element matched by `paths` is de-identified (Google's `FieldMetadata.action`). */
export type FhirFieldAction =
  /** Copy the element unchanged. */
  | 'DO_NOT_TRANSFORM'
  /** Find sensitive values inside the text (names, phone numbers, dates, ...) and transform only those. */
  | 'INSPECT_AND_TRANSFORM'
  /** Transform the whole element: dates shifted, identifiers hashed, other values replaced by their info type. */
  | 'TRANSFORM';

/** One rule of a FHIR de-identification. */
export type FhirFieldActionInput = {
  /** What to do with the matched elements. */
  action: FhirFieldAction;
  /**
   * FHIR paths: field names or type names separated by dots, e.g. `Patient.name`, `HumanName`,
   * `Observation.valueString`, `Deceased.Age.unit`. The first rule that matches an element wins.
   */
  paths: Array<Scalars['String']['input']>;
};

/**
 * Any FHIR resource, as stored. Used where the type is not known in advance (`Patient.everything`,
 * `FhirStore.search`); the typed fields live on Patient, Observation, Condition, ...
 */
export type FhirResource = Node & {
  __typename?: 'FhirResource';
  /** Opaque global id. */
  id: Scalars['ID']['output'];
  /** When this version was stored (`meta.lastUpdated`). */
  lastUpdated: Maybe<Scalars['String']['output']>;
  /** The whole FHIR resource as stored. */
  resource: Scalars['JSON']['output'];
  /** The resource's id in its store (`Observation/{resourceId}`). */
  resourceId: Scalars['String']['output'];
  /** FHIR resource type, e.g. `Observation`. */
  resourceType: Scalars['String']['output'];
  /** Version id of the stored version (`meta.versionId`). */
  versionId: Maybe<Scalars['String']['output']>;
};

/** One change to a FHIR resource, as notified by the store and read again for the subscriber. */
export type FhirResourceChange = {
  __typename?: 'FhirResourceChange';
  /** What happened. */
  action: FhirChangeAction;
  /** When the change was stored (`meta.lastUpdated`), RFC 3339. */
  lastUpdated: Maybe<Scalars['String']['output']>;
  /**
   * The resource as it is after the change, read with the subscriber's credentials; null after a
   * delete or when the subscriber may not read it.
   */
  resource: Maybe<FhirResource>;
  /** The resource's id in its store. */
  resourceId: Scalars['String']['output'];
  /** FHIR resource type, e.g. `Observation`. */
  resourceType: Scalars['String']['output'];
  /** Version id the change produced (`meta.versionId`). */
  versionId: Maybe<Scalars['String']['output']>;
};

/** The count and storage size of one resource type in a FHIR store. */
export type FhirResourceMetric = {
  __typename?: 'FhirResourceMetric';
  /** Number of resources of this type (current versions). */
  count: Scalars['Int']['output'];
  /** FHIR resource type, e.g. `Patient`. */
  resourceType: Scalars['String']['output'];
  /** Bytes of structured storage those resources take; null when the upstream does not say. */
  structuredStorageSizeBytes: Maybe<Scalars['Float']['output']>;
};

/** The result of creating or updating a FHIR resource. */
export type FhirResourcePayload = {
  __typename?: 'FhirResourcePayload';
  /** True when a new resource was stored; false when `ifNoneExist` found an existing one. */
  created: Scalars['Boolean']['output'];
  /** The resource as stored. */
  resource: FhirResource;
};

/** A FHIR store: FHIR resources of one FHIR version, read and searched with FHIR REST. */
export type FhirStore = Node & {
  __typename?: 'FhirStore';
  /** The dataset that holds this store. */
  dataset: Dataset;
  /** Whether unknown search parameters are an error (strict) rather than ignored (lenient) by default. */
  defaultSearchHandlingStrict: Scalars['Boolean']['output'];
  /** Whether the store skips checking that references point at existing resources. */
  disableReferentialIntegrity: Scalars['Boolean']['output'];
  /** Whether an update (PUT) may create a resource with a client-chosen id. */
  enableUpdateCreate: Scalars['Boolean']['output'];
  /**
   * The stored versions of one resource, newest first (FHIR `_history`). Versions that record a
   * deletion have no content and are left out; a deleted resource still shows its earlier versions.
   */
  history: ResourceConnection;
  /** The store's IAM policy (null with FORBIDDEN unless the caller may read it). */
  iamPolicy: Maybe<IamPolicy>;
  /** Opaque global id. */
  id: Scalars['ID']['output'];
  /** Labels set on the store, sorted by key. */
  labels: Array<Label>;
  /** How many resources of each type the store holds, with their storage size; types with none are left out. */
  metrics: Array<FhirResourceMetric>;
  /** Full resource name, `projects/{p}/locations/{l}/datasets/{d}/fhirStores/{s}`. */
  name: Scalars['String']['output'];
  /** One patient by FHIR id. */
  patient: Maybe<Patient>;
  /** Patients of this store, optionally filtered. Without a filter, in the store's own order. */
  patients: PatientConnection;
  /** Any FHIR resource by type and id, as stored (null with NOT_FOUND when it does not exist). */
  resource: Maybe<Scalars['JSON']['output']>;
  /** One stored version of a resource (FHIR vread), as stored; null with NOT_FOUND when there is no such version. */
  resourceVersion: Maybe<Scalars['JSON']['output']>;
  /**
   * A FHIR search of any resource type, for what the typed fields do not cover. Give `resourceType`
   * for one type, or `resourceTypes` to search several at once (FHIR `_type`; only parameters common
   * to all of them, such as `_id`, `_lastUpdated` or `_tag`, apply then).
   */
  search: ResourceConnection;
  /** Short id, the last segment of `name`. */
  storeId: Scalars['String']['output'];
  /** FHIR version of the store: `DSTU2`, `STU3`, `R4` or `R5`. */
  version: Maybe<Scalars['String']['output']>;
  /** Which of the store's permissions the caller holds (`healthcare.fhirResources.get`, `…create`, ...). */
  viewerPermissions: Array<Scalars['String']['output']>;
};


/** A FHIR store: FHIR resources of one FHIR version, read and searched with FHIR REST. */
export type FhirStoreHistoryArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['String']['input'];
  since?: InputMaybe<Scalars['DateTime']['input']>;
  type: Scalars['String']['input'];
};


/** A FHIR store: FHIR resources of one FHIR version, read and searched with FHIR REST. */
export type FhirStorePatientArgs = {
  id: Scalars['String']['input'];
};


/** A FHIR store: FHIR resources of one FHIR version, read and searched with FHIR REST. */
export type FhirStorePatientsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<PatientFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A FHIR store: FHIR resources of one FHIR version, read and searched with FHIR REST. */
export type FhirStoreResourceArgs = {
  id: Scalars['String']['input'];
  type: Scalars['String']['input'];
};


/** A FHIR store: FHIR resources of one FHIR version, read and searched with FHIR REST. */
export type FhirStoreResourceVersionArgs = {
  id: Scalars['String']['input'];
  type: Scalars['String']['input'];
  versionId: Scalars['String']['input'];
};


/** A FHIR store: FHIR resources of one FHIR version, read and searched with FHIR REST. */
export type FhirStoreSearchArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  params?: InputMaybe<Array<SearchParam>>;
  resourceType?: InputMaybe<Scalars['String']['input']>;
  resourceTypes?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** A page of FHIR stores. */
export type FhirStoreConnection = {
  __typename?: 'FhirStoreConnection';
  /** The stores of this page, each with its cursor. */
  edges: Array<FhirStoreEdge>;
  /** The stores of this page. */
  nodes: Array<FhirStore>;
  /** Where this page sits in the list. */
  pageInfo: PageInfo;
  /** Null: the Cloud Healthcare API does not report how many stores there are. */
  totalCount: Maybe<Scalars['Int']['output']>;
};

/** A FHIR store in a page, with the cursor that points just after it. */
export type FhirStoreEdge = {
  __typename?: 'FhirStoreEdge';
  /** Pass as `after` to continue the list after this store. */
  cursor: Scalars['String']['output'];
  /** The store. */
  node: FhirStore;
};

/** What free text found to be sensitive is replaced by. */
export type FreeTextReplacement =
  /** Its info type, e.g. `[PERSON_NAME]` (the default). */
  | 'INFO_TYPE'
  /** `*` for every character. */
  | 'MASK'
  /** Nothing: the text is removed. */
  | 'REDACT';

/** A value in a parsed segment. */
export type Hl7V2Field = {
  __typename?: 'Hl7V2Field';
  /** Position in Google's notation, e.g. `"3[0].1"`. */
  index: Scalars['String']['output'];
  /** The value. */
  value: Scalars['String']['output'];
};

/**
 * One HL7v2 message with what the store derived from it: type and trigger event (MSH-9), sending
 * facility (MSH-4), send time (MSH-7), patient ids (PID-2/3/4) and the parsed segments.
 */
export type Hl7V2Message = Node & {
  __typename?: 'Hl7V2Message';
  /** Message control id, MSH-10 (what the sender's ACK refers to). */
  controlId: Maybe<Scalars['String']['output']>;
  /** When the store received the message. */
  createTime: Maybe<Scalars['DateTime']['output']>;
  /** The message as received, as text; segments end with `\r`. */
  data: Scalars['String']['output'];
  /** Trigger event, MSH-9.2 (e.g. `A01` for an admission, `R01` for results). */
  event: Maybe<Scalars['String']['output']>;
  /** Opaque global id. */
  id: Scalars['ID']['output'];
  /** The message's labels, sorted by key. */
  labels: Array<Label>;
  /** The message id, the last segment of `name`. */
  messageId: Scalars['String']['output'];
  /** Message type, MSH-9.1 (e.g. `ADT`, `ORU`). */
  messageType: Maybe<Scalars['String']['output']>;
  /** Full resource name, `…/hl7V2Stores/{s}/messages/{id}`. */
  name: Scalars['String']['output'];
  /** Patient ids of PID-2, PID-3 and PID-4, with their identifier type (CX.5, e.g. `MRN`). */
  patientIds: Array<Hl7V2PatientId>;
  /** The parsed segments in message order; only those with this id (e.g. `OBX`) when `segmentId` is given. */
  segments: Array<Hl7V2Segment>;
  /** Sending facility, MSH-4. */
  sendFacility: Maybe<Scalars['String']['output']>;
  /** When the sender sent the message, MSH-7. */
  sendTime: Maybe<Scalars['DateTime']['output']>;
  /** The store the message is in. */
  store: Hl7V2Store;
};


/**
 * One HL7v2 message with what the store derived from it: type and trigger event (MSH-9), sending
 * facility (MSH-4), send time (MSH-7), patient ids (PID-2/3/4) and the parsed segments.
 */
export type Hl7V2MessageSegmentsArgs = {
  segmentId?: InputMaybe<Scalars['String']['input']>;
};

/** A page of HL7v2 messages. */
export type Hl7V2MessageConnection = {
  __typename?: 'Hl7V2MessageConnection';
  /** The messages of this page, each with its cursor. */
  edges: Array<Hl7V2MessageEdge>;
  /** The messages of this page. */
  nodes: Array<Hl7V2Message>;
  /** Where this page sits in the list. */
  pageInfo: PageInfo;
  /** Null: the Cloud Healthcare API does not report how many messages match. */
  totalCount: Maybe<Scalars['Int']['output']>;
};

/** An HL7v2 message in a page. */
export type Hl7V2MessageEdge = {
  __typename?: 'Hl7V2MessageEdge';
  /** Pass as `after` to continue after this message. */
  cursor: Scalars['String']['output'];
  /** The message. */
  node: Hl7V2Message;
};

/** Orders of `Hl7V2Store.messages`. */
export type Hl7V2MessageOrder =
  /** Oldest send time first. */
  | 'SEND_TIME_ASC'
  /** Newest send time first. */
  | 'SEND_TIME_DESC';

/** The messages of one type in a store. */
export type Hl7V2MessageTypeMetric = {
  __typename?: 'Hl7V2MessageTypeMetric';
  /** How many messages. */
  count: Scalars['Int']['output'];
  /** MSH-9.1, e.g. `ADT`; null for messages without one. */
  messageType: Maybe<Scalars['String']['output']>;
  /** Bytes the messages take in structured storage. */
  structuredStorageSizeBytes: Maybe<Scalars['Float']['output']>;
};

/** How a store's parser numbers and decodes fields (`parserConfig.version`). */
export type Hl7V2ParserVersion =
  /** MSH keys are one less than the HL7 field number (MSH-1 is left out); the default. */
  | 'V1'
  /** HL7 numbering throughout. */
  | 'V2'
  /** HL7 numbering, and escaped delimiters (`\F\`, `\S\`, ...) decoded in values. */
  | 'V3';

/** A patient id of an HL7v2 message. */
export type Hl7V2PatientId = {
  __typename?: 'Hl7V2PatientId';
  /** Identifier type (CX.5), e.g. `MRN`, `MR`, `SS`. */
  type: Maybe<Scalars['String']['output']>;
  /** The id (CX.1). */
  value: Scalars['String']['output'];
};

/** A parsed segment of an HL7v2 message. */
export type Hl7V2Segment = {
  __typename?: 'Hl7V2Segment';
  /** The value at one position (e.g. `"5.1"`), or null. */
  field: Maybe<Scalars['String']['output']>;
  /**
   * Non-empty values by position, in Google's notation: `"5.1"` (field 5, component 1), `"3[1].1"`
   * (second occurrence of a repeated field), `"3[0].4.2"` (a subcomponent). Ordered by position.
   */
  fields: Array<Hl7V2Field>;
  /** Segment id, e.g. `PID`. */
  segmentId: Scalars['String']['output'];
  /** Set ID (field 1) of segments that come in sets (OBX, NK1, ...). */
  setId: Maybe<Scalars['String']['output']>;
};


/** A parsed segment of an HL7v2 message. */
export type Hl7V2SegmentFieldArgs = {
  index: Scalars['String']['input'];
};

/**
 * A Cloud Healthcare HL7v2 store: HL7v2 messages (ADT, ORU, ORM, ...) as received from interface
 * engines, each parsed into segments and indexed by type, facility, send time and patient ids.
 */
export type Hl7V2Store = Node & {
  __typename?: 'Hl7V2Store';
  /** Whether messages without an MSH header are accepted. */
  allowNullHeader: Scalars['Boolean']['output'];
  /** The dataset the store belongs to. */
  dataset: Dataset;
  /** Opaque global id. */
  id: Scalars['ID']['output'];
  /** The store's labels, sorted by key. */
  labels: Array<Label>;
  /** One message of this store by id (the last segment of its name). */
  message: Maybe<Hl7V2Message>;
  /** The store's messages, newest first unless `orderBy` says otherwise. */
  messages: Hl7V2MessageConnection;
  /** How many messages of each type (MSH-9.1) the store holds. */
  metrics: Array<Hl7V2MessageTypeMetric>;
  /** Full resource name, `projects/{p}/locations/{l}/datasets/{d}/hl7V2Stores/{s}`. */
  name: Scalars['String']['output'];
  /** How the store numbers and decodes parsed fields; V1 when the store does not say. */
  parserVersion: Hl7V2ParserVersion;
  /** Whether a message identical to a stored one is refused. */
  rejectDuplicateMessage: Scalars['Boolean']['output'];
  /** Short id, the last segment of `name`. */
  storeId: Scalars['String']['output'];
};


/**
 * A Cloud Healthcare HL7v2 store: HL7v2 messages (ADT, ORU, ORM, ...) as received from interface
 * engines, each parsed into segments and indexed by type, facility, send time and patient ids.
 */
export type Hl7V2StoreMessageArgs = {
  id: Scalars['String']['input'];
};


/**
 * A Cloud Healthcare HL7v2 store: HL7v2 messages (ADT, ORU, ORM, ...) as received from interface
 * engines, each parsed into segments and indexed by type, facility, send time and patient ids.
 */
export type Hl7V2StoreMessagesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Hl7V2MessageOrder>;
};

/** A page of HL7v2 stores. */
export type Hl7V2StoreConnection = {
  __typename?: 'Hl7V2StoreConnection';
  /** The stores of this page, each with its cursor. */
  edges: Array<Hl7V2StoreEdge>;
  /** The stores of this page. */
  nodes: Array<Hl7V2Store>;
  /** Where this page sits in the list. */
  pageInfo: PageInfo;
  /** Null: the Cloud Healthcare API does not report how many stores there are. */
  totalCount: Maybe<Scalars['Int']['output']>;
};

/** An HL7v2 store in a page. */
export type Hl7V2StoreEdge = {
  __typename?: 'Hl7V2StoreEdge';
  /** Pass as `after` to continue after this store. */
  cursor: Scalars['String']['output'];
  /** The store. */
  node: Hl7V2Store;
};

/** A person's name. */
export type HumanName = {
  __typename?: 'HumanName';
  /** Family name (surname). */
  family: Maybe<Scalars['String']['output']>;
  /** Given names, first name first. */
  given: Array<Scalars['String']['output']>;
  /** Prefixes such as `Dr.`. */
  prefix: Array<Scalars['String']['output']>;
  /** Suffixes such as `Jr.`. */
  suffix: Array<Scalars['String']['output']>;
  /** The whole name as text. */
  text: Maybe<Scalars['String']['output']>;
  /** `usual`, `official`, `nickname`, `maiden`, ... */
  use: Maybe<Scalars['String']['output']>;
};

/** One role and the principals that hold it. */
export type IamBinding = {
  __typename?: 'IamBinding';
  /** Principals: `user:…`, `serviceAccount:…`, `group:…` or `domain:…`. */
  members: Array<Scalars['String']['output']>;
  /** A role such as `roles/healthcare.fhirResourceReader`. */
  role: Scalars['String']['output'];
};

export type IamBindingInput = {
  /** Principals, e.g. `user:alice@example.com`. */
  members: Array<Scalars['String']['input']>;
  /** A role such as `roles/healthcare.dicomViewer`. */
  role: Scalars['String']['input'];
};

/** A Cloud IAM policy: who holds which role on a dataset or store. */
export type IamPolicy = {
  __typename?: 'IamPolicy';
  /** Role bindings. */
  bindings: Array<IamBinding>;
  /** Pass back to `setIamPolicy` so a concurrent change is not overwritten. */
  etag: Scalars['String']['output'];
  /** Policy format version (1, or 3 with conditions). */
  version: Maybe<Scalars['Int']['output']>;
};

/** An identifier of a resource in some system, such as an MRN. */
export type Identifier = {
  __typename?: 'Identifier';
  /** The namespace of the value (a URI). */
  system: Maybe<Scalars['String']['output']>;
  /** The type's first code, e.g. `MR` for a medical record number. */
  typeCode: Maybe<Scalars['String']['output']>;
  /** `usual`, `official`, `temp`, `secondary` or `old`. */
  use: Maybe<Scalars['String']['output']>;
  /** The identifier. */
  value: Maybe<Scalars['String']['output']>;
};

/** Image formats of rendered instances. */
export type ImageFormat =
  /** JPEG (smaller; the API's default). */
  | 'JPEG'
  /** Lossless PNG. */
  | 'PNG';

/** A vaccination (FHIR `Immunization`). */
export type Immunization = Node & {
  __typename?: 'Immunization';
  /** Opaque global id. */
  id: Scalars['ID']['output'];
  /** When this version was stored (`meta.lastUpdated`). */
  lastUpdated: Maybe<Scalars['String']['output']>;
  /** When it was given (`occurrenceDateTime`). */
  occurrenceDateTime: Maybe<Scalars['String']['output']>;
  /** The whole FHIR resource as stored. */
  resource: Scalars['JSON']['output'];
  /** The Immunization's id in its FHIR store. */
  resourceId: Scalars['String']['output'];
  /** `completed`, `entered-in-error` or `not-done`. */
  status: Maybe<Scalars['String']['output']>;
  /** The vaccine, e.g. CVX `140` Influenza. */
  vaccineCode: Maybe<CodeableConcept>;
  /** Version id of the stored version (`meta.versionId`); pass it to `FhirStore.resourceVersion` to read this version again. */
  versionId: Maybe<Scalars['String']['output']>;
};

/** A page of immunizations. */
export type ImmunizationConnection = {
  __typename?: 'ImmunizationConnection';
  /** The immunizations of this page, each with its cursor. */
  edges: Array<ImmunizationEdge>;
  /** The immunizations of this page. */
  nodes: Array<Immunization>;
  /** Where this page sits in the list. */
  pageInfo: PageInfo;
  /** The store's estimate of how many match; null when it gives none. */
  totalCount: Maybe<Scalars['Int']['output']>;
};

/** An immunization in a page. */
export type ImmunizationEdge = {
  __typename?: 'ImmunizationEdge';
  /** Pass as `after` to continue after this immunization. */
  cursor: Scalars['String']['output'];
  /** The immunization. */
  node: Immunization;
};

/** The result of `ingestHl7V2Message`. */
export type IngestHl7V2MessagePayload = {
  __typename?: 'IngestHl7V2MessagePayload';
  /** The store's acknowledgment as HL7v2 text (an `ACK` message; segments end with `\r`). */
  ack: Scalars['String']['output'];
  /** MSA-1 of the acknowledgment: `AA` (application accept). */
  ackCode: Scalars['String']['output'];
  /** The message as the store parsed and keeps it. */
  message: Hl7V2Message;
};

/** An instance: one DICOM object, usually one image (or a multi-frame clip). */
export type Instance = Node & {
  __typename?: 'Instance';
  /** Image width in pixels. */
  columns: Maybe<Scalars['Int']['output']>;
  /** Opaque global id. */
  id: Scalars['ID']['output'];
  /** Instance number within the series. */
  instanceNumber: Maybe<Scalars['Int']['output']>;
  /** All attributes, as WADO-RS metadata in the DICOM JSON model (pixel data as a BulkDataURI). */
  metadata: Maybe<Scalars['JSON']['output']>;
  /** Number of frames (1 for a single image). */
  numberOfFrames: Maybe<Scalars['Int']['output']>;
  /**
   * An absolute URL on this server that returns the frame rendered as an image, ready for an `<img>`.
   * It applies the same access rules as the graph.
   */
  renderedUrl: Scalars['String']['output'];
  /** Image height in pixels. */
  rows: Maybe<Scalars['Int']['output']>;
  /** The series the instance belongs to. */
  series: Series;
  /** SOPClassUID (what kind of object, e.g. CT Image Storage). */
  sopClassUid: Maybe<Scalars['String']['output']>;
  /** SOPInstanceUID. */
  sopInstanceUid: Scalars['String']['output'];
};


/** An instance: one DICOM object, usually one image (or a multi-frame clip). */
export type InstanceRenderedUrlArgs = {
  format?: InputMaybe<ImageFormat>;
  frame?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of instances. */
export type InstanceConnection = {
  __typename?: 'InstanceConnection';
  /** The instances of this page, each with its cursor. */
  edges: Array<InstanceEdge>;
  /** The instances of this page. */
  nodes: Array<Instance>;
  /** Where this page sits in the list. */
  pageInfo: PageInfo;
  /** Null: QIDO-RS does not report how many instances match. */
  totalCount: Maybe<Scalars['Int']['output']>;
};

/** An instance in a page. */
export type InstanceEdge = {
  __typename?: 'InstanceEdge';
  /** Pass as `after` to continue after this instance. */
  cursor: Scalars['String']['output'];
  /** The instance. */
  node: Instance;
};

/**
 * Match keys for `DicomStore.instances`: those of `SeriesFilter` (matched against each instance's
 * series and study) and the instance's own.
 */
export type InstanceFilter = {
  /** Accession number of the instance's study. */
  accessionNumber?: InputMaybe<Scalars['String']['input']>;
  /** Match names by word prefix, case-insensitively (QIDO `fuzzymatching=true`). */
  fuzzy?: InputMaybe<Scalars['Boolean']['input']>;
  /** Modality of the instance's series, a DICOM code such as `CT` (upper case, exact match). */
  modality?: InputMaybe<Scalars['String']['input']>;
  /** PatientID, e.g. an MRN. */
  patientId?: InputMaybe<Scalars['String']['input']>;
  /** Patient name in DICOM form (`Family^Given`); with `fuzzy`, any name part that starts with it. */
  patientName?: InputMaybe<Scalars['String']['input']>;
  /** Referring physician in DICOM form (`Family^Given`). */
  referringPhysicianName?: InputMaybe<Scalars['String']['input']>;
  /** SeriesInstanceUID: only this series' instances. */
  seriesInstanceUid?: InputMaybe<Scalars['String']['input']>;
  /** SOPInstanceUID. */
  sopInstanceUid?: InputMaybe<Scalars['String']['input']>;
  /** Instances of studies on or after this date. */
  studyDateFrom?: InputMaybe<Scalars['Date']['input']>;
  /** Instances of studies on or before this date. */
  studyDateTo?: InputMaybe<Scalars['Date']['input']>;
  /** StudyInstanceUID: only this study's instances. */
  studyInstanceUid?: InputMaybe<Scalars['String']['input']>;
};

/** A resource-label pair, as set on stores in the Cloud Healthcare API. */
export type Label = {
  __typename?: 'Label';
  /** Label key. */
  key: Scalars['String']['output'];
  /** Label value (may be empty). */
  value: Scalars['String']['output'];
};

/** A location (region) of a project, e.g. `us-central1`, and its datasets. */
export type Location = {
  __typename?: 'Location';
  /** Whether this is the server's configured location (`HEALTHCARE_LOCATION`): what `Query.datasets` lists. */
  configured: Scalars['Boolean']['output'];
  /** The location's datasets (only the pinned one when the server is pinned to a dataset), ordered by id. */
  datasets: DatasetConnection;
  /** The location's id, e.g. `us-central1`. */
  locationId: Scalars['String']['output'];
  /** Full resource name, `projects/{p}/locations/{l}`. */
  name: Scalars['String']['output'];
  /** Project id. */
  projectId: Scalars['String']['output'];
};


/** A location (region) of a project, e.g. `us-central1`, and its datasets. */
export type LocationDatasetsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of locations. */
export type LocationConnection = {
  __typename?: 'LocationConnection';
  /** The locations of this page, each with its cursor. */
  edges: Array<LocationEdge>;
  /** The locations of this page. */
  nodes: Array<Location>;
  /** Where this page sits in the list. */
  pageInfo: PageInfo;
  /** Null: the Cloud Healthcare API does not report how many locations there are. */
  totalCount: Maybe<Scalars['Int']['output']>;
};

/** A location in a page, with the cursor that points just after it. */
export type LocationEdge = {
  __typename?: 'LocationEdge';
  /** Pass as `after` to continue the list after this location. */
  cursor: Scalars['String']['output'];
  /** The location. */
  node: Location;
};

/** A prescription or other medication order (FHIR `MedicationRequest`). */
export type MedicationRequest = Node & {
  __typename?: 'MedicationRequest';
  /** When it was written. */
  authoredOn: Maybe<Scalars['String']['output']>;
  /** Dosage instructions as text. */
  dosageText: Maybe<Scalars['String']['output']>;
  /** Opaque global id. */
  id: Scalars['ID']['output'];
  /** `proposal`, `plan`, `order`, ... */
  intent: Maybe<Scalars['String']['output']>;
  /** When this version was stored (`meta.lastUpdated`). */
  lastUpdated: Maybe<Scalars['String']['output']>;
  /** The medication, e.g. RxNorm `197361` Amlodipine 5 MG Oral Tablet. */
  medication: Maybe<CodeableConcept>;
  /** Who wrote it. */
  requester: Maybe<Practitioner>;
  /** The whole FHIR resource as stored. */
  resource: Scalars['JSON']['output'];
  /** The MedicationRequest's id in its FHIR store. */
  resourceId: Scalars['String']['output'];
  /** `active`, `on-hold`, `cancelled`, `completed`, `stopped`, ... */
  status: Maybe<Scalars['String']['output']>;
  /** Version id of the stored version (`meta.versionId`); pass it to `FhirStore.resourceVersion` to read this version again. */
  versionId: Maybe<Scalars['String']['output']>;
};

/** A page of medication requests. */
export type MedicationRequestConnection = {
  __typename?: 'MedicationRequestConnection';
  /** The medication requests of this page, each with its cursor. */
  edges: Array<MedicationRequestEdge>;
  /** The medication requests of this page. */
  nodes: Array<MedicationRequest>;
  /** Where this page sits in the list. */
  pageInfo: PageInfo;
  /** The store's estimate of how many match; null when it gives none. */
  totalCount: Maybe<Scalars['Int']['output']>;
};

/** A medication request in a page. */
export type MedicationRequestEdge = {
  __typename?: 'MedicationRequestEdge';
  /** Pass as `after` to continue after this medication request. */
  cursor: Scalars['String']['output'];
  /** The medication request. */
  node: MedicationRequest;
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Asks a running operation to stop and returns it as it is then (done with error CANCELLED once stopped). */
  cancelOperation: Operation;
  /**
   * Creates a FHIR resource in a store and returns it as stored (with its server-assigned id).
   * With `ifNoneExist` it is a "get or create": when exactly one resource matches that search, it is
   * returned unchanged (`created: false`) instead.
   */
  createFhirResource: FhirResourcePayload;
  /**
   * Starts copying a whole dataset, de-identified, into a new dataset of the same project and location
   * (every FHIR and DICOM store). Returns the running operation; the source is never changed.
   */
  deidentifyDataset: Operation;
  /** Starts copying a DICOM store, de-identified, into a new DICOM store of an existing dataset in the same location. */
  deidentifyDicomStore: Operation;
  /** Starts copying a FHIR store, de-identified, into an existing FHIR store of the same location. */
  deidentifyFhirStore: Operation;
  /**
   * Deletes a FHIR resource. Deleting by id one that does not exist succeeds too (FHIR's rule). With
   * `condition` a search picks the resource: none matching is NOT_FOUND, several a CONFLICT.
   */
  deleteFhirResource: DeleteFhirResourcePayload;
  /**
   * Runs a FHIR `batch` or `transaction` Bundle in one call. A transaction is all or nothing: when
   * one entry fails, nothing is stored and the mutation fails; entries may reference each other by
   * `urn:uuid:` full URLs, which the store replaces by the new ids. A batch runs each entry on its
   * own and reports each entry's outcome.
   */
  executeFhirBundle: FhirBundlePayload;
  /** Starts writing a DICOM store's instances to Cloud Storage as `{study}/{series}/{instance}.dcm`. */
  exportDicomInstances: Operation;
  /**
   * Starts writing a FHIR store's resources to Cloud Storage: one NDJSON object per resource type,
   * named `{operationId}_{ResourceType}` under `gcsUriPrefix`.
   */
  exportFhirResources: Operation;
  /** Starts writing an HL7v2 store's messages to Cloud Storage, one message (JSON) per line. */
  exportHl7V2Messages: Operation;
  /**
   * Starts loading DICOM files (Part 10) from Cloud Storage into a DICOM store. Instances already
   * stored are left as they are; files that are not DICOM count as failures.
   */
  importDicomInstances: Operation;
  /**
   * Starts loading FHIR resources from Cloud Storage into a store. Every resource needs its own
   * `id`; a resource with an id already stored replaces it. References are not checked. Poll the
   * returned operation: `progress.success` counts resources stored, `progress.failure` those refused.
   */
  importFhirResources: Operation;
  /**
   * Sends one HL7v2 message to a store the way an interface engine does (`messages.ingest`): the store
   * parses and keeps it and answers with an ACK. A message the store cannot parse (or a duplicate, when
   * the store rejects duplicates) is refused with a BAD_USER_INPUT error whose `extensions.ackCode` is
   * the NACK's MSA-1 (`AR` or `AE`).
   */
  ingestHl7V2Message: IngestHl7V2MessagePayload;
  /**
   * Changes part of a FHIR resource with a JSON Patch (RFC 6902), e.g.
   * `[{"op": "replace", "path": "/telecom/0/value", "value": "555-0100"}]`, and returns the new
   * version. Send `ifMatch` so that a concurrent edit is refused (CONFLICT) instead of overwritten.
   */
  patchFhirResource: FhirResourcePayload;
  /**
   * Removes the older versions of a FHIR resource from its history; the current version stays.
   * To remove a resource entirely, delete it first and then purge it.
   */
  purgeFhirResourceHistory: PurgeFhirResourceHistoryPayload;
  /** Replaces the IAM policy of a dataset or store (needs the `…setIamPolicy` permission on it). */
  setIamPolicy: IamPolicy;
  /**
   * Replaces a FHIR resource (by its `resourceType` and `id`) and returns the new version. With
   * `ifMatch` the write only happens while that is still the current version (else CONFLICT); with
   * `condition` a search picks the resource instead of the id.
   */
  updateFhirResource: FhirResourcePayload;
};


export type MutationCancelOperationArgs = {
  name: Scalars['String']['input'];
};


export type MutationCreateFhirResourceArgs = {
  input: CreateFhirResourceInput;
};


export type MutationDeidentifyDatasetArgs = {
  config?: InputMaybe<DeidentifyConfigInput>;
  destinationDatasetId: Scalars['String']['input'];
  source: Scalars['String']['input'];
};


export type MutationDeidentifyDicomStoreArgs = {
  config?: InputMaybe<DeidentifyConfigInput>;
  destinationStore: Scalars['String']['input'];
  source: Scalars['String']['input'];
};


export type MutationDeidentifyFhirStoreArgs = {
  config?: InputMaybe<DeidentifyConfigInput>;
  destinationStore: Scalars['String']['input'];
  resources?: InputMaybe<Array<Scalars['String']['input']>>;
  source: Scalars['String']['input'];
};


export type MutationDeleteFhirResourceArgs = {
  input: DeleteFhirResourceInput;
};


export type MutationExecuteFhirBundleArgs = {
  input: ExecuteFhirBundleInput;
};


export type MutationExportDicomInstancesArgs = {
  gcsUriPrefix: Scalars['String']['input'];
  store: Scalars['String']['input'];
};


export type MutationExportFhirResourcesArgs = {
  gcsUriPrefix: Scalars['String']['input'];
  since?: InputMaybe<Scalars['DateTime']['input']>;
  store: Scalars['String']['input'];
  types?: InputMaybe<Array<Scalars['String']['input']>>;
};


export type MutationExportHl7V2MessagesArgs = {
  endTime?: InputMaybe<Scalars['DateTime']['input']>;
  filter?: InputMaybe<Scalars['String']['input']>;
  gcsUriPrefix: Scalars['String']['input'];
  startTime?: InputMaybe<Scalars['DateTime']['input']>;
  store: Scalars['String']['input'];
};


export type MutationImportDicomInstancesArgs = {
  gcsUri: Scalars['String']['input'];
  store: Scalars['String']['input'];
};


export type MutationImportFhirResourcesArgs = {
  contentStructure?: InputMaybe<FhirContentStructure>;
  gcsUri: Scalars['String']['input'];
  store: Scalars['String']['input'];
};


export type MutationIngestHl7V2MessageArgs = {
  message: Scalars['String']['input'];
  store: Scalars['String']['input'];
};


export type MutationPatchFhirResourceArgs = {
  input: PatchFhirResourceInput;
};


export type MutationPurgeFhirResourceHistoryArgs = {
  input: PurgeFhirResourceHistoryInput;
};


export type MutationSetIamPolicyArgs = {
  input: SetIamPolicyInput;
};


export type MutationUpdateFhirResourceArgs = {
  input: UpdateFhirResourceInput;
};

/**
 * An object with a global id. Every id is opaque: pass it back to `Query.node(id:)` to fetch the object
 * again, never parse it.
 */
export type Node = {
  /** Opaque global id, stable across requests and server restarts. */
  id: Scalars['ID']['output'];
};

/** A measurement or finding about a patient (FHIR `Observation`): a vital sign, a lab result, ... */
export type Observation = Node & {
  __typename?: 'Observation';
  /** Categories, e.g. `vital-signs`, `laboratory`. */
  categories: Array<CodeableConcept>;
  /** What was observed, e.g. LOINC `8867-4` Heart rate. */
  code: Maybe<CodeableConcept>;
  /** Parts of a panel, e.g. systolic and diastolic blood pressure. */
  components: Array<ObservationComponent>;
  /** When it was observed (`effectiveDateTime`, or the start of `effectivePeriod`). */
  effectiveDateTime: Maybe<Scalars['String']['output']>;
  /** The encounter it was made in. */
  encounter: Maybe<Encounter>;
  /** Opaque global id. */
  id: Scalars['ID']['output'];
  /** High/low/normal flags. */
  interpretation: Array<CodeableConcept>;
  /** When the result was released. */
  issued: Maybe<Scalars['String']['output']>;
  /** When this version was stored (`meta.lastUpdated`). */
  lastUpdated: Maybe<Scalars['String']['output']>;
  /** The whole FHIR resource as stored. */
  resource: Scalars['JSON']['output'];
  /** The Observation's id in its FHIR store. */
  resourceId: Scalars['String']['output'];
  /** `registered`, `preliminary`, `final`, `amended`, ... */
  status: Maybe<Scalars['String']['output']>;
  /** A coded result (`valueCodeableConcept`). */
  valueCodeableConcept: Maybe<CodeableConcept>;
  /** The result as text to show, e.g. `72 /min` or `120/80 mmHg` for a panel. */
  valueDisplay: Maybe<Scalars['String']['output']>;
  /** A numeric result with its unit (`valueQuantity`). */
  valueQuantity: Maybe<Quantity>;
  /** A text result (`valueString`). */
  valueString: Maybe<Scalars['String']['output']>;
  /** Version id of the stored version (`meta.versionId`); pass it to `FhirStore.resourceVersion` to read this version again. */
  versionId: Maybe<Scalars['String']['output']>;
};

/** One part of an Observation panel. */
export type ObservationComponent = {
  __typename?: 'ObservationComponent';
  /** What this part measures. */
  code: Maybe<CodeableConcept>;
  /** A numeric result with its unit. */
  valueQuantity: Maybe<Quantity>;
  /** A text result. */
  valueString: Maybe<Scalars['String']['output']>;
};

/** A page of observations. */
export type ObservationConnection = {
  __typename?: 'ObservationConnection';
  /** The observations of this page, each with its cursor. */
  edges: Array<ObservationEdge>;
  /** The observations of this page. */
  nodes: Array<Observation>;
  /** Where this page sits in the list. */
  pageInfo: PageInfo;
  /** The store's estimate of how many match; null when it gives none. */
  totalCount: Maybe<Scalars['Int']['output']>;
};

/** An observation in a page. */
export type ObservationEdge = {
  __typename?: 'ObservationEdge';
  /** Pass as `after` to continue after this observation. */
  cursor: Scalars['String']['output'];
  /** The observation. */
  node: Observation;
};

/**
 * A long-running Cloud Healthcare operation, such as a de-identification. It runs in the background
 * after the mutation that started it returns: poll it with `node(id:)` (or `operation(name:)`) until
 * `done` is true.
 */
export type Operation = Node & {
  __typename?: 'Operation';
  /** The API method that started it, e.g. `google.cloud.healthcare.v1.dataset.DatasetService.DeidentifyDataset`. */
  apiMethodName: Maybe<Scalars['String']['output']>;
  /** True when a cancellation was requested. */
  cancelRequested: Scalars['Boolean']['output'];
  /** When the operation started. */
  createTime: Maybe<Scalars['DateTime']['output']>;
  /** The dataset the operation belongs to (a de-identification's source). */
  dataset: Dataset;
  /** True once the operation has finished: with `error` set it failed or was cancelled, else it succeeded. */
  done: Scalars['Boolean']['output'];
  /** When the operation finished; null while it runs. */
  endTime: Maybe<Scalars['DateTime']['output']>;
  /** Why the operation failed (or that it was cancelled: code 1, CANCELLED); null otherwise. */
  error: Maybe<OperationError>;
  /** Opaque global id. Ids returned by the de-identification mutations also carry the destination (`result`). */
  id: Scalars['ID']['output'];
  /** What the operation does, from its API method. */
  kind: OperationKind;
  /** Full resource name, `projects/{p}/locations/{l}/datasets/{d}/operations/{id}`. */
  name: Scalars['String']['output'];
  /** Short id, the last segment of `name`. */
  operationId: Scalars['String']['output'];
  /** Items processed so far (FHIR resources, DICOM instances); null when the operation reports none. */
  progress: Maybe<OperationProgress>;
  /**
   * Where a de-identification writes its copy (the destination dataset, FHIR store or DICOM store),
   * or the store an import loads into.
   * Known for operations this server started (their ids carry it); null for operations only read
   * by name or listed, because the Cloud Healthcare API does not report it.
   */
  result: Maybe<OperationResult>;
};

/** A page of operations. */
export type OperationConnection = {
  __typename?: 'OperationConnection';
  /** The operations of this page, each with its cursor. */
  edges: Array<OperationEdge>;
  /** The operations of this page. */
  nodes: Array<Operation>;
  /** Where this page sits in the list. */
  pageInfo: PageInfo;
  /** Null: the Cloud Healthcare API does not report how many operations there are. */
  totalCount: Maybe<Scalars['Int']['output']>;
};

/** An operation in a page, with the cursor that points just after it. */
export type OperationEdge = {
  __typename?: 'OperationEdge';
  /** Pass as `after` to continue the list after this operation. */
  cursor: Scalars['String']['output'];
  /** The operation. */
  node: Operation;
};

/** Why an operation did not succeed (a `google.rpc.Status`). */
export type OperationError = {
  __typename?: 'OperationError';
  /** gRPC status code, e.g. 1 (CANCELLED), 13 (INTERNAL). */
  code: Scalars['Int']['output'];
  /** The API's message. */
  message: Scalars['String']['output'];
  /** The code's name, e.g. `CANCELLED`. */
  status: Scalars['String']['output'];
};

/** What an operation does. */
export type OperationKind =
  /** `datasets.create`. */
  | 'CREATE_DATASET'
  /** `datasets.deidentify`: a de-identified copy of a whole dataset. */
  | 'DEIDENTIFY_DATASET'
  /** `dicomStores.deidentify`: a de-identified copy of a DICOM store. */
  | 'DEIDENTIFY_DICOM_STORE'
  /** `fhirStores.deidentify`: a de-identified copy of a FHIR store. */
  | 'DEIDENTIFY_FHIR_STORE'
  /** `dicomStores.export`: DICOM instances written to Cloud Storage. */
  | 'EXPORT_DICOM_INSTANCES'
  /** `fhirStores.export`: FHIR resources written to Cloud Storage, one NDJSON object per type. */
  | 'EXPORT_FHIR_RESOURCES'
  /** `hl7V2Stores.export`: HL7v2 messages written to Cloud Storage. */
  | 'EXPORT_HL7V2_MESSAGES'
  /** `dicomStores.import`: DICOM files loaded from Cloud Storage. */
  | 'IMPORT_DICOM_INSTANCES'
  /** `fhirStores.import`: FHIR resources loaded from Cloud Storage. */
  | 'IMPORT_FHIR_RESOURCES'
  /** Any other method (imports, exports, DICOM deletions, ...). */
  | 'OTHER';

/** Progress counters of an operation. */
export type OperationProgress = {
  __typename?: 'OperationProgress';
  /** Items that failed (a de-identification still succeeds when some fail). */
  failure: Scalars['Int']['output'];
  /** Items not yet processed. */
  pending: Scalars['Int']['output'];
  /** Share of items processed (success + failure), 0 to 100; null when there are no items. */
  percent: Maybe<Scalars['Float']['output']>;
  /** Items done. */
  success: Scalars['Int']['output'];
};

/** The destination of a de-identification. */
export type OperationResult = Dataset | DicomStore | FhirStore;

/** A hospital, clinic or other organization (FHIR `Organization`). */
export type Organization = Node & {
  __typename?: 'Organization';
  /** Addresses. */
  addresses: Array<Address>;
  /** Opaque global id. */
  id: Scalars['ID']['output'];
  /** Identifiers. */
  identifiers: Array<Identifier>;
  /** When this version was stored (`meta.lastUpdated`). */
  lastUpdated: Maybe<Scalars['String']['output']>;
  /** Name. */
  name: Maybe<Scalars['String']['output']>;
  /** The whole FHIR resource as stored. */
  resource: Scalars['JSON']['output'];
  /** The Organization's id in its FHIR store. */
  resourceId: Scalars['String']['output'];
  /** Phone numbers and email addresses. */
  telecom: Array<ContactPoint>;
  /** Version id of the stored version (`meta.versionId`); pass it to `FhirStore.resourceVersion` to read this version again. */
  versionId: Maybe<Scalars['String']['output']>;
};

/**
 * Where a page of a connection sits in the whole list (Relay cursor connections).
 * The Healthcare API pages forward only, so `hasPreviousPage` is always false.
 */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** Cursor of the last edge of this page; pass it as `after` to get the next page. */
  endCursor: Maybe<Scalars['String']['output']>;
  /** True when another page follows; fetch it with `after: endCursor`. */
  hasNextPage: Scalars['Boolean']['output'];
  /** Always false: the upstream pages forward only. */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** Cursor of the first edge of this page, or null when the page is empty. */
  startCursor: Maybe<Scalars['String']['output']>;
};

export type PatchFhirResourceInput = {
  /** The resource's id. */
  id: Scalars['String']['input'];
  /** The version you read (`versionId`): the patch is refused with CONFLICT when a newer one exists. */
  ifMatch?: InputMaybe<Scalars['String']['input']>;
  /**
   * The JSON Patch: a list of operations (`add`, `remove`, `replace`, `move`, `copy`, `test`), each
   * with a JSON Pointer `path`, e.g. `[{"op": "add", "path": "/active", "value": true}]`.
   */
  patch: Scalars['JSON']['input'];
  /** FHIR resource type, e.g. `Patient`. */
  resourceType: Scalars['String']['input'];
  /** The FHIR store (see `CreateFhirResourceInput.store`). */
  store?: InputMaybe<Scalars['String']['input']>;
};

/**
 * A patient (FHIR `Patient`), with their chart: observations, conditions, encounters, medications,
 * allergies, immunizations, and everything else via `everything`.
 */
export type Patient = Node & {
  __typename?: 'Patient';
  /** Whether the record is in active use. */
  active: Maybe<Scalars['Boolean']['output']>;
  /** Addresses. */
  addresses: Array<Address>;
  /** Allergies and intolerances. */
  allergies: AllergyIntoleranceConnection;
  /** Date of birth. */
  birthDate: Maybe<Scalars['Date']['output']>;
  /** Conditions (problems, diagnoses), most recent onset first. */
  conditions: ConditionConnection;
  /** True when the patient has died (from `deceasedBoolean` or `deceasedDateTime`). */
  deceased: Scalars['Boolean']['output'];
  /** Date and time of death, when recorded. */
  deceasedDateTime: Maybe<Scalars['String']['output']>;
  /** The name to show: "Given Family" of the official (else first) name. */
  displayName: Maybe<Scalars['String']['output']>;
  /** Encounters (visits, stays), newest first. */
  encounters: EncounterConnection;
  /**
   * The patient's whole record (`Patient/$everything`): the Patient, resources about them, and
   * resources they reference.
   */
  everything: ResourceConnection;
  /** `male`, `female`, `other` or `unknown`. */
  gender: Maybe<Scalars['String']['output']>;
  /** The patient's primary care practitioners (references to Practitioner). */
  generalPractitioners: Array<Practitioner>;
  /**
   * HL7v2 messages about this patient (ADT admissions, ORU lab results, ...): the messages of the
   * dataset's HL7v2 stores whose PID-2, PID-3 or PID-4 holds the patient's MRN with identifier type
   * `MRN` or `MR`, newest first. Empty when the patient has no MRN.
   */
  hl7V2Messages: Maybe<Hl7V2MessageConnection>;
  /** Opaque global id. */
  id: Scalars['ID']['output'];
  /** All identifiers (MRN, national ids, ...). */
  identifiers: Array<Identifier>;
  /**
   * Imaging studies whose PatientID equals this patient's MRN, in the DICOM stores of the same dataset
   * (the allowed ones), newest first. Null, with a FORBIDDEN error at this path, when the caller may
   * read the patient but not the imaging (it lives in other stores, under other IAM grants), so the
   * rest of the chart still arrives.
   */
  imagingStudies: Maybe<StudyConnection>;
  /** Immunizations, newest first. */
  immunizations: ImmunizationConnection;
  /** When this version was stored (`meta.lastUpdated`). */
  lastUpdated: Maybe<Scalars['String']['output']>;
  /**
   * The newest observations per code, as FHIR's `Observation/$lastn` defines it: for each code, its
   * `max` newest observations (by effective date), for a "latest vitals" card. Give `codes` (in the
   * order the answer should have), or a `category` for every code in it. Codes come in the order
   * given, else newest first; each code's observations newest first. With `codes` a page of patients
   * costs the calls `observations` does, plus one shared search when some patients lack a code; with
   * a category alone, a patient's whole category may have to be read.
   */
  latestObservations: Array<Observation>;
  /** The organization that manages the record. */
  managingOrganization: Maybe<Organization>;
  /** Medication requests (prescriptions), newest first. */
  medications: MedicationRequestConnection;
  /** Medical record number: the value of the identifier whose type code is `MR`. */
  mrn: Maybe<Scalars['String']['output']>;
  /** All names. */
  names: Array<HumanName>;
  /** Observations (vitals, labs, ...), newest first. */
  observations: ObservationConnection;
  /** The whole FHIR resource as stored. */
  resource: Scalars['JSON']['output'];
  /** The Patient's id in its FHIR store. */
  resourceId: Scalars['String']['output'];
  /** The FHIR store that holds the record. */
  store: FhirStore;
  /** Phone numbers and email addresses. */
  telecom: Array<ContactPoint>;
  /** Version id of the stored version (`meta.versionId`); pass it to `FhirStore.resourceVersion` to read this version again. */
  versionId: Maybe<Scalars['String']['output']>;
};


/**
 * A patient (FHIR `Patient`), with their chart: observations, conditions, encounters, medications,
 * allergies, immunizations, and everything else via `everything`.
 */
export type PatientAllergiesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * A patient (FHIR `Patient`), with their chart: observations, conditions, encounters, medications,
 * allergies, immunizations, and everything else via `everything`.
 */
export type PatientConditionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  clinicalStatus?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * A patient (FHIR `Patient`), with their chart: observations, conditions, encounters, medications,
 * allergies, immunizations, and everything else via `everything`.
 */
export type PatientEncountersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * A patient (FHIR `Patient`), with their chart: observations, conditions, encounters, medications,
 * allergies, immunizations, and everything else via `everything`.
 */
export type PatientEverythingArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  since?: InputMaybe<Scalars['DateTime']['input']>;
  types?: InputMaybe<Array<Scalars['String']['input']>>;
};


/**
 * A patient (FHIR `Patient`), with their chart: observations, conditions, encounters, medications,
 * allergies, immunizations, and everything else via `everything`.
 */
export type PatientHl7V2MessagesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * A patient (FHIR `Patient`), with their chart: observations, conditions, encounters, medications,
 * allergies, immunizations, and everything else via `everything`.
 */
export type PatientImagingStudiesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * A patient (FHIR `Patient`), with their chart: observations, conditions, encounters, medications,
 * allergies, immunizations, and everything else via `everything`.
 */
export type PatientImmunizationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * A patient (FHIR `Patient`), with their chart: observations, conditions, encounters, medications,
 * allergies, immunizations, and everything else via `everything`.
 */
export type PatientLatestObservationsArgs = {
  category?: InputMaybe<Scalars['String']['input']>;
  codes?: InputMaybe<Array<Scalars['String']['input']>>;
  max?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * A patient (FHIR `Patient`), with their chart: observations, conditions, encounters, medications,
 * allergies, immunizations, and everything else via `everything`.
 */
export type PatientMedicationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<Scalars['String']['input']>;
};


/**
 * A patient (FHIR `Patient`), with their chart: observations, conditions, encounters, medications,
 * allergies, immunizations, and everything else via `everything`.
 */
export type PatientObservationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  category?: InputMaybe<Scalars['String']['input']>;
  code?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of patients. See `ResourceConnection` for how FHIR paging shows through. */
export type PatientConnection = {
  __typename?: 'PatientConnection';
  /** The patients of this page, each with its cursor. */
  edges: Array<PatientEdge>;
  /** The patients of this page. */
  nodes: Array<Patient>;
  /** Where this page sits in the list. */
  pageInfo: PageInfo;
  /** The store's estimate of how many patients match; null when it gives none. */
  totalCount: Maybe<Scalars['Int']['output']>;
};

/** A patient in a page, with the cursor that points just after it. */
export type PatientEdge = {
  __typename?: 'PatientEdge';
  /** Pass as `after` to continue after this patient. */
  cursor: Scalars['String']['output'];
  /** The patient. */
  node: Patient;
};

/**
 * Filters for `FhirStore.patients`. All given filters must match (AND). Strings match the way FHIR
 * search does: case- and accent-insensitive, at the start of a name part.
 */
export type PatientFilter = {
  /** Whether the patient record is in active use (`Patient.active`). */
  active?: InputMaybe<Scalars['Boolean']['input']>;
  /** Any part of any address (line, city, state, postal code, country): starts with this text. */
  address?: InputMaybe<Scalars['String']['input']>;
  /** Use of an address: `home`, `work`, `temp`, `old` or `billing`. */
  addressUse?: InputMaybe<Scalars['String']['input']>;
  /** Born on or after this date. */
  birthDateFrom?: InputMaybe<Scalars['Date']['input']>;
  /** Born on or before this date. */
  birthDateTo?: InputMaybe<Scalars['Date']['input']>;
  /** City of any address; starts with this text, case and accents ignored. */
  city?: InputMaybe<Scalars['String']['input']>;
  /** Country of any address; starts with this text. */
  country?: InputMaybe<Scalars['String']['input']>;
  /** Died on or after this date. */
  deathDateFrom?: InputMaybe<Scalars['Date']['input']>;
  /** Died on or before this date. */
  deathDateTo?: InputMaybe<Scalars['Date']['input']>;
  /** Whether the patient has died (a `deceasedBoolean` of true or any `deceasedDateTime`). */
  deceased?: InputMaybe<Scalars['Boolean']['input']>;
  /** An e-mail address (exact, case ignored as FHIR token search does). */
  email?: InputMaybe<Scalars['String']['input']>;
  /** Family name. */
  family?: InputMaybe<Scalars['String']['input']>;
  /** `male`, `female`, `other` or `unknown`. */
  gender?: InputMaybe<Scalars['String']['input']>;
  /** Given name. */
  given?: InputMaybe<Scalars['String']['input']>;
  /** An identifier value (e.g. an MRN), or `system|value`. */
  identifier?: InputMaybe<Scalars['String']['input']>;
  /** A language the patient communicates in: a BCP-47 code such as `en`, `es` or `pt-BR`. */
  language?: InputMaybe<Scalars['String']['input']>;
  /** Any part of any name; several words must all match (e.g. `ann smi`). */
  name?: InputMaybe<Scalars['String']['input']>;
  /** A phone number, exactly as stored. */
  phone?: InputMaybe<Scalars['String']['input']>;
  /** Postal code of any address; starts with this text. */
  postalCode?: InputMaybe<Scalars['String']['input']>;
  /** State or province of any address; starts with this text. */
  state?: InputMaybe<Scalars['String']['input']>;
};

/** A clinician (FHIR `Practitioner`). */
export type Practitioner = Node & {
  __typename?: 'Practitioner';
  /** The name to show, with prefix: "Dr. Given Family". */
  displayName: Maybe<Scalars['String']['output']>;
  /** Opaque global id. */
  id: Scalars['ID']['output'];
  /** Identifiers such as the NPI. */
  identifiers: Array<Identifier>;
  /** When this version was stored (`meta.lastUpdated`). */
  lastUpdated: Maybe<Scalars['String']['output']>;
  /** All names. */
  names: Array<HumanName>;
  /** The whole FHIR resource as stored. */
  resource: Scalars['JSON']['output'];
  /** The Practitioner's id in its FHIR store. */
  resourceId: Scalars['String']['output'];
  /** Phone numbers and email addresses. */
  telecom: Array<ContactPoint>;
  /** Version id of the stored version (`meta.versionId`); pass it to `FhirStore.resourceVersion` to read this version again. */
  versionId: Maybe<Scalars['String']['output']>;
};

export type PurgeFhirResourceHistoryInput = {
  /** Id of the resource whose history goes; it may be deleted already (then no version remains). */
  id: Scalars['String']['input'];
  /** Type of the resource whose history goes, e.g. `Observation`. */
  resourceType: Scalars['String']['input'];
  /** The FHIR store (see `CreateFhirResourceInput.store`). */
  store?: InputMaybe<Scalars['String']['input']>;
};

/** The result of purging a resource's history. */
export type PurgeFhirResourceHistoryPayload = {
  __typename?: 'PurgeFhirResourceHistoryPayload';
  /** The resource whose older versions were removed; it stays readable as it is now (unless deleted). */
  purgedId: Scalars['ID']['output'];
};

/** A measured amount with its unit. */
export type Quantity = {
  __typename?: 'Quantity';
  /** Coded unit, e.g. `mm[Hg]`. */
  code: Maybe<Scalars['String']['output']>;
  /** Comparator such as `<` when the value is a bound. */
  comparator: Maybe<Scalars['String']['output']>;
  /** Unit system, usually UCUM (`http://unitsofmeasure.org`). */
  system: Maybe<Scalars['String']['output']>;
  /** Unit as shown to people, e.g. `mmHg`. */
  unit: Maybe<Scalars['String']['output']>;
  /** The numeric value. */
  value: Maybe<Scalars['Float']['output']>;
};

export type Query = {
  __typename?: 'Query';
  /**
   * One dataset, by short id (`demo`) or full resource name
   * (`projects/demo/locations/us-central1/datasets/demo`).
   */
  dataset: Maybe<Dataset>;
  /**
   * The datasets of the configured project and location (only the pinned one when the server is
   * pinned to a dataset with `HEALTHCARE_DATASET`), ordered by id.
   */
  datasets: DatasetConnection;
  /** A DICOM store by full resource name, `projects/{p}/locations/{l}/datasets/{d}/dicomStores/{s}`. */
  dicomStore: Maybe<DicomStore>;
  /** A FHIR store by full resource name, `projects/{p}/locations/{l}/datasets/{d}/fhirStores/{s}`. */
  fhirStore: Maybe<FhirStore>;
  /** One HL7v2 message by full resource name, `…/hl7V2Stores/{s}/messages/{id}` (`Hl7V2Message.name`). */
  hl7V2Message: Maybe<Hl7V2Message>;
  /** An HL7v2 store by full resource name, `projects/{p}/locations/{l}/datasets/{d}/hl7V2Stores/{s}`. */
  hl7V2Store: Maybe<Hl7V2Store>;
  /**
   * The locations (regions) of the configured project this server may show, for a project → location
   * → dataset → store picker: the configured one, and those on `ALLOWED_LOCATIONS` (every location
   * the API serves the project in, with `*`). Ordered by id.
   */
  locations: LocationConnection;
  /**
   * Fetches any object that has a global id (Dataset, FhirStore, DicomStore, ...).
   * Returns null with a NOT_FOUND error when the object no longer exists.
   */
  node: Maybe<Node>;
  /** An operation by full resource name, `projects/{p}/locations/{l}/datasets/{d}/operations/{id}`. */
  operation: Maybe<Operation>;
};


export type QueryDatasetArgs = {
  id: Scalars['String']['input'];
};


export type QueryDatasetsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryDicomStoreArgs = {
  name: Scalars['String']['input'];
};


export type QueryFhirStoreArgs = {
  name: Scalars['String']['input'];
};


export type QueryHl7V2MessageArgs = {
  name: Scalars['String']['input'];
};


export type QueryHl7V2StoreArgs = {
  name: Scalars['String']['input'];
};


export type QueryLocationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryNodeArgs = {
  id: Scalars['ID']['input'];
};


export type QueryOperationArgs = {
  name: Scalars['String']['input'];
};

/**
 * A page of FHIR resources of any type. Pages follow the FHIR store's own paging (`link[next]`): a page
 * never spans two upstream pages, so after a cursor from the middle of a page or a changed `first`
 * fewer than `first` nodes may come back; keep following `endCursor` while `hasNextPage`.
 */
export type ResourceConnection = {
  __typename?: 'ResourceConnection';
  /** The resources of this page, each with its cursor. */
  edges: Array<ResourceEdge>;
  /** The resources of this page. */
  nodes: Array<FhirResource>;
  /** Where this page sits in the list. */
  pageInfo: PageInfo;
  /** The store's estimate of how many resources match (`Bundle.total`); null when it gives none. */
  totalCount: Maybe<Scalars['Int']['output']>;
};

/** A resource in a page, with the cursor that points just after it. */
export type ResourceEdge = {
  __typename?: 'ResourceEdge';
  /** Pass as `after` to continue after this resource. */
  cursor: Scalars['String']['output'];
  /** The resource. */
  node: FhirResource;
};

/** One FHIR search parameter, e.g. `{ name: "code", value: "http://loinc.org|8867-4" }`. */
export type SearchParam = {
  /** Parameter name with optional modifier, e.g. `family:exact`, `date`, `_lastUpdated`, `_sort`, `_include`. */
  name: Scalars['String']['input'];
  /** The value as FHIR writes it, e.g. `ge2024-01-01` or `Patient/123`. Sent as a value, never as URL syntax. */
  value: Scalars['String']['input'];
};

/** A series: the images of one acquisition within a study. */
export type Series = Node & {
  __typename?: 'Series';
  /** Series description. */
  description: Maybe<Scalars['String']['output']>;
  /** Opaque global id. */
  id: Scalars['ID']['output'];
  /** The series' instances, in the store's order. */
  instances: InstanceConnection;
  /**
   * How many instances the series holds and how much storage they take (`getSeriesMetrics`). Null for
   * a series of an external DICOMweb server: DICOMweb has no such method.
   */
  metrics: Maybe<SeriesMetrics>;
  /** Modality, e.g. `CT`, `MR`, `CR`. */
  modality: Maybe<Scalars['String']['output']>;
  /** Number of instances. */
  numberOfInstances: Maybe<Scalars['Int']['output']>;
  /** Date of the series. */
  seriesDate: Maybe<Scalars['Date']['output']>;
  /** SeriesInstanceUID. */
  seriesInstanceUid: Scalars['String']['output'];
  /** Series number within the study. */
  seriesNumber: Maybe<Scalars['Int']['output']>;
  /** The study the series belongs to. */
  study: Study;
  /** A link that opens the study in a viewer at this series. Null when no viewer is configured. */
  viewerUrl: Maybe<Scalars['String']['output']>;
};


/** A series: the images of one acquisition within a study. */
export type SeriesInstancesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of series. */
export type SeriesConnection = {
  __typename?: 'SeriesConnection';
  /** The series of this page, each with its cursor. */
  edges: Array<SeriesEdge>;
  /** The series of this page. */
  nodes: Array<Series>;
  /** Where this page sits in the list. */
  pageInfo: PageInfo;
  /** Null: QIDO-RS does not report how many series match. */
  totalCount: Maybe<Scalars['Int']['output']>;
};

/** A series in a page. */
export type SeriesEdge = {
  __typename?: 'SeriesEdge';
  /** Pass as `after` to continue after this series. */
  cursor: Scalars['String']['output'];
  /** The series. */
  node: Series;
};

/**
 * Match keys for `DicomStore.series`: those of `StudyFilter` (matched against each series' study) and
 * the series' own. The same QIDO semantics: exact match of one value, `fuzzy` for name prefixes, a
 * date range.
 */
export type SeriesFilter = {
  /** Accession number of the series' study. */
  accessionNumber?: InputMaybe<Scalars['String']['input']>;
  /** Match names by word prefix, case-insensitively (QIDO `fuzzymatching=true`). */
  fuzzy?: InputMaybe<Scalars['Boolean']['input']>;
  /** Modality, a DICOM code such as `CT`, `MR`, `CR`, `DX` or `US` (upper case, exact match). */
  modality?: InputMaybe<Scalars['String']['input']>;
  /** PatientID, e.g. an MRN. */
  patientId?: InputMaybe<Scalars['String']['input']>;
  /** Patient name in DICOM form (`Family^Given`); with `fuzzy`, any name part that starts with it. */
  patientName?: InputMaybe<Scalars['String']['input']>;
  /** Referring physician in DICOM form (`Family^Given`). */
  referringPhysicianName?: InputMaybe<Scalars['String']['input']>;
  /** SeriesInstanceUID. */
  seriesInstanceUid?: InputMaybe<Scalars['String']['input']>;
  /** Series of studies on or after this date. */
  studyDateFrom?: InputMaybe<Scalars['Date']['input']>;
  /** Series of studies on or before this date. */
  studyDateTo?: InputMaybe<Scalars['Date']['input']>;
  /** StudyInstanceUID: only this study's series. */
  studyInstanceUid?: InputMaybe<Scalars['String']['input']>;
};

/** Counts and storage sizes of one series. */
export type SeriesMetrics = {
  __typename?: 'SeriesMetrics';
  /** Bytes of blob storage (the DICOM files). */
  blobStorageSizeBytes: Scalars['Float']['output'];
  /** Number of instances. */
  instanceCount: Scalars['Int']['output'];
  /** Bytes of structured storage (the indexed DICOM attributes). */
  structuredStorageSizeBytes: Scalars['Float']['output'];
};

export type SetIamPolicyInput = {
  /** The whole new set of bindings (it replaces the old one). */
  bindings: Array<IamBindingInput>;
  /** The etag of the policy read before; a concurrent change then fails instead of being lost. */
  etag?: InputMaybe<Scalars['String']['input']>;
  /** Full resource name of a dataset, FHIR store or DICOM store. */
  resource: Scalars['String']['input'];
};

/** An imaging study (DICOM): one examination of a patient, made of series of images. */
export type Study = Node & {
  __typename?: 'Study';
  /** Accession number (the order's id in the RIS). */
  accessionNumber: Maybe<Scalars['String']['output']>;
  /** Study description, e.g. `CT CHEST W/O CONTRAST`. */
  description: Maybe<Scalars['String']['output']>;
  /** Opaque global id. */
  id: Scalars['ID']['output'];
  /**
   * How many series and instances the study holds and how much storage they take (`getStudyMetrics`).
   * Null for a study of an external DICOMweb server: DICOMweb has no such method (`numberOfSeries` and
   * `numberOfInstances` still count it).
   */
  metrics: Maybe<StudyMetrics>;
  /** Modalities of the study's series, e.g. `["CT"]`. */
  modalities: Array<Scalars['String']['output']>;
  /** Number of instances. */
  numberOfInstances: Maybe<Scalars['Int']['output']>;
  /** Number of series. */
  numberOfSeries: Maybe<Scalars['Int']['output']>;
  /** The FHIR Patient of the same dataset whose MRN equals this study's PatientID. */
  patient: Maybe<Patient>;
  /** Patient's date of birth. */
  patientBirthDate: Maybe<Scalars['Date']['output']>;
  /** PatientID (the MRN in the demo data). */
  patientId: Maybe<Scalars['String']['output']>;
  /** Patient name in DICOM form (`Family^Given`). */
  patientName: Maybe<Scalars['String']['output']>;
  /** Referring physician in DICOM form. */
  referringPhysicianName: Maybe<Scalars['String']['output']>;
  /** The study's series, in the store's order. */
  series: SeriesConnection;
  /** The DICOM store that holds the study. */
  store: DicomStore;
  /** Date of the study. */
  studyDate: Maybe<Scalars['Date']['output']>;
  /** StudyInstanceUID. */
  studyInstanceUid: Scalars['String']['output'];
  /** Time of the study, DICOM TM form (`HHMMSS`). */
  studyTime: Maybe<Scalars['String']['output']>;
  /**
   * A link that opens the study in a viewer (the built-in OHIF at `/viewer`, or `VIEWER_URL_TEMPLATE`).
   * Null when no viewer is configured, so a frontend can hide its "open in viewer" button.
   */
  viewerUrl: Maybe<Scalars['String']['output']>;
};


/** An imaging study (DICOM): one examination of a patient, made of series of images. */
export type StudySeriesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<StudySeriesFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of studies. */
export type StudyConnection = {
  __typename?: 'StudyConnection';
  /** The studies of this page, each with its cursor. */
  edges: Array<StudyEdge>;
  /** The studies of this page. */
  nodes: Array<Study>;
  /** Where this page sits in the list. */
  pageInfo: PageInfo;
  /** Null: QIDO-RS does not report how many studies match. */
  totalCount: Maybe<Scalars['Int']['output']>;
};

/** A study in a page. */
export type StudyEdge = {
  __typename?: 'StudyEdge';
  /** Pass as `after` to continue after this study. */
  cursor: Scalars['String']['output'];
  /** The study. */
  node: Study;
};

/**
 * Match keys for `DicomStore.studies`, with the Cloud Healthcare API's QIDO semantics: exact match of
 * one value, `fuzzy` for name prefixes, and a date range.
 */
export type StudyFilter = {
  /** Accession number. */
  accessionNumber?: InputMaybe<Scalars['String']['input']>;
  /** Match names by word prefix, case-insensitively (QIDO `fuzzymatching=true`). */
  fuzzy?: InputMaybe<Scalars['Boolean']['input']>;
  /** PatientID, e.g. an MRN. */
  patientId?: InputMaybe<Scalars['String']['input']>;
  /** Patient name in DICOM form (`Family^Given`); with `fuzzy`, any name part that starts with it. */
  patientName?: InputMaybe<Scalars['String']['input']>;
  /** Referring physician in DICOM form (`Family^Given`). */
  referringPhysicianName?: InputMaybe<Scalars['String']['input']>;
  /** Studies on or after this date. */
  studyDateFrom?: InputMaybe<Scalars['Date']['input']>;
  /** Studies on or before this date. */
  studyDateTo?: InputMaybe<Scalars['Date']['input']>;
  /** StudyInstanceUID. */
  studyInstanceUid?: InputMaybe<Scalars['String']['input']>;
};

/** Counts and storage sizes of one study. */
export type StudyMetrics = {
  __typename?: 'StudyMetrics';
  /** Bytes of blob storage (the DICOM files). */
  blobStorageSizeBytes: Scalars['Float']['output'];
  /** Number of instances. */
  instanceCount: Scalars['Int']['output'];
  /** Number of series. */
  seriesCount: Scalars['Int']['output'];
  /** Bytes of structured storage (the indexed DICOM attributes). */
  structuredStorageSizeBytes: Scalars['Float']['output'];
};

/** Match keys for `Study.series`. */
export type StudySeriesFilter = {
  /** Modality, a DICOM code such as `CT`, `MR` or `US` (upper case, exact match). */
  modality?: InputMaybe<Scalars['String']['input']>;
};

/**
 * Live updates over WebSocket on `/graphql` (the graphql-ws protocol). Each event comes from the
 * store's Pub/Sub notifications and is read again with the subscriber's own credentials, so a
 * subscriber sees only what it may read. Events are not replayed across a reconnect: after
 * reconnecting, query again for what may have changed meanwhile.
 */
export type Subscription = {
  __typename?: 'Subscription';
  /** Instances stored in a DICOM store, optionally of one study only. */
  dicomInstanceStored: Instance;
  /** Changes to the resources of a FHIR store (full resource name), optionally of some resource types only. */
  fhirResourceChanged: FhirResourceChange;
  /**
   * Messages created or ingested in an HL7v2 store, optionally only those matching a filter in
   * Google's `messages.list` syntax (e.g. `messageType = "ADT"`).
   */
  hl7V2MessageReceived: Hl7V2Message;
  /**
   * Changes to a patient and to the resources in their compartment (observations, conditions,
   * encounters, ...).
   */
  patientChanged: FhirResourceChange;
};


/**
 * Live updates over WebSocket on `/graphql` (the graphql-ws protocol). Each event comes from the
 * store's Pub/Sub notifications and is read again with the subscriber's own credentials, so a
 * subscriber sees only what it may read. Events are not replayed across a reconnect: after
 * reconnecting, query again for what may have changed meanwhile.
 */
export type SubscriptionDicomInstanceStoredArgs = {
  store: Scalars['String']['input'];
  studyInstanceUid?: InputMaybe<Scalars['String']['input']>;
};


/**
 * Live updates over WebSocket on `/graphql` (the graphql-ws protocol). Each event comes from the
 * store's Pub/Sub notifications and is read again with the subscriber's own credentials, so a
 * subscriber sees only what it may read. Events are not replayed across a reconnect: after
 * reconnecting, query again for what may have changed meanwhile.
 */
export type SubscriptionFhirResourceChangedArgs = {
  store: Scalars['String']['input'];
  types?: InputMaybe<Array<Scalars['String']['input']>>;
};


/**
 * Live updates over WebSocket on `/graphql` (the graphql-ws protocol). Each event comes from the
 * store's Pub/Sub notifications and is read again with the subscriber's own credentials, so a
 * subscriber sees only what it may read. Events are not replayed across a reconnect: after
 * reconnecting, query again for what may have changed meanwhile.
 */
export type SubscriptionHl7V2MessageReceivedArgs = {
  filter?: InputMaybe<Scalars['String']['input']>;
  store: Scalars['String']['input'];
};


/**
 * Live updates over WebSocket on `/graphql` (the graphql-ws protocol). Each event comes from the
 * store's Pub/Sub notifications and is read again with the subscriber's own credentials, so a
 * subscriber sees only what it may read. Events are not replayed across a reconnect: after
 * reconnecting, query again for what may have changed meanwhile.
 */
export type SubscriptionPatientChangedArgs = {
  patientId: Scalars['String']['input'];
  store: Scalars['String']['input'];
};

export type UpdateFhirResourceInput = {
  /**
   * A search that picks the resource instead of its id, e.g. `identifier=urn:oid:1.2.3|12345`: no
   * match creates the resource, one match is replaced, more than one is a CONFLICT.
   */
  condition?: InputMaybe<Scalars['String']['input']>;
  /**
   * The version you read (`versionId`): the update is refused with CONFLICT when someone stored a
   * newer one meanwhile. Not with `condition`.
   */
  ifMatch?: InputMaybe<Scalars['String']['input']>;
  /** The whole new resource, with `resourceType` and `id` (the id may be left out with `condition`). */
  resource: Scalars['JSON']['input'];
  /** The FHIR store (see `CreateFhirResourceInput.store`). */
  store?: InputMaybe<Scalars['String']['input']>;
};

export type WithIndex<TObject> = TObject & Record<string, any>;
export type ResolversObject<TObject> = WithIndex<TObject>;

export type ResolverTypeWrapper<T> = Promise<T> | T;


export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;



/** Mapping of union types */
export type ResolversUnionTypes<_RefType extends Record<string, unknown>> = ResolversObject<{
  OperationResult:
    | ( DatasetModel )
    | ( DicomStoreModel )
    | ( FhirStoreModel )
  ;
}>;

/** Mapping of interface types */
export type ResolversInterfaceTypes<_RefType extends Record<string, unknown>> = ResolversObject<{
  Node:
    | ( FhirResourceModel )
    | ( FhirResourceModel )
    | ( DatasetModel )
    | ( DicomStoreModel )
    | ( FhirResourceModel )
    | ( FhirResourceModel )
    | ( FhirStoreModel )
    | ( Hl7V2MessageModel )
    | ( Hl7V2StoreModel )
    | ( FhirResourceModel )
    | ( InstanceModel )
    | ( FhirResourceModel )
    | ( FhirResourceModel )
    | ( OperationModel )
    | ( FhirResourceModel )
    | ( FhirResourceModel )
    | ( FhirResourceModel )
    | ( SeriesModel )
    | ( StudyModel )
  ;
}>;

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  Address: ResolverTypeWrapper<Address>;
  AllergyIntolerance: ResolverTypeWrapper<FhirResourceModel>;
  AllergyIntoleranceConnection: ResolverTypeWrapper<Omit<AllergyIntoleranceConnection, 'edges' | 'nodes'> & { edges: Array<ResolversTypes['AllergyIntoleranceEdge']>, nodes: Array<ResolversTypes['AllergyIntolerance']> }>;
  AllergyIntoleranceEdge: ResolverTypeWrapper<Omit<AllergyIntoleranceEdge, 'node'> & { node: ResolversTypes['AllergyIntolerance'] }>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  CodeableConcept: ResolverTypeWrapper<CodeableConcept>;
  Coding: ResolverTypeWrapper<Coding>;
  Condition: ResolverTypeWrapper<FhirResourceModel>;
  ConditionConnection: ResolverTypeWrapper<Omit<ConditionConnection, 'edges' | 'nodes'> & { edges: Array<ResolversTypes['ConditionEdge']>, nodes: Array<ResolversTypes['Condition']> }>;
  ConditionEdge: ResolverTypeWrapper<Omit<ConditionEdge, 'node'> & { node: ResolversTypes['Condition'] }>;
  ContactPoint: ResolverTypeWrapper<ContactPoint>;
  CreateFhirResourceInput: CreateFhirResourceInput;
  Dataset: ResolverTypeWrapper<DatasetModel>;
  DatasetConnection: ResolverTypeWrapper<Omit<DatasetConnection, 'edges' | 'nodes'> & { edges: Array<ResolversTypes['DatasetEdge']>, nodes: Array<ResolversTypes['Dataset']> }>;
  DatasetEdge: ResolverTypeWrapper<Omit<DatasetEdge, 'node'> & { node: ResolversTypes['Dataset'] }>;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  DeidentifyConfigInput: DeidentifyConfigInput;
  DeleteFhirResourceInput: DeleteFhirResourceInput;
  DeleteFhirResourcePayload: ResolverTypeWrapper<DeleteFhirResourcePayload>;
  DicomDeidentifyInput: DicomDeidentifyInput;
  DicomFilterProfile: DicomFilterProfile;
  DicomStore: ResolverTypeWrapper<DicomStoreModel>;
  DicomStoreConnection: ResolverTypeWrapper<Omit<DicomStoreConnection, 'edges' | 'nodes'> & { edges: Array<ResolversTypes['DicomStoreEdge']>, nodes: Array<ResolversTypes['DicomStore']> }>;
  DicomStoreEdge: ResolverTypeWrapper<Omit<DicomStoreEdge, 'node'> & { node: ResolversTypes['DicomStore'] }>;
  DicomStoreMetrics: ResolverTypeWrapper<DicomStoreMetrics>;
  Encounter: ResolverTypeWrapper<FhirResourceModel>;
  EncounterConnection: ResolverTypeWrapper<Omit<EncounterConnection, 'edges' | 'nodes'> & { edges: Array<ResolversTypes['EncounterEdge']>, nodes: Array<ResolversTypes['Encounter']> }>;
  EncounterEdge: ResolverTypeWrapper<Omit<EncounterEdge, 'node'> & { node: ResolversTypes['Encounter'] }>;
  ExecuteFhirBundleInput: ExecuteFhirBundleInput;
  FhirBundleEntryError: ResolverTypeWrapper<FhirBundleEntryError>;
  FhirBundleEntryResult: ResolverTypeWrapper<Omit<FhirBundleEntryResult, 'resource'> & { resource?: Maybe<ResolversTypes['FhirResource']> }>;
  FhirBundlePayload: ResolverTypeWrapper<Omit<FhirBundlePayload, 'entries'> & { entries: Array<ResolversTypes['FhirBundleEntryResult']> }>;
  FhirChangeAction: FhirChangeAction;
  FhirContentStructure: FhirContentStructure;
  FhirDeidentifyInput: FhirDeidentifyInput;
  FhirFieldAction: FhirFieldAction;
  FhirFieldActionInput: FhirFieldActionInput;
  FhirResource: ResolverTypeWrapper<FhirResourceModel>;
  FhirResourceChange: ResolverTypeWrapper<FhirResourceChangeModel>;
  FhirResourceMetric: ResolverTypeWrapper<FhirResourceMetric>;
  FhirResourcePayload: ResolverTypeWrapper<Omit<FhirResourcePayload, 'resource'> & { resource: ResolversTypes['FhirResource'] }>;
  FhirStore: ResolverTypeWrapper<FhirStoreModel>;
  FhirStoreConnection: ResolverTypeWrapper<Omit<FhirStoreConnection, 'edges' | 'nodes'> & { edges: Array<ResolversTypes['FhirStoreEdge']>, nodes: Array<ResolversTypes['FhirStore']> }>;
  FhirStoreEdge: ResolverTypeWrapper<Omit<FhirStoreEdge, 'node'> & { node: ResolversTypes['FhirStore'] }>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  FreeTextReplacement: FreeTextReplacement;
  Hl7V2Field: ResolverTypeWrapper<Hl7V2Field>;
  Hl7V2Message: ResolverTypeWrapper<Hl7V2MessageModel>;
  Hl7V2MessageConnection: ResolverTypeWrapper<Omit<Hl7V2MessageConnection, 'edges' | 'nodes'> & { edges: Array<ResolversTypes['Hl7V2MessageEdge']>, nodes: Array<ResolversTypes['Hl7V2Message']> }>;
  Hl7V2MessageEdge: ResolverTypeWrapper<Omit<Hl7V2MessageEdge, 'node'> & { node: ResolversTypes['Hl7V2Message'] }>;
  Hl7V2MessageOrder: Hl7V2MessageOrder;
  Hl7V2MessageTypeMetric: ResolverTypeWrapper<Hl7V2MessageTypeMetric>;
  Hl7V2ParserVersion: Hl7V2ParserVersion;
  Hl7V2PatientId: ResolverTypeWrapper<Hl7V2PatientId>;
  Hl7V2Segment: ResolverTypeWrapper<Hl7V2SegmentModel>;
  Hl7V2Store: ResolverTypeWrapper<Hl7V2StoreModel>;
  Hl7V2StoreConnection: ResolverTypeWrapper<Omit<Hl7V2StoreConnection, 'edges' | 'nodes'> & { edges: Array<ResolversTypes['Hl7V2StoreEdge']>, nodes: Array<ResolversTypes['Hl7V2Store']> }>;
  Hl7V2StoreEdge: ResolverTypeWrapper<Omit<Hl7V2StoreEdge, 'node'> & { node: ResolversTypes['Hl7V2Store'] }>;
  HumanName: ResolverTypeWrapper<HumanName>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  IamBinding: ResolverTypeWrapper<IamBinding>;
  IamBindingInput: IamBindingInput;
  IamPolicy: ResolverTypeWrapper<IamPolicy>;
  Identifier: ResolverTypeWrapper<Identifier>;
  ImageFormat: ImageFormat;
  Immunization: ResolverTypeWrapper<FhirResourceModel>;
  ImmunizationConnection: ResolverTypeWrapper<Omit<ImmunizationConnection, 'edges' | 'nodes'> & { edges: Array<ResolversTypes['ImmunizationEdge']>, nodes: Array<ResolversTypes['Immunization']> }>;
  ImmunizationEdge: ResolverTypeWrapper<Omit<ImmunizationEdge, 'node'> & { node: ResolversTypes['Immunization'] }>;
  IngestHl7V2MessagePayload: ResolverTypeWrapper<IngestHl7V2MessagePayloadModel>;
  Instance: ResolverTypeWrapper<InstanceModel>;
  InstanceConnection: ResolverTypeWrapper<Omit<InstanceConnection, 'edges' | 'nodes'> & { edges: Array<ResolversTypes['InstanceEdge']>, nodes: Array<ResolversTypes['Instance']> }>;
  InstanceEdge: ResolverTypeWrapper<Omit<InstanceEdge, 'node'> & { node: ResolversTypes['Instance'] }>;
  InstanceFilter: InstanceFilter;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  JSON: ResolverTypeWrapper<Scalars['JSON']['output']>;
  Label: ResolverTypeWrapper<Label>;
  Location: ResolverTypeWrapper<LocationModel>;
  LocationConnection: ResolverTypeWrapper<Omit<LocationConnection, 'edges' | 'nodes'> & { edges: Array<ResolversTypes['LocationEdge']>, nodes: Array<ResolversTypes['Location']> }>;
  LocationEdge: ResolverTypeWrapper<Omit<LocationEdge, 'node'> & { node: ResolversTypes['Location'] }>;
  MedicationRequest: ResolverTypeWrapper<FhirResourceModel>;
  MedicationRequestConnection: ResolverTypeWrapper<Omit<MedicationRequestConnection, 'edges' | 'nodes'> & { edges: Array<ResolversTypes['MedicationRequestEdge']>, nodes: Array<ResolversTypes['MedicationRequest']> }>;
  MedicationRequestEdge: ResolverTypeWrapper<Omit<MedicationRequestEdge, 'node'> & { node: ResolversTypes['MedicationRequest'] }>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Node: ResolverTypeWrapper<ResolversInterfaceTypes<ResolversTypes>['Node']>;
  Observation: ResolverTypeWrapper<FhirResourceModel>;
  ObservationComponent: ResolverTypeWrapper<ObservationComponent>;
  ObservationConnection: ResolverTypeWrapper<Omit<ObservationConnection, 'edges' | 'nodes'> & { edges: Array<ResolversTypes['ObservationEdge']>, nodes: Array<ResolversTypes['Observation']> }>;
  ObservationEdge: ResolverTypeWrapper<Omit<ObservationEdge, 'node'> & { node: ResolversTypes['Observation'] }>;
  Operation: ResolverTypeWrapper<OperationModel>;
  OperationConnection: ResolverTypeWrapper<Omit<OperationConnection, 'edges' | 'nodes'> & { edges: Array<ResolversTypes['OperationEdge']>, nodes: Array<ResolversTypes['Operation']> }>;
  OperationEdge: ResolverTypeWrapper<Omit<OperationEdge, 'node'> & { node: ResolversTypes['Operation'] }>;
  OperationError: ResolverTypeWrapper<OperationError>;
  OperationKind: OperationKind;
  OperationProgress: ResolverTypeWrapper<OperationProgress>;
  OperationResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['OperationResult']>;
  Organization: ResolverTypeWrapper<FhirResourceModel>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  PatchFhirResourceInput: PatchFhirResourceInput;
  Patient: ResolverTypeWrapper<FhirResourceModel>;
  PatientConnection: ResolverTypeWrapper<Omit<PatientConnection, 'edges' | 'nodes'> & { edges: Array<ResolversTypes['PatientEdge']>, nodes: Array<ResolversTypes['Patient']> }>;
  PatientEdge: ResolverTypeWrapper<Omit<PatientEdge, 'node'> & { node: ResolversTypes['Patient'] }>;
  PatientFilter: PatientFilter;
  Practitioner: ResolverTypeWrapper<FhirResourceModel>;
  PurgeFhirResourceHistoryInput: PurgeFhirResourceHistoryInput;
  PurgeFhirResourceHistoryPayload: ResolverTypeWrapper<PurgeFhirResourceHistoryPayload>;
  Quantity: ResolverTypeWrapper<Quantity>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  ResourceConnection: ResolverTypeWrapper<Omit<ResourceConnection, 'edges' | 'nodes'> & { edges: Array<ResolversTypes['ResourceEdge']>, nodes: Array<ResolversTypes['FhirResource']> }>;
  ResourceEdge: ResolverTypeWrapper<Omit<ResourceEdge, 'node'> & { node: ResolversTypes['FhirResource'] }>;
  SearchParam: SearchParam;
  Series: ResolverTypeWrapper<SeriesModel>;
  SeriesConnection: ResolverTypeWrapper<Omit<SeriesConnection, 'edges' | 'nodes'> & { edges: Array<ResolversTypes['SeriesEdge']>, nodes: Array<ResolversTypes['Series']> }>;
  SeriesEdge: ResolverTypeWrapper<Omit<SeriesEdge, 'node'> & { node: ResolversTypes['Series'] }>;
  SeriesFilter: SeriesFilter;
  SeriesMetrics: ResolverTypeWrapper<SeriesMetrics>;
  SetIamPolicyInput: SetIamPolicyInput;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Study: ResolverTypeWrapper<StudyModel>;
  StudyConnection: ResolverTypeWrapper<Omit<StudyConnection, 'edges' | 'nodes'> & { edges: Array<ResolversTypes['StudyEdge']>, nodes: Array<ResolversTypes['Study']> }>;
  StudyEdge: ResolverTypeWrapper<Omit<StudyEdge, 'node'> & { node: ResolversTypes['Study'] }>;
  StudyFilter: StudyFilter;
  StudyMetrics: ResolverTypeWrapper<StudyMetrics>;
  StudySeriesFilter: StudySeriesFilter;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  UpdateFhirResourceInput: UpdateFhirResourceInput;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  Address: Address;
  AllergyIntolerance: FhirResourceModel;
  AllergyIntoleranceConnection: Omit<AllergyIntoleranceConnection, 'edges' | 'nodes'> & { edges: Array<ResolversParentTypes['AllergyIntoleranceEdge']>, nodes: Array<ResolversParentTypes['AllergyIntolerance']> };
  AllergyIntoleranceEdge: Omit<AllergyIntoleranceEdge, 'node'> & { node: ResolversParentTypes['AllergyIntolerance'] };
  Boolean: Scalars['Boolean']['output'];
  CodeableConcept: CodeableConcept;
  Coding: Coding;
  Condition: FhirResourceModel;
  ConditionConnection: Omit<ConditionConnection, 'edges' | 'nodes'> & { edges: Array<ResolversParentTypes['ConditionEdge']>, nodes: Array<ResolversParentTypes['Condition']> };
  ConditionEdge: Omit<ConditionEdge, 'node'> & { node: ResolversParentTypes['Condition'] };
  ContactPoint: ContactPoint;
  CreateFhirResourceInput: CreateFhirResourceInput;
  Dataset: DatasetModel;
  DatasetConnection: Omit<DatasetConnection, 'edges' | 'nodes'> & { edges: Array<ResolversParentTypes['DatasetEdge']>, nodes: Array<ResolversParentTypes['Dataset']> };
  DatasetEdge: Omit<DatasetEdge, 'node'> & { node: ResolversParentTypes['Dataset'] };
  Date: Scalars['Date']['output'];
  DateTime: Scalars['DateTime']['output'];
  DeidentifyConfigInput: DeidentifyConfigInput;
  DeleteFhirResourceInput: DeleteFhirResourceInput;
  DeleteFhirResourcePayload: DeleteFhirResourcePayload;
  DicomDeidentifyInput: DicomDeidentifyInput;
  DicomStore: DicomStoreModel;
  DicomStoreConnection: Omit<DicomStoreConnection, 'edges' | 'nodes'> & { edges: Array<ResolversParentTypes['DicomStoreEdge']>, nodes: Array<ResolversParentTypes['DicomStore']> };
  DicomStoreEdge: Omit<DicomStoreEdge, 'node'> & { node: ResolversParentTypes['DicomStore'] };
  DicomStoreMetrics: DicomStoreMetrics;
  Encounter: FhirResourceModel;
  EncounterConnection: Omit<EncounterConnection, 'edges' | 'nodes'> & { edges: Array<ResolversParentTypes['EncounterEdge']>, nodes: Array<ResolversParentTypes['Encounter']> };
  EncounterEdge: Omit<EncounterEdge, 'node'> & { node: ResolversParentTypes['Encounter'] };
  ExecuteFhirBundleInput: ExecuteFhirBundleInput;
  FhirBundleEntryError: FhirBundleEntryError;
  FhirBundleEntryResult: Omit<FhirBundleEntryResult, 'resource'> & { resource?: Maybe<ResolversParentTypes['FhirResource']> };
  FhirBundlePayload: Omit<FhirBundlePayload, 'entries'> & { entries: Array<ResolversParentTypes['FhirBundleEntryResult']> };
  FhirDeidentifyInput: FhirDeidentifyInput;
  FhirFieldActionInput: FhirFieldActionInput;
  FhirResource: FhirResourceModel;
  FhirResourceChange: FhirResourceChangeModel;
  FhirResourceMetric: FhirResourceMetric;
  FhirResourcePayload: Omit<FhirResourcePayload, 'resource'> & { resource: ResolversParentTypes['FhirResource'] };
  FhirStore: FhirStoreModel;
  FhirStoreConnection: Omit<FhirStoreConnection, 'edges' | 'nodes'> & { edges: Array<ResolversParentTypes['FhirStoreEdge']>, nodes: Array<ResolversParentTypes['FhirStore']> };
  FhirStoreEdge: Omit<FhirStoreEdge, 'node'> & { node: ResolversParentTypes['FhirStore'] };
  Float: Scalars['Float']['output'];
  Hl7V2Field: Hl7V2Field;
  Hl7V2Message: Hl7V2MessageModel;
  Hl7V2MessageConnection: Omit<Hl7V2MessageConnection, 'edges' | 'nodes'> & { edges: Array<ResolversParentTypes['Hl7V2MessageEdge']>, nodes: Array<ResolversParentTypes['Hl7V2Message']> };
  Hl7V2MessageEdge: Omit<Hl7V2MessageEdge, 'node'> & { node: ResolversParentTypes['Hl7V2Message'] };
  Hl7V2MessageTypeMetric: Hl7V2MessageTypeMetric;
  Hl7V2PatientId: Hl7V2PatientId;
  Hl7V2Segment: Hl7V2SegmentModel;
  Hl7V2Store: Hl7V2StoreModel;
  Hl7V2StoreConnection: Omit<Hl7V2StoreConnection, 'edges' | 'nodes'> & { edges: Array<ResolversParentTypes['Hl7V2StoreEdge']>, nodes: Array<ResolversParentTypes['Hl7V2Store']> };
  Hl7V2StoreEdge: Omit<Hl7V2StoreEdge, 'node'> & { node: ResolversParentTypes['Hl7V2Store'] };
  HumanName: HumanName;
  ID: Scalars['ID']['output'];
  IamBinding: IamBinding;
  IamBindingInput: IamBindingInput;
  IamPolicy: IamPolicy;
  Identifier: Identifier;
  Immunization: FhirResourceModel;
  ImmunizationConnection: Omit<ImmunizationConnection, 'edges' | 'nodes'> & { edges: Array<ResolversParentTypes['ImmunizationEdge']>, nodes: Array<ResolversParentTypes['Immunization']> };
  ImmunizationEdge: Omit<ImmunizationEdge, 'node'> & { node: ResolversParentTypes['Immunization'] };
  IngestHl7V2MessagePayload: IngestHl7V2MessagePayloadModel;
  Instance: InstanceModel;
  InstanceConnection: Omit<InstanceConnection, 'edges' | 'nodes'> & { edges: Array<ResolversParentTypes['InstanceEdge']>, nodes: Array<ResolversParentTypes['Instance']> };
  InstanceEdge: Omit<InstanceEdge, 'node'> & { node: ResolversParentTypes['Instance'] };
  InstanceFilter: InstanceFilter;
  Int: Scalars['Int']['output'];
  JSON: Scalars['JSON']['output'];
  Label: Label;
  Location: LocationModel;
  LocationConnection: Omit<LocationConnection, 'edges' | 'nodes'> & { edges: Array<ResolversParentTypes['LocationEdge']>, nodes: Array<ResolversParentTypes['Location']> };
  LocationEdge: Omit<LocationEdge, 'node'> & { node: ResolversParentTypes['Location'] };
  MedicationRequest: FhirResourceModel;
  MedicationRequestConnection: Omit<MedicationRequestConnection, 'edges' | 'nodes'> & { edges: Array<ResolversParentTypes['MedicationRequestEdge']>, nodes: Array<ResolversParentTypes['MedicationRequest']> };
  MedicationRequestEdge: Omit<MedicationRequestEdge, 'node'> & { node: ResolversParentTypes['MedicationRequest'] };
  Mutation: Record<PropertyKey, never>;
  Node: ResolversInterfaceTypes<ResolversParentTypes>['Node'];
  Observation: FhirResourceModel;
  ObservationComponent: ObservationComponent;
  ObservationConnection: Omit<ObservationConnection, 'edges' | 'nodes'> & { edges: Array<ResolversParentTypes['ObservationEdge']>, nodes: Array<ResolversParentTypes['Observation']> };
  ObservationEdge: Omit<ObservationEdge, 'node'> & { node: ResolversParentTypes['Observation'] };
  Operation: OperationModel;
  OperationConnection: Omit<OperationConnection, 'edges' | 'nodes'> & { edges: Array<ResolversParentTypes['OperationEdge']>, nodes: Array<ResolversParentTypes['Operation']> };
  OperationEdge: Omit<OperationEdge, 'node'> & { node: ResolversParentTypes['Operation'] };
  OperationError: OperationError;
  OperationProgress: OperationProgress;
  OperationResult: ResolversUnionTypes<ResolversParentTypes>['OperationResult'];
  Organization: FhirResourceModel;
  PageInfo: PageInfo;
  PatchFhirResourceInput: PatchFhirResourceInput;
  Patient: FhirResourceModel;
  PatientConnection: Omit<PatientConnection, 'edges' | 'nodes'> & { edges: Array<ResolversParentTypes['PatientEdge']>, nodes: Array<ResolversParentTypes['Patient']> };
  PatientEdge: Omit<PatientEdge, 'node'> & { node: ResolversParentTypes['Patient'] };
  PatientFilter: PatientFilter;
  Practitioner: FhirResourceModel;
  PurgeFhirResourceHistoryInput: PurgeFhirResourceHistoryInput;
  PurgeFhirResourceHistoryPayload: PurgeFhirResourceHistoryPayload;
  Quantity: Quantity;
  Query: Record<PropertyKey, never>;
  ResourceConnection: Omit<ResourceConnection, 'edges' | 'nodes'> & { edges: Array<ResolversParentTypes['ResourceEdge']>, nodes: Array<ResolversParentTypes['FhirResource']> };
  ResourceEdge: Omit<ResourceEdge, 'node'> & { node: ResolversParentTypes['FhirResource'] };
  SearchParam: SearchParam;
  Series: SeriesModel;
  SeriesConnection: Omit<SeriesConnection, 'edges' | 'nodes'> & { edges: Array<ResolversParentTypes['SeriesEdge']>, nodes: Array<ResolversParentTypes['Series']> };
  SeriesEdge: Omit<SeriesEdge, 'node'> & { node: ResolversParentTypes['Series'] };
  SeriesFilter: SeriesFilter;
  SeriesMetrics: SeriesMetrics;
  SetIamPolicyInput: SetIamPolicyInput;
  String: Scalars['String']['output'];
  Study: StudyModel;
  StudyConnection: Omit<StudyConnection, 'edges' | 'nodes'> & { edges: Array<ResolversParentTypes['StudyEdge']>, nodes: Array<ResolversParentTypes['Study']> };
  StudyEdge: Omit<StudyEdge, 'node'> & { node: ResolversParentTypes['Study'] };
  StudyFilter: StudyFilter;
  StudyMetrics: StudyMetrics;
  StudySeriesFilter: StudySeriesFilter;
  Subscription: Record<PropertyKey, never>;
  UpdateFhirResourceInput: UpdateFhirResourceInput;
}>;

export type AddressResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Address'] = ResolversParentTypes['Address']> = ResolversObject<{
  city?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  country?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  line?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  postalCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  state?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  text?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  use?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type AllergyIntoleranceResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['AllergyIntolerance'] = ResolversParentTypes['AllergyIntolerance']> = ResolversObject<{
  categories?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  clinicalStatus?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  code?: Resolver<Maybe<ResolversTypes['CodeableConcept']>, ParentType, ContextType>;
  criticality?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastUpdated?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  reactions?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  recordedDate?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  resource?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  resourceId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  versionId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type AllergyIntoleranceConnectionResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['AllergyIntoleranceConnection'] = ResolversParentTypes['AllergyIntoleranceConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['AllergyIntoleranceEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['AllergyIntolerance']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
}>;

export type AllergyIntoleranceEdgeResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['AllergyIntoleranceEdge'] = ResolversParentTypes['AllergyIntoleranceEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['AllergyIntolerance'], ParentType, ContextType>;
}>;

export type CodeableConceptResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['CodeableConcept'] = ResolversParentTypes['CodeableConcept']> = ResolversObject<{
  code?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  codings?: Resolver<Array<ResolversTypes['Coding']>, ParentType, ContextType>;
  display?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  text?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type CodingResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Coding'] = ResolversParentTypes['Coding']> = ResolversObject<{
  code?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  display?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  system?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type ConditionResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Condition'] = ResolversParentTypes['Condition']> = ResolversObject<{
  abatementDateTime?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  categories?: Resolver<Array<ResolversTypes['CodeableConcept']>, ParentType, ContextType>;
  clinicalStatus?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  code?: Resolver<Maybe<ResolversTypes['CodeableConcept']>, ParentType, ContextType>;
  encounter?: Resolver<Maybe<ResolversTypes['Encounter']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastUpdated?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  onsetDateTime?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  recordedDate?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  resource?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  resourceId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  verificationStatus?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  versionId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ConditionConnectionResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['ConditionConnection'] = ResolversParentTypes['ConditionConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['ConditionEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Condition']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
}>;

export type ConditionEdgeResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['ConditionEdge'] = ResolversParentTypes['ConditionEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Condition'], ParentType, ContextType>;
}>;

export type ContactPointResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['ContactPoint'] = ResolversParentTypes['ContactPoint']> = ResolversObject<{
  system?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  use?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type DatasetResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Dataset'] = ResolversParentTypes['Dataset']> = ResolversObject<{
  datasetId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  dicomStore?: Resolver<Maybe<ResolversTypes['DicomStore']>, ParentType, ContextType, RequireFields<DatasetDicomStoreArgs, 'id'>>;
  dicomStores?: Resolver<ResolversTypes['DicomStoreConnection'], ParentType, ContextType, Partial<DatasetDicomStoresArgs>>;
  fhirStore?: Resolver<Maybe<ResolversTypes['FhirStore']>, ParentType, ContextType, RequireFields<DatasetFhirStoreArgs, 'id'>>;
  fhirStores?: Resolver<ResolversTypes['FhirStoreConnection'], ParentType, ContextType, Partial<DatasetFhirStoresArgs>>;
  hl7V2Store?: Resolver<Maybe<ResolversTypes['Hl7V2Store']>, ParentType, ContextType, RequireFields<DatasetHl7V2StoreArgs, 'id'>>;
  hl7V2Stores?: Resolver<ResolversTypes['Hl7V2StoreConnection'], ParentType, ContextType, Partial<DatasetHl7V2StoresArgs>>;
  iamPolicy?: Resolver<Maybe<ResolversTypes['IamPolicy']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  location?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  operations?: Resolver<ResolversTypes['OperationConnection'], ParentType, ContextType, Partial<DatasetOperationsArgs>>;
  projectId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  timeZone?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  viewerPermissions?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type DatasetConnectionResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['DatasetConnection'] = ResolversParentTypes['DatasetConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['DatasetEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Dataset']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
}>;

export type DatasetEdgeResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['DatasetEdge'] = ResolversParentTypes['DatasetEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Dataset'], ParentType, ContextType>;
}>;

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type DeleteFhirResourcePayloadResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['DeleteFhirResourcePayload'] = ResolversParentTypes['DeleteFhirResourcePayload']> = ResolversObject<{
  deletedId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type DicomStoreResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['DicomStore'] = ResolversParentTypes['DicomStore']> = ResolversObject<{
  dataset?: Resolver<ResolversTypes['Dataset'], ParentType, ContextType>;
  external?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  iamPolicy?: Resolver<Maybe<ResolversTypes['IamPolicy']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  instances?: Resolver<ResolversTypes['InstanceConnection'], ParentType, ContextType, Partial<DicomStoreInstancesArgs>>;
  labels?: Resolver<Array<ResolversTypes['Label']>, ParentType, ContextType>;
  metrics?: Resolver<ResolversTypes['DicomStoreMetrics'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  series?: Resolver<ResolversTypes['SeriesConnection'], ParentType, ContextType, Partial<DicomStoreSeriesArgs>>;
  storeId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  studies?: Resolver<ResolversTypes['StudyConnection'], ParentType, ContextType, Partial<DicomStoreStudiesArgs>>;
  study?: Resolver<Maybe<ResolversTypes['Study']>, ParentType, ContextType, RequireFields<DicomStoreStudyArgs, 'uid'>>;
  viewerPermissions?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type DicomStoreConnectionResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['DicomStoreConnection'] = ResolversParentTypes['DicomStoreConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['DicomStoreEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['DicomStore']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
}>;

export type DicomStoreEdgeResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['DicomStoreEdge'] = ResolversParentTypes['DicomStoreEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['DicomStore'], ParentType, ContextType>;
}>;

export type DicomStoreMetricsResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['DicomStoreMetrics'] = ResolversParentTypes['DicomStoreMetrics']> = ResolversObject<{
  blobStorageSizeBytes?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  instanceCount?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  seriesCount?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  structuredStorageSizeBytes?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  studyCount?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
}>;

export type EncounterResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Encounter'] = ResolversParentTypes['Encounter']> = ResolversObject<{
  class?: Resolver<Maybe<ResolversTypes['Coding']>, ParentType, ContextType>;
  end?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastUpdated?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  practitioners?: Resolver<Array<ResolversTypes['Practitioner']>, ParentType, ContextType>;
  reasons?: Resolver<Array<ResolversTypes['CodeableConcept']>, ParentType, ContextType>;
  resource?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  resourceId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  serviceProvider?: Resolver<Maybe<ResolversTypes['Organization']>, ParentType, ContextType>;
  start?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  types?: Resolver<Array<ResolversTypes['CodeableConcept']>, ParentType, ContextType>;
  versionId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type EncounterConnectionResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['EncounterConnection'] = ResolversParentTypes['EncounterConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['EncounterEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Encounter']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
}>;

export type EncounterEdgeResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['EncounterEdge'] = ResolversParentTypes['EncounterEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Encounter'], ParentType, ContextType>;
}>;

export type FhirBundleEntryErrorResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['FhirBundleEntryError'] = ResolversParentTypes['FhirBundleEntryError']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type FhirBundleEntryResultResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['FhirBundleEntryResult'] = ResolversParentTypes['FhirBundleEntryResult']> = ResolversObject<{
  error?: Resolver<Maybe<ResolversTypes['FhirBundleEntryError']>, ParentType, ContextType>;
  etag?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  location?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  resource?: Resolver<Maybe<ResolversTypes['FhirResource']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  statusCode?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type FhirBundlePayloadResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['FhirBundlePayload'] = ResolversParentTypes['FhirBundlePayload']> = ResolversObject<{
  entries?: Resolver<Array<ResolversTypes['FhirBundleEntryResult']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type FhirResourceResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['FhirResource'] = ResolversParentTypes['FhirResource']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastUpdated?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  resource?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  resourceId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  resourceType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  versionId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type FhirResourceChangeResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['FhirResourceChange'] = ResolversParentTypes['FhirResourceChange']> = ResolversObject<{
  action?: Resolver<ResolversTypes['FhirChangeAction'], ParentType, ContextType>;
  lastUpdated?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  resource?: Resolver<Maybe<ResolversTypes['FhirResource']>, ParentType, ContextType>;
  resourceId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  resourceType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  versionId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type FhirResourceMetricResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['FhirResourceMetric'] = ResolversParentTypes['FhirResourceMetric']> = ResolversObject<{
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  resourceType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  structuredStorageSizeBytes?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
}>;

export type FhirResourcePayloadResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['FhirResourcePayload'] = ResolversParentTypes['FhirResourcePayload']> = ResolversObject<{
  created?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  resource?: Resolver<ResolversTypes['FhirResource'], ParentType, ContextType>;
}>;

export type FhirStoreResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['FhirStore'] = ResolversParentTypes['FhirStore']> = ResolversObject<{
  dataset?: Resolver<ResolversTypes['Dataset'], ParentType, ContextType>;
  defaultSearchHandlingStrict?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  disableReferentialIntegrity?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  enableUpdateCreate?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  history?: Resolver<ResolversTypes['ResourceConnection'], ParentType, ContextType, RequireFields<FhirStoreHistoryArgs, 'id' | 'type'>>;
  iamPolicy?: Resolver<Maybe<ResolversTypes['IamPolicy']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  labels?: Resolver<Array<ResolversTypes['Label']>, ParentType, ContextType>;
  metrics?: Resolver<Array<ResolversTypes['FhirResourceMetric']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  patient?: Resolver<Maybe<ResolversTypes['Patient']>, ParentType, ContextType, RequireFields<FhirStorePatientArgs, 'id'>>;
  patients?: Resolver<ResolversTypes['PatientConnection'], ParentType, ContextType, Partial<FhirStorePatientsArgs>>;
  resource?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType, RequireFields<FhirStoreResourceArgs, 'id' | 'type'>>;
  resourceVersion?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType, RequireFields<FhirStoreResourceVersionArgs, 'id' | 'type' | 'versionId'>>;
  search?: Resolver<ResolversTypes['ResourceConnection'], ParentType, ContextType, Partial<FhirStoreSearchArgs>>;
  storeId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  version?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  viewerPermissions?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type FhirStoreConnectionResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['FhirStoreConnection'] = ResolversParentTypes['FhirStoreConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['FhirStoreEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['FhirStore']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
}>;

export type FhirStoreEdgeResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['FhirStoreEdge'] = ResolversParentTypes['FhirStoreEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['FhirStore'], ParentType, ContextType>;
}>;

export type Hl7V2FieldResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Hl7V2Field'] = ResolversParentTypes['Hl7V2Field']> = ResolversObject<{
  index?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type Hl7V2MessageResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Hl7V2Message'] = ResolversParentTypes['Hl7V2Message']> = ResolversObject<{
  controlId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  createTime?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  data?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  event?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  labels?: Resolver<Array<ResolversTypes['Label']>, ParentType, ContextType>;
  messageId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  messageType?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  patientIds?: Resolver<Array<ResolversTypes['Hl7V2PatientId']>, ParentType, ContextType>;
  segments?: Resolver<Array<ResolversTypes['Hl7V2Segment']>, ParentType, ContextType, Partial<Hl7V2MessageSegmentsArgs>>;
  sendFacility?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  sendTime?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  store?: Resolver<ResolversTypes['Hl7V2Store'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type Hl7V2MessageConnectionResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Hl7V2MessageConnection'] = ResolversParentTypes['Hl7V2MessageConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['Hl7V2MessageEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Hl7V2Message']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
}>;

export type Hl7V2MessageEdgeResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Hl7V2MessageEdge'] = ResolversParentTypes['Hl7V2MessageEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Hl7V2Message'], ParentType, ContextType>;
}>;

export type Hl7V2MessageTypeMetricResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Hl7V2MessageTypeMetric'] = ResolversParentTypes['Hl7V2MessageTypeMetric']> = ResolversObject<{
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  messageType?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  structuredStorageSizeBytes?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
}>;

export type Hl7V2PatientIdResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Hl7V2PatientId'] = ResolversParentTypes['Hl7V2PatientId']> = ResolversObject<{
  type?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  value?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type Hl7V2SegmentResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Hl7V2Segment'] = ResolversParentTypes['Hl7V2Segment']> = ResolversObject<{
  field?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType, RequireFields<Hl7V2SegmentFieldArgs, 'index'>>;
  fields?: Resolver<Array<ResolversTypes['Hl7V2Field']>, ParentType, ContextType>;
  segmentId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  setId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type Hl7V2StoreResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Hl7V2Store'] = ResolversParentTypes['Hl7V2Store']> = ResolversObject<{
  allowNullHeader?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  dataset?: Resolver<ResolversTypes['Dataset'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  labels?: Resolver<Array<ResolversTypes['Label']>, ParentType, ContextType>;
  message?: Resolver<Maybe<ResolversTypes['Hl7V2Message']>, ParentType, ContextType, RequireFields<Hl7V2StoreMessageArgs, 'id'>>;
  messages?: Resolver<ResolversTypes['Hl7V2MessageConnection'], ParentType, ContextType, RequireFields<Hl7V2StoreMessagesArgs, 'orderBy'>>;
  metrics?: Resolver<Array<ResolversTypes['Hl7V2MessageTypeMetric']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  parserVersion?: Resolver<ResolversTypes['Hl7V2ParserVersion'], ParentType, ContextType>;
  rejectDuplicateMessage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  storeId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type Hl7V2StoreConnectionResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Hl7V2StoreConnection'] = ResolversParentTypes['Hl7V2StoreConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['Hl7V2StoreEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Hl7V2Store']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
}>;

export type Hl7V2StoreEdgeResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Hl7V2StoreEdge'] = ResolversParentTypes['Hl7V2StoreEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Hl7V2Store'], ParentType, ContextType>;
}>;

export type HumanNameResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['HumanName'] = ResolversParentTypes['HumanName']> = ResolversObject<{
  family?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  given?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  prefix?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  suffix?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  text?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  use?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type IamBindingResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['IamBinding'] = ResolversParentTypes['IamBinding']> = ResolversObject<{
  members?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  role?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type IamPolicyResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['IamPolicy'] = ResolversParentTypes['IamPolicy']> = ResolversObject<{
  bindings?: Resolver<Array<ResolversTypes['IamBinding']>, ParentType, ContextType>;
  etag?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  version?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
}>;

export type IdentifierResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Identifier'] = ResolversParentTypes['Identifier']> = ResolversObject<{
  system?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  typeCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  use?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type ImmunizationResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Immunization'] = ResolversParentTypes['Immunization']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastUpdated?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  occurrenceDateTime?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  resource?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  resourceId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  vaccineCode?: Resolver<Maybe<ResolversTypes['CodeableConcept']>, ParentType, ContextType>;
  versionId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ImmunizationConnectionResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['ImmunizationConnection'] = ResolversParentTypes['ImmunizationConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['ImmunizationEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Immunization']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
}>;

export type ImmunizationEdgeResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['ImmunizationEdge'] = ResolversParentTypes['ImmunizationEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Immunization'], ParentType, ContextType>;
}>;

export type IngestHl7V2MessagePayloadResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['IngestHl7V2MessagePayload'] = ResolversParentTypes['IngestHl7V2MessagePayload']> = ResolversObject<{
  ack?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  ackCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['Hl7V2Message'], ParentType, ContextType>;
}>;

export type InstanceResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Instance'] = ResolversParentTypes['Instance']> = ResolversObject<{
  columns?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  instanceNumber?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  metadata?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  numberOfFrames?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  renderedUrl?: Resolver<ResolversTypes['String'], ParentType, ContextType, RequireFields<InstanceRenderedUrlArgs, 'format' | 'frame'>>;
  rows?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  series?: Resolver<ResolversTypes['Series'], ParentType, ContextType>;
  sopClassUid?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  sopInstanceUid?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type InstanceConnectionResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['InstanceConnection'] = ResolversParentTypes['InstanceConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['InstanceEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Instance']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
}>;

export type InstanceEdgeResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['InstanceEdge'] = ResolversParentTypes['InstanceEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Instance'], ParentType, ContextType>;
}>;

export interface JsonScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['JSON'], any> {
  name: 'JSON';
}

export type LabelResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Label'] = ResolversParentTypes['Label']> = ResolversObject<{
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type LocationResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Location'] = ResolversParentTypes['Location']> = ResolversObject<{
  configured?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  datasets?: Resolver<ResolversTypes['DatasetConnection'], ParentType, ContextType, Partial<LocationDatasetsArgs>>;
  locationId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  projectId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type LocationConnectionResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['LocationConnection'] = ResolversParentTypes['LocationConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['LocationEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Location']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
}>;

export type LocationEdgeResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['LocationEdge'] = ResolversParentTypes['LocationEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Location'], ParentType, ContextType>;
}>;

export type MedicationRequestResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['MedicationRequest'] = ResolversParentTypes['MedicationRequest']> = ResolversObject<{
  authoredOn?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  dosageText?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  intent?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  lastUpdated?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  medication?: Resolver<Maybe<ResolversTypes['CodeableConcept']>, ParentType, ContextType>;
  requester?: Resolver<Maybe<ResolversTypes['Practitioner']>, ParentType, ContextType>;
  resource?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  resourceId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  versionId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type MedicationRequestConnectionResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['MedicationRequestConnection'] = ResolversParentTypes['MedicationRequestConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['MedicationRequestEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['MedicationRequest']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
}>;

export type MedicationRequestEdgeResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['MedicationRequestEdge'] = ResolversParentTypes['MedicationRequestEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['MedicationRequest'], ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  cancelOperation?: Resolver<ResolversTypes['Operation'], ParentType, ContextType, RequireFields<MutationCancelOperationArgs, 'name'>>;
  createFhirResource?: Resolver<ResolversTypes['FhirResourcePayload'], ParentType, ContextType, RequireFields<MutationCreateFhirResourceArgs, 'input'>>;
  deidentifyDataset?: Resolver<ResolversTypes['Operation'], ParentType, ContextType, RequireFields<MutationDeidentifyDatasetArgs, 'destinationDatasetId' | 'source'>>;
  deidentifyDicomStore?: Resolver<ResolversTypes['Operation'], ParentType, ContextType, RequireFields<MutationDeidentifyDicomStoreArgs, 'destinationStore' | 'source'>>;
  deidentifyFhirStore?: Resolver<ResolversTypes['Operation'], ParentType, ContextType, RequireFields<MutationDeidentifyFhirStoreArgs, 'destinationStore' | 'source'>>;
  deleteFhirResource?: Resolver<ResolversTypes['DeleteFhirResourcePayload'], ParentType, ContextType, RequireFields<MutationDeleteFhirResourceArgs, 'input'>>;
  executeFhirBundle?: Resolver<ResolversTypes['FhirBundlePayload'], ParentType, ContextType, RequireFields<MutationExecuteFhirBundleArgs, 'input'>>;
  exportDicomInstances?: Resolver<ResolversTypes['Operation'], ParentType, ContextType, RequireFields<MutationExportDicomInstancesArgs, 'gcsUriPrefix' | 'store'>>;
  exportFhirResources?: Resolver<ResolversTypes['Operation'], ParentType, ContextType, RequireFields<MutationExportFhirResourcesArgs, 'gcsUriPrefix' | 'store'>>;
  exportHl7V2Messages?: Resolver<ResolversTypes['Operation'], ParentType, ContextType, RequireFields<MutationExportHl7V2MessagesArgs, 'gcsUriPrefix' | 'store'>>;
  importDicomInstances?: Resolver<ResolversTypes['Operation'], ParentType, ContextType, RequireFields<MutationImportDicomInstancesArgs, 'gcsUri' | 'store'>>;
  importFhirResources?: Resolver<ResolversTypes['Operation'], ParentType, ContextType, RequireFields<MutationImportFhirResourcesArgs, 'gcsUri' | 'store'>>;
  ingestHl7V2Message?: Resolver<ResolversTypes['IngestHl7V2MessagePayload'], ParentType, ContextType, RequireFields<MutationIngestHl7V2MessageArgs, 'message' | 'store'>>;
  patchFhirResource?: Resolver<ResolversTypes['FhirResourcePayload'], ParentType, ContextType, RequireFields<MutationPatchFhirResourceArgs, 'input'>>;
  purgeFhirResourceHistory?: Resolver<ResolversTypes['PurgeFhirResourceHistoryPayload'], ParentType, ContextType, RequireFields<MutationPurgeFhirResourceHistoryArgs, 'input'>>;
  setIamPolicy?: Resolver<ResolversTypes['IamPolicy'], ParentType, ContextType, RequireFields<MutationSetIamPolicyArgs, 'input'>>;
  updateFhirResource?: Resolver<ResolversTypes['FhirResourcePayload'], ParentType, ContextType, RequireFields<MutationUpdateFhirResourceArgs, 'input'>>;
}>;

export type NodeResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Node'] = ResolversParentTypes['Node']> = ResolversObject<{
  __resolveType: TypeResolveFn<'AllergyIntolerance' | 'Condition' | 'Dataset' | 'DicomStore' | 'Encounter' | 'FhirResource' | 'FhirStore' | 'Hl7V2Message' | 'Hl7V2Store' | 'Immunization' | 'Instance' | 'MedicationRequest' | 'Observation' | 'Operation' | 'Organization' | 'Patient' | 'Practitioner' | 'Series' | 'Study', ParentType, ContextType>;
}>;

export type ObservationResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Observation'] = ResolversParentTypes['Observation']> = ResolversObject<{
  categories?: Resolver<Array<ResolversTypes['CodeableConcept']>, ParentType, ContextType>;
  code?: Resolver<Maybe<ResolversTypes['CodeableConcept']>, ParentType, ContextType>;
  components?: Resolver<Array<ResolversTypes['ObservationComponent']>, ParentType, ContextType>;
  effectiveDateTime?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  encounter?: Resolver<Maybe<ResolversTypes['Encounter']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  interpretation?: Resolver<Array<ResolversTypes['CodeableConcept']>, ParentType, ContextType>;
  issued?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  lastUpdated?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  resource?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  resourceId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  valueCodeableConcept?: Resolver<Maybe<ResolversTypes['CodeableConcept']>, ParentType, ContextType>;
  valueDisplay?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  valueQuantity?: Resolver<Maybe<ResolversTypes['Quantity']>, ParentType, ContextType>;
  valueString?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  versionId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ObservationComponentResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['ObservationComponent'] = ResolversParentTypes['ObservationComponent']> = ResolversObject<{
  code?: Resolver<Maybe<ResolversTypes['CodeableConcept']>, ParentType, ContextType>;
  valueQuantity?: Resolver<Maybe<ResolversTypes['Quantity']>, ParentType, ContextType>;
  valueString?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type ObservationConnectionResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['ObservationConnection'] = ResolversParentTypes['ObservationConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['ObservationEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Observation']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
}>;

export type ObservationEdgeResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['ObservationEdge'] = ResolversParentTypes['ObservationEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Observation'], ParentType, ContextType>;
}>;

export type OperationResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Operation'] = ResolversParentTypes['Operation']> = ResolversObject<{
  apiMethodName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  cancelRequested?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  createTime?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  dataset?: Resolver<ResolversTypes['Dataset'], ParentType, ContextType>;
  done?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  endTime?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['OperationError']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['OperationKind'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  operationId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  progress?: Resolver<Maybe<ResolversTypes['OperationProgress']>, ParentType, ContextType>;
  result?: Resolver<Maybe<ResolversTypes['OperationResult']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type OperationConnectionResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['OperationConnection'] = ResolversParentTypes['OperationConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['OperationEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Operation']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
}>;

export type OperationEdgeResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['OperationEdge'] = ResolversParentTypes['OperationEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Operation'], ParentType, ContextType>;
}>;

export type OperationErrorResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['OperationError'] = ResolversParentTypes['OperationError']> = ResolversObject<{
  code?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type OperationProgressResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['OperationProgress'] = ResolversParentTypes['OperationProgress']> = ResolversObject<{
  failure?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  pending?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  percent?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  success?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type OperationResultResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['OperationResult'] = ResolversParentTypes['OperationResult']> = ResolversObject<{
  __resolveType: TypeResolveFn<'Dataset' | 'DicomStore' | 'FhirStore', ParentType, ContextType>;
}>;

export type OrganizationResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Organization'] = ResolversParentTypes['Organization']> = ResolversObject<{
  addresses?: Resolver<Array<ResolversTypes['Address']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  identifiers?: Resolver<Array<ResolversTypes['Identifier']>, ParentType, ContextType>;
  lastUpdated?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  resource?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  resourceId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  telecom?: Resolver<Array<ResolversTypes['ContactPoint']>, ParentType, ContextType>;
  versionId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type PageInfoResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type PatientResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Patient'] = ResolversParentTypes['Patient']> = ResolversObject<{
  active?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  addresses?: Resolver<Array<ResolversTypes['Address']>, ParentType, ContextType>;
  allergies?: Resolver<ResolversTypes['AllergyIntoleranceConnection'], ParentType, ContextType, Partial<PatientAllergiesArgs>>;
  birthDate?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  conditions?: Resolver<ResolversTypes['ConditionConnection'], ParentType, ContextType, Partial<PatientConditionsArgs>>;
  deceased?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  deceasedDateTime?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  displayName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  encounters?: Resolver<ResolversTypes['EncounterConnection'], ParentType, ContextType, Partial<PatientEncountersArgs>>;
  everything?: Resolver<ResolversTypes['ResourceConnection'], ParentType, ContextType, Partial<PatientEverythingArgs>>;
  gender?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  generalPractitioners?: Resolver<Array<ResolversTypes['Practitioner']>, ParentType, ContextType>;
  hl7V2Messages?: Resolver<Maybe<ResolversTypes['Hl7V2MessageConnection']>, ParentType, ContextType, Partial<PatientHl7V2MessagesArgs>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  identifiers?: Resolver<Array<ResolversTypes['Identifier']>, ParentType, ContextType>;
  imagingStudies?: Resolver<Maybe<ResolversTypes['StudyConnection']>, ParentType, ContextType, Partial<PatientImagingStudiesArgs>>;
  immunizations?: Resolver<ResolversTypes['ImmunizationConnection'], ParentType, ContextType, Partial<PatientImmunizationsArgs>>;
  lastUpdated?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  latestObservations?: Resolver<Array<ResolversTypes['Observation']>, ParentType, ContextType, RequireFields<PatientLatestObservationsArgs, 'max'>>;
  managingOrganization?: Resolver<Maybe<ResolversTypes['Organization']>, ParentType, ContextType>;
  medications?: Resolver<ResolversTypes['MedicationRequestConnection'], ParentType, ContextType, Partial<PatientMedicationsArgs>>;
  mrn?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  names?: Resolver<Array<ResolversTypes['HumanName']>, ParentType, ContextType>;
  observations?: Resolver<ResolversTypes['ObservationConnection'], ParentType, ContextType, Partial<PatientObservationsArgs>>;
  resource?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  resourceId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  store?: Resolver<ResolversTypes['FhirStore'], ParentType, ContextType>;
  telecom?: Resolver<Array<ResolversTypes['ContactPoint']>, ParentType, ContextType>;
  versionId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type PatientConnectionResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['PatientConnection'] = ResolversParentTypes['PatientConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['PatientEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Patient']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
}>;

export type PatientEdgeResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['PatientEdge'] = ResolversParentTypes['PatientEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Patient'], ParentType, ContextType>;
}>;

export type PractitionerResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Practitioner'] = ResolversParentTypes['Practitioner']> = ResolversObject<{
  displayName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  identifiers?: Resolver<Array<ResolversTypes['Identifier']>, ParentType, ContextType>;
  lastUpdated?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  names?: Resolver<Array<ResolversTypes['HumanName']>, ParentType, ContextType>;
  resource?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  resourceId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  telecom?: Resolver<Array<ResolversTypes['ContactPoint']>, ParentType, ContextType>;
  versionId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type PurgeFhirResourceHistoryPayloadResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['PurgeFhirResourceHistoryPayload'] = ResolversParentTypes['PurgeFhirResourceHistoryPayload']> = ResolversObject<{
  purgedId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type QuantityResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Quantity'] = ResolversParentTypes['Quantity']> = ResolversObject<{
  code?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  comparator?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  system?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  unit?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  dataset?: Resolver<Maybe<ResolversTypes['Dataset']>, ParentType, ContextType, RequireFields<QueryDatasetArgs, 'id'>>;
  datasets?: Resolver<ResolversTypes['DatasetConnection'], ParentType, ContextType, Partial<QueryDatasetsArgs>>;
  dicomStore?: Resolver<Maybe<ResolversTypes['DicomStore']>, ParentType, ContextType, RequireFields<QueryDicomStoreArgs, 'name'>>;
  fhirStore?: Resolver<Maybe<ResolversTypes['FhirStore']>, ParentType, ContextType, RequireFields<QueryFhirStoreArgs, 'name'>>;
  hl7V2Message?: Resolver<Maybe<ResolversTypes['Hl7V2Message']>, ParentType, ContextType, RequireFields<QueryHl7V2MessageArgs, 'name'>>;
  hl7V2Store?: Resolver<Maybe<ResolversTypes['Hl7V2Store']>, ParentType, ContextType, RequireFields<QueryHl7V2StoreArgs, 'name'>>;
  locations?: Resolver<ResolversTypes['LocationConnection'], ParentType, ContextType, Partial<QueryLocationsArgs>>;
  node?: Resolver<Maybe<ResolversTypes['Node']>, ParentType, ContextType, RequireFields<QueryNodeArgs, 'id'>>;
  operation?: Resolver<Maybe<ResolversTypes['Operation']>, ParentType, ContextType, RequireFields<QueryOperationArgs, 'name'>>;
}>;

export type ResourceConnectionResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['ResourceConnection'] = ResolversParentTypes['ResourceConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['ResourceEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['FhirResource']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
}>;

export type ResourceEdgeResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['ResourceEdge'] = ResolversParentTypes['ResourceEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['FhirResource'], ParentType, ContextType>;
}>;

export type SeriesResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Series'] = ResolversParentTypes['Series']> = ResolversObject<{
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  instances?: Resolver<ResolversTypes['InstanceConnection'], ParentType, ContextType, Partial<SeriesInstancesArgs>>;
  metrics?: Resolver<Maybe<ResolversTypes['SeriesMetrics']>, ParentType, ContextType>;
  modality?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  numberOfInstances?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  seriesDate?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  seriesInstanceUid?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  seriesNumber?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  study?: Resolver<ResolversTypes['Study'], ParentType, ContextType>;
  viewerUrl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type SeriesConnectionResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['SeriesConnection'] = ResolversParentTypes['SeriesConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['SeriesEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Series']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
}>;

export type SeriesEdgeResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['SeriesEdge'] = ResolversParentTypes['SeriesEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Series'], ParentType, ContextType>;
}>;

export type SeriesMetricsResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['SeriesMetrics'] = ResolversParentTypes['SeriesMetrics']> = ResolversObject<{
  blobStorageSizeBytes?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  instanceCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  structuredStorageSizeBytes?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
}>;

export type StudyResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Study'] = ResolversParentTypes['Study']> = ResolversObject<{
  accessionNumber?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  metrics?: Resolver<Maybe<ResolversTypes['StudyMetrics']>, ParentType, ContextType>;
  modalities?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  numberOfInstances?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  numberOfSeries?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  patient?: Resolver<Maybe<ResolversTypes['Patient']>, ParentType, ContextType>;
  patientBirthDate?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  patientId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  patientName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  referringPhysicianName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  series?: Resolver<ResolversTypes['SeriesConnection'], ParentType, ContextType, Partial<StudySeriesArgs>>;
  store?: Resolver<ResolversTypes['DicomStore'], ParentType, ContextType>;
  studyDate?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  studyInstanceUid?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  studyTime?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  viewerUrl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type StudyConnectionResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['StudyConnection'] = ResolversParentTypes['StudyConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['StudyEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Study']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
}>;

export type StudyEdgeResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['StudyEdge'] = ResolversParentTypes['StudyEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Study'], ParentType, ContextType>;
}>;

export type StudyMetricsResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['StudyMetrics'] = ResolversParentTypes['StudyMetrics']> = ResolversObject<{
  blobStorageSizeBytes?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  instanceCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  seriesCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  structuredStorageSizeBytes?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
}>;

export type SubscriptionResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = ResolversObject<{
  dicomInstanceStored?: SubscriptionResolver<ResolversTypes['Instance'], "dicomInstanceStored", ParentType, ContextType, RequireFields<SubscriptionDicomInstanceStoredArgs, 'store'>>;
  fhirResourceChanged?: SubscriptionResolver<ResolversTypes['FhirResourceChange'], "fhirResourceChanged", ParentType, ContextType, RequireFields<SubscriptionFhirResourceChangedArgs, 'store'>>;
  hl7V2MessageReceived?: SubscriptionResolver<ResolversTypes['Hl7V2Message'], "hl7V2MessageReceived", ParentType, ContextType, RequireFields<SubscriptionHl7V2MessageReceivedArgs, 'store'>>;
  patientChanged?: SubscriptionResolver<ResolversTypes['FhirResourceChange'], "patientChanged", ParentType, ContextType, RequireFields<SubscriptionPatientChangedArgs, 'patientId' | 'store'>>;
}>;

export type Resolvers<ContextType = RequestContext> = ResolversObject<{
  Address?: AddressResolvers<ContextType>;
  AllergyIntolerance?: AllergyIntoleranceResolvers<ContextType>;
  AllergyIntoleranceConnection?: AllergyIntoleranceConnectionResolvers<ContextType>;
  AllergyIntoleranceEdge?: AllergyIntoleranceEdgeResolvers<ContextType>;
  CodeableConcept?: CodeableConceptResolvers<ContextType>;
  Coding?: CodingResolvers<ContextType>;
  Condition?: ConditionResolvers<ContextType>;
  ConditionConnection?: ConditionConnectionResolvers<ContextType>;
  ConditionEdge?: ConditionEdgeResolvers<ContextType>;
  ContactPoint?: ContactPointResolvers<ContextType>;
  Dataset?: DatasetResolvers<ContextType>;
  DatasetConnection?: DatasetConnectionResolvers<ContextType>;
  DatasetEdge?: DatasetEdgeResolvers<ContextType>;
  Date?: GraphQLScalarType;
  DateTime?: GraphQLScalarType;
  DeleteFhirResourcePayload?: DeleteFhirResourcePayloadResolvers<ContextType>;
  DicomStore?: DicomStoreResolvers<ContextType>;
  DicomStoreConnection?: DicomStoreConnectionResolvers<ContextType>;
  DicomStoreEdge?: DicomStoreEdgeResolvers<ContextType>;
  DicomStoreMetrics?: DicomStoreMetricsResolvers<ContextType>;
  Encounter?: EncounterResolvers<ContextType>;
  EncounterConnection?: EncounterConnectionResolvers<ContextType>;
  EncounterEdge?: EncounterEdgeResolvers<ContextType>;
  FhirBundleEntryError?: FhirBundleEntryErrorResolvers<ContextType>;
  FhirBundleEntryResult?: FhirBundleEntryResultResolvers<ContextType>;
  FhirBundlePayload?: FhirBundlePayloadResolvers<ContextType>;
  FhirResource?: FhirResourceResolvers<ContextType>;
  FhirResourceChange?: FhirResourceChangeResolvers<ContextType>;
  FhirResourceMetric?: FhirResourceMetricResolvers<ContextType>;
  FhirResourcePayload?: FhirResourcePayloadResolvers<ContextType>;
  FhirStore?: FhirStoreResolvers<ContextType>;
  FhirStoreConnection?: FhirStoreConnectionResolvers<ContextType>;
  FhirStoreEdge?: FhirStoreEdgeResolvers<ContextType>;
  Hl7V2Field?: Hl7V2FieldResolvers<ContextType>;
  Hl7V2Message?: Hl7V2MessageResolvers<ContextType>;
  Hl7V2MessageConnection?: Hl7V2MessageConnectionResolvers<ContextType>;
  Hl7V2MessageEdge?: Hl7V2MessageEdgeResolvers<ContextType>;
  Hl7V2MessageTypeMetric?: Hl7V2MessageTypeMetricResolvers<ContextType>;
  Hl7V2PatientId?: Hl7V2PatientIdResolvers<ContextType>;
  Hl7V2Segment?: Hl7V2SegmentResolvers<ContextType>;
  Hl7V2Store?: Hl7V2StoreResolvers<ContextType>;
  Hl7V2StoreConnection?: Hl7V2StoreConnectionResolvers<ContextType>;
  Hl7V2StoreEdge?: Hl7V2StoreEdgeResolvers<ContextType>;
  HumanName?: HumanNameResolvers<ContextType>;
  IamBinding?: IamBindingResolvers<ContextType>;
  IamPolicy?: IamPolicyResolvers<ContextType>;
  Identifier?: IdentifierResolvers<ContextType>;
  Immunization?: ImmunizationResolvers<ContextType>;
  ImmunizationConnection?: ImmunizationConnectionResolvers<ContextType>;
  ImmunizationEdge?: ImmunizationEdgeResolvers<ContextType>;
  IngestHl7V2MessagePayload?: IngestHl7V2MessagePayloadResolvers<ContextType>;
  Instance?: InstanceResolvers<ContextType>;
  InstanceConnection?: InstanceConnectionResolvers<ContextType>;
  InstanceEdge?: InstanceEdgeResolvers<ContextType>;
  JSON?: GraphQLScalarType;
  Label?: LabelResolvers<ContextType>;
  Location?: LocationResolvers<ContextType>;
  LocationConnection?: LocationConnectionResolvers<ContextType>;
  LocationEdge?: LocationEdgeResolvers<ContextType>;
  MedicationRequest?: MedicationRequestResolvers<ContextType>;
  MedicationRequestConnection?: MedicationRequestConnectionResolvers<ContextType>;
  MedicationRequestEdge?: MedicationRequestEdgeResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Node?: NodeResolvers<ContextType>;
  Observation?: ObservationResolvers<ContextType>;
  ObservationComponent?: ObservationComponentResolvers<ContextType>;
  ObservationConnection?: ObservationConnectionResolvers<ContextType>;
  ObservationEdge?: ObservationEdgeResolvers<ContextType>;
  Operation?: OperationResolvers<ContextType>;
  OperationConnection?: OperationConnectionResolvers<ContextType>;
  OperationEdge?: OperationEdgeResolvers<ContextType>;
  OperationError?: OperationErrorResolvers<ContextType>;
  OperationProgress?: OperationProgressResolvers<ContextType>;
  OperationResult?: OperationResultResolvers<ContextType>;
  Organization?: OrganizationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Patient?: PatientResolvers<ContextType>;
  PatientConnection?: PatientConnectionResolvers<ContextType>;
  PatientEdge?: PatientEdgeResolvers<ContextType>;
  Practitioner?: PractitionerResolvers<ContextType>;
  PurgeFhirResourceHistoryPayload?: PurgeFhirResourceHistoryPayloadResolvers<ContextType>;
  Quantity?: QuantityResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  ResourceConnection?: ResourceConnectionResolvers<ContextType>;
  ResourceEdge?: ResourceEdgeResolvers<ContextType>;
  Series?: SeriesResolvers<ContextType>;
  SeriesConnection?: SeriesConnectionResolvers<ContextType>;
  SeriesEdge?: SeriesEdgeResolvers<ContextType>;
  SeriesMetrics?: SeriesMetricsResolvers<ContextType>;
  Study?: StudyResolvers<ContextType>;
  StudyConnection?: StudyConnectionResolvers<ContextType>;
  StudyEdge?: StudyEdgeResolvers<ContextType>;
  StudyMetrics?: StudyMetricsResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
}>;

