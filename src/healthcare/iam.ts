/** Cloud IAM methods on datasets and stores (`:getIamPolicy`, `:setIamPolicy`, `:testIamPermissions`). */
import type { HealthcareClient } from './client.js';
import { datasetPath, storePath, type AllowedDataset, type AllowedStore } from './names.js';

export interface IamPolicy {
  version?: number;
  etag?: string;
  bindings?: { role: string; members: string[] }[];
}

/** What Cloud IAM policies are set on here: a dataset or a store. */
export type IamResource = AllowedDataset | AllowedStore;

const iamPath = (resource: IamResource) => ('store' in resource ? storePath(resource) : datasetPath(resource));

export function getIamPolicy(client: HealthcareClient, resource: IamResource): Promise<IamPolicy> {
  return client.json<IamPolicy>({ kind: 'admin', path: `${iamPath(resource)}:getIamPolicy` });
}

export function setIamPolicy(client: HealthcareClient, resource: IamResource, policy: IamPolicy): Promise<IamPolicy> {
  return client.json<IamPolicy>({ kind: 'admin', method: 'POST', path: `${iamPath(resource)}:setIamPolicy`, body: { policy } });
}

/** The subset of `permissions` the caller holds on the resource. */
export async function testIamPermissions(client: HealthcareClient, resource: IamResource, permissions: string[]): Promise<string[]> {
  const body = await client.json<{ permissions?: string[] }>({ kind: 'admin', method: 'POST', path: `${iamPath(resource)}:testIamPermissions`, body: { permissions } });
  return body.permissions ?? [];
}
