/**
 * The IAM policies of datasets and stores, by resource name, mirrored to `<dataDir>/iam.json` with
 * the same atomic, serialized writes as `state.json`.
 */

import path from 'node:path';
import { ApiError } from '../errors.js';
import { isJsonObject } from '../json.js';
import { StateFile } from '../persistence.js';
import { CorruptStateError } from '../state.js';
import { concurrentPolicyChange } from './errors.js';
import { EMPTY_POLICY_ETAG, newEtag, readPolicy, renderPolicy, type SetIamPolicyRequest, type StoredPolicy } from './policy.js';

const FORMAT = 'cloud-healthcare-emulator-iam/1';

/** Every resource's policy. Resources without an entry have the empty policy. */
export class PolicyStore {
  private constructor(
    private readonly policies: Map<string, StoredPolicy>,
    private readonly file: StateFile | undefined,
  ) {}

  /** Loads `<dataDir>/iam.json` when there is one; an unreadable file rejects with `CorruptStateError`. */
  static async open(dataDir: string | undefined): Promise<PolicyStore> {
    if (dataDir === undefined) return new PolicyStore(new Map(), undefined);
    const file = new StateFile(path.join(path.resolve(dataDir), 'iam.json'));
    const text = await file.read();
    return new PolicyStore(text === undefined ? new Map() : parsePersisted(file.file, text), file);
  }

  /** The policy set on `resource`, if any. */
  get(resource: string): StoredPolicy | undefined {
    return this.policies.get(resource);
  }

  /**
   * Applies a `setIamPolicy` request to `resource` and returns the new policy. Synchronous, so the
   * etag comparison and the write cannot interleave with another request; `commit()` afterwards.
   */
  set(resource: string, { policy, mask }: SetIamPolicyRequest): StoredPolicy {
    const current = this.policies.get(resource);
    if (policy.etag !== undefined && policy.etag !== (current?.etag ?? EMPTY_POLICY_ETAG)) throw concurrentPolicyChange();
    const next: StoredPolicy = {
      etag: newEtag(),
      bindings: mask.has('bindings') ? (policy.bindings ?? []) : (current?.bindings ?? []),
      auditConfigs: mask.has('auditConfigs') ? (policy.auditConfigs ?? []) : (current?.auditConfigs ?? []),
    };
    this.policies.set(resource, next);
    return next;
  }

  /** Drops the policies of resources that no longer exist; persists when that changed anything. */
  async forgetGone(exists: (resource: string) => boolean): Promise<void> {
    const gone = [...this.policies.keys()].filter((resource) => !exists(resource));
    if (gone.length === 0) return;
    gone.forEach((resource) => this.policies.delete(resource));
    await this.commit();
  }

  /** Persists the policies (no-op in memory-only mode). */
  commit(): Promise<void> {
    if (this.file === undefined) return Promise.resolve();
    return this.file.save(() =>
      JSON.stringify({
        format: FORMAT,
        policies: [...this.policies].map(([resource, policy]) => ({ resource, policy: renderPolicy(policy) })),
      }),
    );
  }

  /** Resolves when every scheduled write has finished. */
  async flush(): Promise<void> {
    await this.file?.flush();
  }
}

function parsePersisted(file: string, text: string): Map<string, StoredPolicy> {
  const fail = (reason: string): never => {
    throw new CorruptStateError(file, reason);
  };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return fail(`not JSON: ${(error as Error).message.split('\n')[0]}`);
  }
  if (!isJsonObject(value) || value['format'] !== FORMAT) return fail(`expected "format": "${FORMAT}"`);
  const entries = value['policies'];
  if (!Array.isArray(entries)) return fail('"policies" must be a list');
  const policies = new Map<string, StoredPolicy>();
  entries.forEach((entry, i) => {
    const resource = isJsonObject(entry) ? entry['resource'] : undefined;
    if (!isJsonObject(entry) || typeof resource !== 'string') return fail(`policies[${i}] must be {"resource": string, "policy": object}`);
    try {
      // The file holds what getIamPolicy renders, so it is checked by the rules setIamPolicy applies.
      const fields = readPolicy(entry['policy'], `policies[${i}].policy`);
      if (fields.etag === undefined) return fail(`policies[${i}].policy.etag is missing`);
      policies.set(resource, { etag: fields.etag, bindings: fields.bindings ?? [], auditConfigs: fields.auditConfigs ?? [] });
    } catch (error) {
      if (error instanceof ApiError) return fail(error.message);
      throw error;
    }
  });
  return policies;
}
