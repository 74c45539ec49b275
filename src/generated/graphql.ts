import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { DatasetModel, FhirStoreModel, DicomStoreModel } from '../graphql/models.js';
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
  /** Opaque global id. */
  id: Scalars['ID']['output'];
  /** Location (region) of the dataset, e.g. `us-central1`. */
  location: Scalars['String']['output'];
  /** Full resource name, `projects/{p}/locations/{l}/datasets/{d}`. */
  name: Scalars['String']['output'];
  /** Project id the dataset belongs to. */
  projectId: Scalars['String']['output'];
  /** IANA time zone used for dates without one (e.g. in DICOM); null means UTC. */
  timeZone: Maybe<Scalars['String']['output']>;
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

/** A DICOM store: medical images (studies, series, instances) served over DICOMweb. */
export type DicomStore = Node & {
  __typename?: 'DicomStore';
  /** The dataset that holds this store. */
  dataset: Dataset;
  /** Opaque global id. */
  id: Scalars['ID']['output'];
  /** Labels set on the store, sorted by key. */
  labels: Array<Label>;
  /** How many studies, series and instances the store holds and how much storage they take. */
  metrics: DicomStoreMetrics;
  /** Full resource name, `projects/{p}/locations/{l}/datasets/{d}/dicomStores/{s}`. */
  name: Scalars['String']['output'];
  /** Short id, the last segment of `name`. */
  storeId: Scalars['String']['output'];
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
  /** Bytes of blob storage (the DICOM files). */
  blobStorageSizeBytes: Scalars['Float']['output'];
  /** Number of instances. */
  instanceCount: Scalars['Float']['output'];
  /** Number of series. */
  seriesCount: Scalars['Float']['output'];
  /** Bytes of structured storage (the indexed DICOM attributes). */
  structuredStorageSizeBytes: Scalars['Float']['output'];
  /** Number of studies. */
  studyCount: Scalars['Float']['output'];
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
  /** Opaque global id. */
  id: Scalars['ID']['output'];
  /** Labels set on the store, sorted by key. */
  labels: Array<Label>;
  /** How many resources of each type the store holds, with their storage size; types with none are left out. */
  metrics: Array<FhirResourceMetric>;
  /** Full resource name, `projects/{p}/locations/{l}/datasets/{d}/fhirStores/{s}`. */
  name: Scalars['String']['output'];
  /** Short id, the last segment of `name`. */
  storeId: Scalars['String']['output'];
  /** FHIR version of the store: `DSTU2`, `STU3`, `R4` or `R5`. */
  version: Maybe<Scalars['String']['output']>;
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

/** A resource-label pair, as set on stores in the Cloud Healthcare API. */
export type Label = {
  __typename?: 'Label';
  /** Label key. */
  key: Scalars['String']['output'];
  /** Label value (may be empty). */
  value: Scalars['String']['output'];
};

/**
 * An object with a global id. Every id is opaque: pass it back to `Query.node(id:)` to fetch the object
 * again, never parse it.
 */
export type Node = {
  /** Opaque global id, stable across requests and server restarts. */
  id: Scalars['ID']['output'];
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
  /**
   * Fetches any object that has a global id (Dataset, FhirStore, DicomStore, ...).
   * Returns null with a NOT_FOUND error when the object no longer exists.
   */
  node: Maybe<Node>;
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


export type QueryNodeArgs = {
  id: Scalars['ID']['input'];
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




/** Mapping of interface types */
export type ResolversInterfaceTypes<_RefType extends Record<string, unknown>> = ResolversObject<{
  Node:
    | ( DatasetModel )
    | ( DicomStoreModel )
    | ( FhirStoreModel )
  ;
}>;

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Dataset: ResolverTypeWrapper<DatasetModel>;
  DatasetConnection: ResolverTypeWrapper<Omit<DatasetConnection, 'edges' | 'nodes'> & { edges: Array<ResolversTypes['DatasetEdge']>, nodes: Array<ResolversTypes['Dataset']> }>;
  DatasetEdge: ResolverTypeWrapper<Omit<DatasetEdge, 'node'> & { node: ResolversTypes['Dataset'] }>;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  DicomStore: ResolverTypeWrapper<DicomStoreModel>;
  DicomStoreConnection: ResolverTypeWrapper<Omit<DicomStoreConnection, 'edges' | 'nodes'> & { edges: Array<ResolversTypes['DicomStoreEdge']>, nodes: Array<ResolversTypes['DicomStore']> }>;
  DicomStoreEdge: ResolverTypeWrapper<Omit<DicomStoreEdge, 'node'> & { node: ResolversTypes['DicomStore'] }>;
  DicomStoreMetrics: ResolverTypeWrapper<DicomStoreMetrics>;
  FhirResourceMetric: ResolverTypeWrapper<FhirResourceMetric>;
  FhirStore: ResolverTypeWrapper<FhirStoreModel>;
  FhirStoreConnection: ResolverTypeWrapper<Omit<FhirStoreConnection, 'edges' | 'nodes'> & { edges: Array<ResolversTypes['FhirStoreEdge']>, nodes: Array<ResolversTypes['FhirStore']> }>;
  FhirStoreEdge: ResolverTypeWrapper<Omit<FhirStoreEdge, 'node'> & { node: ResolversTypes['FhirStore'] }>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  JSON: ResolverTypeWrapper<Scalars['JSON']['output']>;
  Label: ResolverTypeWrapper<Label>;
  Node: ResolverTypeWrapper<ResolversInterfaceTypes<ResolversTypes>['Node']>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  Boolean: Scalars['Boolean']['output'];
  Dataset: DatasetModel;
  DatasetConnection: Omit<DatasetConnection, 'edges' | 'nodes'> & { edges: Array<ResolversParentTypes['DatasetEdge']>, nodes: Array<ResolversParentTypes['Dataset']> };
  DatasetEdge: Omit<DatasetEdge, 'node'> & { node: ResolversParentTypes['Dataset'] };
  Date: Scalars['Date']['output'];
  DateTime: Scalars['DateTime']['output'];
  DicomStore: DicomStoreModel;
  DicomStoreConnection: Omit<DicomStoreConnection, 'edges' | 'nodes'> & { edges: Array<ResolversParentTypes['DicomStoreEdge']>, nodes: Array<ResolversParentTypes['DicomStore']> };
  DicomStoreEdge: Omit<DicomStoreEdge, 'node'> & { node: ResolversParentTypes['DicomStore'] };
  DicomStoreMetrics: DicomStoreMetrics;
  FhirResourceMetric: FhirResourceMetric;
  FhirStore: FhirStoreModel;
  FhirStoreConnection: Omit<FhirStoreConnection, 'edges' | 'nodes'> & { edges: Array<ResolversParentTypes['FhirStoreEdge']>, nodes: Array<ResolversParentTypes['FhirStore']> };
  FhirStoreEdge: Omit<FhirStoreEdge, 'node'> & { node: ResolversParentTypes['FhirStore'] };
  Float: Scalars['Float']['output'];
  ID: Scalars['ID']['output'];
  Int: Scalars['Int']['output'];
  JSON: Scalars['JSON']['output'];
  Label: Label;
  Node: ResolversInterfaceTypes<ResolversParentTypes>['Node'];
  PageInfo: PageInfo;
  Query: Record<PropertyKey, never>;
  String: Scalars['String']['output'];
}>;

export type DatasetResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Dataset'] = ResolversParentTypes['Dataset']> = ResolversObject<{
  datasetId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  dicomStore?: Resolver<Maybe<ResolversTypes['DicomStore']>, ParentType, ContextType, RequireFields<DatasetDicomStoreArgs, 'id'>>;
  dicomStores?: Resolver<ResolversTypes['DicomStoreConnection'], ParentType, ContextType, Partial<DatasetDicomStoresArgs>>;
  fhirStore?: Resolver<Maybe<ResolversTypes['FhirStore']>, ParentType, ContextType, RequireFields<DatasetFhirStoreArgs, 'id'>>;
  fhirStores?: Resolver<ResolversTypes['FhirStoreConnection'], ParentType, ContextType, Partial<DatasetFhirStoresArgs>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  location?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  projectId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  timeZone?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
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

export type DicomStoreResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['DicomStore'] = ResolversParentTypes['DicomStore']> = ResolversObject<{
  dataset?: Resolver<ResolversTypes['Dataset'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  labels?: Resolver<Array<ResolversTypes['Label']>, ParentType, ContextType>;
  metrics?: Resolver<ResolversTypes['DicomStoreMetrics'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  storeId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
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
  blobStorageSizeBytes?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  instanceCount?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  seriesCount?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  structuredStorageSizeBytes?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  studyCount?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
}>;

export type FhirResourceMetricResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['FhirResourceMetric'] = ResolversParentTypes['FhirResourceMetric']> = ResolversObject<{
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  resourceType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  structuredStorageSizeBytes?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
}>;

export type FhirStoreResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['FhirStore'] = ResolversParentTypes['FhirStore']> = ResolversObject<{
  dataset?: Resolver<ResolversTypes['Dataset'], ParentType, ContextType>;
  defaultSearchHandlingStrict?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  disableReferentialIntegrity?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  enableUpdateCreate?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  labels?: Resolver<Array<ResolversTypes['Label']>, ParentType, ContextType>;
  metrics?: Resolver<Array<ResolversTypes['FhirResourceMetric']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  storeId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  version?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
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

export interface JsonScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['JSON'], any> {
  name: 'JSON';
}

export type LabelResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Label'] = ResolversParentTypes['Label']> = ResolversObject<{
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type NodeResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Node'] = ResolversParentTypes['Node']> = ResolversObject<{
  __resolveType: TypeResolveFn<'Dataset' | 'DicomStore' | 'FhirStore', ParentType, ContextType>;
}>;

export type PageInfoResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  dataset?: Resolver<Maybe<ResolversTypes['Dataset']>, ParentType, ContextType, RequireFields<QueryDatasetArgs, 'id'>>;
  datasets?: Resolver<ResolversTypes['DatasetConnection'], ParentType, ContextType, Partial<QueryDatasetsArgs>>;
  dicomStore?: Resolver<Maybe<ResolversTypes['DicomStore']>, ParentType, ContextType, RequireFields<QueryDicomStoreArgs, 'name'>>;
  fhirStore?: Resolver<Maybe<ResolversTypes['FhirStore']>, ParentType, ContextType, RequireFields<QueryFhirStoreArgs, 'name'>>;
  node?: Resolver<Maybe<ResolversTypes['Node']>, ParentType, ContextType, RequireFields<QueryNodeArgs, 'id'>>;
}>;

export type Resolvers<ContextType = RequestContext> = ResolversObject<{
  Dataset?: DatasetResolvers<ContextType>;
  DatasetConnection?: DatasetConnectionResolvers<ContextType>;
  DatasetEdge?: DatasetEdgeResolvers<ContextType>;
  Date?: GraphQLScalarType;
  DateTime?: GraphQLScalarType;
  DicomStore?: DicomStoreResolvers<ContextType>;
  DicomStoreConnection?: DicomStoreConnectionResolvers<ContextType>;
  DicomStoreEdge?: DicomStoreEdgeResolvers<ContextType>;
  DicomStoreMetrics?: DicomStoreMetricsResolvers<ContextType>;
  FhirResourceMetric?: FhirResourceMetricResolvers<ContextType>;
  FhirStore?: FhirStoreResolvers<ContextType>;
  FhirStoreConnection?: FhirStoreConnectionResolvers<ContextType>;
  FhirStoreEdge?: FhirStoreEdgeResolvers<ContextType>;
  JSON?: GraphQLScalarType;
  Label?: LabelResolvers<ContextType>;
  Node?: NodeResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
}>;

