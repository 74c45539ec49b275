import { badUserInput } from '../../errors.js';
import { UpstreamError } from '../../healthcare/errors.js';
import { getIamPolicy, setIamPolicy, testIamPermissions, type IamPolicy, type IamResource } from '../../healthcare/iam.js';
import type { StoreKind } from '../../healthcare/names.js';
import type { DatasetResolvers, DicomStoreResolvers, FhirStoreResolvers, MutationResolvers } from '../../generated/graphql.js';
import type { RequestContext } from '../context.js';

/** The permissions `viewerPermissions` asks about, per kind of resource: what a UI may offer. */
const VIEWER_PERMISSIONS: Record<'datasets' | Exclude<StoreKind, 'hl7V2Stores'>, string[]> = {
  datasets: [
    'healthcare.datasets.get', 'healthcare.datasets.update', 'healthcare.datasets.delete', 'healthcare.datasets.getIamPolicy',
    'healthcare.datasets.setIamPolicy', 'healthcare.fhirStores.list', 'healthcare.fhirStores.create', 'healthcare.dicomStores.list',
    'healthcare.dicomStores.create',
  ],
  fhirStores: [
    'healthcare.fhirStores.get', 'healthcare.fhirStores.update', 'healthcare.fhirStores.delete', 'healthcare.fhirStores.getIamPolicy',
    'healthcare.fhirStores.setIamPolicy', 'healthcare.fhirStores.searchResources', 'healthcare.fhirResources.get',
    'healthcare.fhirResources.create', 'healthcare.fhirResources.update', 'healthcare.fhirResources.delete',
    'healthcare.fhirResources.patientEverything',
  ],
  dicomStores: [
    'healthcare.dicomStores.get', 'healthcare.dicomStores.update', 'healthcare.dicomStores.delete', 'healthcare.dicomStores.getIamPolicy',
    'healthcare.dicomStores.setIamPolicy', 'healthcare.dicomStores.dicomWebRead', 'healthcare.dicomStores.dicomWebWrite',
    'healthcare.dicomStores.dicomWebDelete',
  ],
};

const ROLE = /^roles\/[A-Za-z0-9_.]{1,128}$/;
const MEMBER = /^(user|serviceAccount|group|domain):[^\s:]{1,256}$/;

const toGraph = (policy: IamPolicy) => ({ version: policy.version ?? null, etag: policy.etag ?? '', bindings: policy.bindings ?? [] });

/** An external DICOMweb server shown as a store: Cloud IAM does not govern it (the allow-lists do). */
const isExternal = (name: string, context: RequestContext) => context.client.externalDicom?.byName(name) !== undefined;

/** The IAM fields of a kind of resource: a dataset, or a store of a kind. */
function iamFields<M extends { name: string }>(kind: keyof typeof VIEWER_PERMISSIONS) {
  const resourceOf = (model: M, context: RequestContext) => iamResource(kind, model.name, context);
  return {
    iamPolicy: async (model: M, _args: unknown, context: RequestContext) =>
      (isExternal(model.name, context) ? null : toGraph(await getIamPolicy(context.client, resourceOf(model, context)))),
    viewerPermissions: async (model: M, _args: unknown, context: RequestContext) =>
      (isExternal(model.name, context) ? [] : testIamPermissions(context.client, resourceOf(model, context), VIEWER_PERMISSIONS[kind])),
  };
}

/** A dataset or store by resource name, after the access check. */
const iamResource = (kind: keyof typeof VIEWER_PERMISSIONS, name: string, context: RequestContext): IamResource =>
  (kind === 'datasets' ? context.access.datasetNamed(name) : context.access.storeNamed(kind, name));

export const datasetIamResolvers: Pick<DatasetResolvers, 'iamPolicy' | 'viewerPermissions'> = iamFields('datasets');
export const fhirStoreIamResolvers: Pick<FhirStoreResolvers, 'iamPolicy' | 'viewerPermissions'> = iamFields('fhirStores');
export const dicomStoreIamResolvers: Pick<DicomStoreResolvers, 'iamPolicy' | 'viewerPermissions'> = iamFields('dicomStores');

/** The dataset or store a caller named, after the access check. */
function namedResource(resource: string, context: RequestContext): IamResource {
  if (resource.includes('/fhirStores/')) return iamResource('fhirStores', resource, context);
  if (resource.includes('/dicomStores/')) {
    if (isExternal(resource, context)) throw badUserInput(`${resource} is an external DICOMweb server: its access is configured there, not with Cloud IAM`);
    return iamResource('dicomStores', resource, context);
  }
  return iamResource('datasets', resource, context);
}

export const iamMutations: MutationResolvers = {
  setIamPolicy: async (_parent, { input }, context) => {
    const resource = namedResource(input.resource, context);
    for (const binding of input.bindings) {
      if (!ROLE.test(binding.role)) throw badUserInput(`${JSON.stringify(binding.role.slice(0, 140))} is not a role name (roles/…)`);
      const bad = binding.members.find((member) => !MEMBER.test(member));
      if (bad !== undefined || binding.members.length === 0) throw badUserInput(`members must be user:, serviceAccount:, group: or domain: principals${bad ? `, not ${JSON.stringify(bad.slice(0, 140))}` : ''}`);
    }
    try {
      return toGraph(await setIamPolicy(context.client, resource, { bindings: input.bindings, ...(input.etag ? { etag: input.etag } : {}) }));
    } catch (error) {
      if (error instanceof UpstreamError && error.status === 409) throw badUserInput('The policy changed since it was read: read it again (etag) and retry');
      if (error instanceof UpstreamError && error.status === 400) throw badUserInput(`The API refused the policy: ${error.message}`);
      throw error;
    }
  },
};
