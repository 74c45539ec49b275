/**
 * The IAM messages of reference §6: validating `SetIamPolicyRequest` and
 * `TestIamPermissionsRequest` bodies, and rendering a stored `Policy`.
 */

import { randomBytes } from 'node:crypto';
import { invalidArgument } from '../errors.js';
import { isJsonObject, type JsonObject, type JsonValue } from '../json.js';
import { isPredefinedRole, type PredefinedRole } from './roles.js';

/** One role granted to principals. */
export interface Binding {
  role: PredefinedRole;
  members: string[];
}

/** A policy as the emulator keeps it; `etag` changes with every write. */
export interface StoredPolicy {
  etag: string;
  bindings: Binding[];
  /** Kept and returned as given: the emulator writes no audit logs. */
  auditConfigs: JsonObject[];
}

/** The fields a `setIamPolicy` request sent in `policy` (absent ones are undefined). */
export interface PolicyFields {
  etag?: string;
  bindings?: Binding[];
  auditConfigs?: JsonObject[];
}

/** The policy fields `updateMask` may name. */
type MaskPath = 'bindings' | 'etag' | 'auditConfigs' | 'version';

/** A validated `SetIamPolicyRequest`. */
export interface SetIamPolicyRequest {
  policy: PolicyFields;
  /** Fields to replace; Google's default mask is `bindings, etag`. */
  mask: ReadonlySet<MaskPath>;
}

/** The etag of a resource that has never had a policy (Google's empty policy is `{"etag": "ACAB"}`). */
export const EMPTY_POLICY_ETAG = 'ACAB';

/** A fresh etag for a policy write. */
export function newEtag(): string {
  return randomBytes(8).toString('base64');
}

