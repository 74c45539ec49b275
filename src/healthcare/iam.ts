/** Cloud IAM methods on datasets and stores (`:getIamPolicy`, `:setIamPolicy`, `:testIamPermissions`). */
import type { HealthcareClient } from './client.js';

export interface IamPolicy {
  version?: number;
  etag?: string;
  bindings?: { role: string; members: string[] }[];
}

/** `path` is the dataset's or store's path below the API root (from `names.ts`). */
export function getIamPolicy(client: HealthcareClient, path: string): Promise<IamPolicy> {
  return client.json<IamPolicy>({ kind: 'admin', path: `${path}:getIamPolicy` });
}

export function setIamPolicy(client: HealthcareClient, path: string, policy: IamPolicy): Promise<IamPolicy> {
  return client.json<IamPolicy>({ kind: 'admin', method: 'POST', path: `${path}:setIamPolicy`, body: { policy } });
}

/** The subset of `permissions` the caller holds on the resource. */
export async function testIamPermissions(client: HealthcareClient, path: string, permissions: string[]): Promise<string[]> {
  const body = await client.json<{ permissions?: string[] }>({ kind: 'admin', method: 'POST', path: `${path}:testIamPermissions`, body: { permissions } });
  return body.permissions ?? [];
}
