/**
 * `getIamPolicy`, `setIamPolicy` and `testIamPermissions` on datasets and FHIR, DICOM and HL7v2
 * stores (reference §6).
 */

import { invalidArgument } from '../errors.js';
import type { EmulatorModule, EmulatorRoute, EmulatorServices } from '../module.js';
import { datasetNameOf } from '../names.js';
import { jsonReply } from '../reply.js';
import type { EmulatorRequest } from '../request.js';
import { HL7V2_STORE_SPEC } from '../hl7v2/store-spec.js';
import { DICOM_STORE_SPEC, FHIR_STORE_SPEC, getStore } from '../stores.js';
import { requires } from './access.js';
import { permissionDenied } from './errors.js';
import { readSetIamPolicyRequest, readTestIamPermissionsRequest, renderPolicy } from './policy.js';
import { policyHolderExists, resourceName } from './resources.js';

const DATASET = '/v1/projects/{project}/locations/{location}/datasets/{dataset}';

/** A resource kind that carries IAM policies. */
interface PolicyTarget {
  readonly collection: 'datasets' | 'fhirStores' | 'dicomStores' | 'hl7V2Stores';
  readonly path: string;
  /** Throws the resource's 404 when it does not exist. */
  find(services: EmulatorServices, params: Readonly<Record<string, string>>): void;
}

const TARGETS: readonly PolicyTarget[] = [
  { collection: 'datasets', path: DATASET, find: ({ state }, params) => state.getDataset(datasetNameOf(params)) },
  ...[FHIR_STORE_SPEC, DICOM_STORE_SPEC, HL7V2_STORE_SPEC].map(
    (spec): PolicyTarget => ({
      collection: spec.collection,
      path: `${DATASET}/${spec.collection}/{store}`,
      find: ({ state }, params) => getStore(spec, state.getDataset(datasetNameOf(params)), params['store'] ?? ''),
    }),
  ),
];

const POLICY_VERSIONS = ['0', '1', '3'];

function policyRoutes(services: EmulatorServices, target: PolicyTarget): EmulatorRoute[] {
  const { state, iam } = services;
  const { collection, path } = target;
  const nameOf = (ctx: EmulatorRequest): string => resourceName(collection, ctx.params);
  return [
    {
      method: 'GET',
      path: `${path}:getIamPolicy`,
      query: ['options.requestedPolicyVersion'],
      access: requires(collection, `healthcare.${collection}.getIamPolicy`),
      handle: (ctx) => {
        target.find(services, ctx.params);
        const version = ctx.query.get('options.requestedPolicyVersion');
        if (version !== undefined && !POLICY_VERSIONS.includes(version)) {
          throw invalidArgument(`options.requested_policy_version must be 0, 1 or 3, got "${version}".`);
        }
        return jsonReply(renderPolicy(iam.policies.get(nameOf(ctx))));
      },
    },
    {
      method: 'POST',
      path: `${path}:setIamPolicy`,
      query: [],
      access: requires(collection, `healthcare.${collection}.setIamPolicy`),
      handle: async (ctx) => {
        const request = readSetIamPolicyRequest(await ctx.jsonBody());
        // Looked up after the body's await, so no deletion can slip in before the policy is set.
        target.find(services, ctx.params);
        const policy = iam.policies.set(nameOf(ctx), request);
        await iam.policies.commit();
        return jsonReply(renderPolicy(policy));
      },
    },
    {
      method: 'POST',
      path: `${path}:testIamPermissions`,
      query: [],
      // Google requires no permission to ask which permissions one holds.
      access: requires(collection),
      handle: async (ctx) => {
        const name = nameOf(ctx);
        const principal = iam.callerOf(ctx.headers);
        // Whether the resource exists is only told to callers who may see it.
        const visibility = `healthcare.${collection}.get` as const;
        if (!iam.holds(principal, visibility, name) && !policyHolderExists(state, name)) {
          throw permissionDenied(visibility, name);
        }
        target.find(services, ctx.params);
        const requested = readTestIamPermissionsRequest(await ctx.jsonBody());
        const held = requested.filter((permission) => iam.holds(principal, permission, name));
        return jsonReply(held.length > 0 ? { permissions: held } : {});
      },
    },
  ];
}

/** The IAM methods of every resource that carries a policy. */
export const iamModule: EmulatorModule = {
  name: 'iam',
  routes: (services) => TARGETS.flatMap((target) => policyRoutes(services, target)),
};