const MEMBER = /^(?:(?:user|serviceAccount|group):[^\s@]+@[^\s@]+|domain:[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)$/;

const MASK_PATHS: Readonly<Record<string, MaskPath>> = {
  bindings: 'bindings',
  etag: 'etag',
  auditConfigs: 'auditConfigs',
  audit_configs: 'auditConfigs',
  version: 'version',
};

function rejectUnknownFields(value: JsonObject, known: readonly string[], at: string): void {
  const unknown = Object.keys(value).find((key) => !known.includes(key));
  if (unknown !== undefined) {
    throw invalidArgument(`Invalid JSON payload received. Unknown name "${unknown}" at '${at}': Cannot find field.`);
  }
}

function readBinding(value: JsonValue, at: string): Binding {
  if (!isJsonObject(value)) throw invalidArgument(`${at} must be an object {"role", "members"}.`);
  rejectUnknownFields(value, ['role', 'members', 'condition'], at);
  if (value['condition'] !== undefined) {
    throw invalidArgument(`${at}.condition: conditional role bindings are not supported by the emulator.`);
  }
  const role = value['role'];
  if (typeof role !== 'string' || !isPredefinedRole(role)) {
    throw invalidArgument(`${at}.role: role ${JSON.stringify(role)} is not supported for this resource; use a predefined roles/healthcare.* role.`);
  }
  const members = value['members'];
  // Google's access-control guide: revoke a role's last principal by removing the binding entirely.
  if (!Array.isArray(members) || members.length === 0) {
    throw invalidArgument(`${at}: the binding for ${role} has no members; remove the binding instead.`);
  }
  for (const member of members) {
    if (typeof member !== 'string' || !MEMBER.test(member)) {
      throw invalidArgument(
        `${at}.members: invalid member ${JSON.stringify(member)}; expected user:EMAIL, serviceAccount:EMAIL, group:EMAIL or domain:DOMAIN.`,
      );
    }
  }
  return { role, members: members as string[] };
}

/** Bindings with the same role merged and members de-duplicated, as IAM stores them. */
function mergeBindings(bindings: readonly Binding[]): Binding[] {
  const byRole = new Map<PredefinedRole, Set<string>>();
  for (const { role, members } of bindings) {
    const set = byRole.get(role) ?? new Set<string>();
    members.forEach((member) => set.add(member));
    byRole.set(role, set);
  }
  return [...byRole].map(([role, members]) => ({ role, members: [...members] }));
}

/** Validates a `Policy` message; `at` names it in errors (`policy`). */
export function readPolicy(value: JsonValue | undefined, at: string): PolicyFields {
  if (!isJsonObject(value)) throw invalidArgument(`${at} is required and must be an object.`);
  rejectUnknownFields(value, ['version', 'etag', 'bindings', 'auditConfigs'], at);
  const { version, etag, bindings, auditConfigs } = value;
  if (version !== undefined && version !== 0 && version !== 1 && version !== 3) {
    throw invalidArgument(`${at}.version must be 0, 1 or 3, got ${JSON.stringify(version)}.`);
  }
  if (etag !== undefined && typeof etag !== 'string') throw invalidArgument(`${at}.etag must be a string.`);
  const fields: PolicyFields = { etag };
  if (bindings !== undefined) {
    // The access-control guide: "You cannot have an empty bindings array in your policy".
    if (!Array.isArray(bindings) || bindings.length === 0) {
      throw invalidArgument(`${at}.bindings must be a non-empty list; to remove every binding, leave the field out.`);
    }
    fields.bindings = mergeBindings(bindings.map((binding, i) => readBinding(binding, `${at}.bindings[${i}]`)));
  }
  if (auditConfigs !== undefined) {
    if (!Array.isArray(auditConfigs) || !auditConfigs.every(isJsonObject)) {
      throw invalidArgument(`${at}.auditConfigs must be a list of objects.`);
    }
    fields.auditConfigs = auditConfigs;
  }
  return fields;
}

/** Validates a `SetIamPolicyRequest` body: `{policy, updateMask?}`. */
export function readSetIamPolicyRequest(body: JsonObject): SetIamPolicyRequest {
  rejectUnknownFields(body, ['policy', 'updateMask'], 'request');
  const policy = readPolicy(body['policy'], 'policy');
  const rawMask = body['updateMask'];
  if (rawMask === undefined) return { policy, mask: new Set(['bindings', 'etag']) };
  if (typeof rawMask !== 'string') throw invalidArgument('updateMask must be a string of comma-separated field paths.');
  const mask = new Set<MaskPath>();
  for (const path of rawMask.split(',').map((p) => p.trim()).filter((p) => p !== '')) {
    const known = MASK_PATHS[path];
    if (known === undefined) throw invalidArgument(`updateMask: unknown field path "${path}"; expected bindings, etag, auditConfigs or version.`);
    mask.add(known);
  }
  return { policy, mask };
}

/** The `Policy` JSON for a resource's stored policy (or its absence). */
export function renderPolicy(policy: StoredPolicy | undefined): JsonObject {
  if (policy === undefined) return { etag: EMPTY_POLICY_ETAG };
  const json: JsonObject = {};
  // Without conditional bindings Google answers version 1 whatever version was requested.
  if (policy.bindings.length > 0 || policy.auditConfigs.length > 0) json['version'] = 1;
  json['etag'] = policy.etag;
  if (policy.bindings.length > 0) json['bindings'] = policy.bindings.map((b) => ({ role: b.role, members: [...b.members] }));
  if (policy.auditConfigs.length > 0) json['auditConfigs'] = policy.auditConfigs;
  return json;
}

/** Validates a `TestIamPermissionsRequest` body and returns the permissions asked about, de-duplicated. */
export function readTestIamPermissionsRequest(body: JsonObject): string[] {
  rejectUnknownFields(body, ['permissions'], 'request');
  const permissions = body['permissions'] ?? [];
  if (!Array.isArray(permissions) || !permissions.every((p) => typeof p === 'string')) {
    throw invalidArgument('permissions must be a list of permission names.');
  }
  const wildcard = permissions.find((p) => p.includes('*'));
  if (wildcard !== undefined) {
    throw invalidArgument(`Permissions with wildcards (such as '*' or 'healthcare.*') are not allowed, got "${wildcard}".`);
  }
  return [...new Set(permissions)];
}
