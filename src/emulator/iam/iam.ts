/**
 * The emulator's Cloud IAM: who a request comes from (bearer token → principal) and whether that
 * principal holds a permission on a resource, through the admins list and the policies of the
 * resource's dataset and store. Without principals nothing is enforced.
 */

import type { IncomingHttpHeaders } from 'node:http';
import type { EmulatorState } from '../state.js';
import type { AuthenticationFailure } from './errors.js';
import { PolicyStore } from './policies.js';
import { checkPrincipals, type Principals } from './principals.js';
import { policyHolderExists, policyHolders } from './resources.js';
import { permissionsOf } from './roles.js';

/** The outcome of authenticating a request while IAM is enforced. */
export type Authentication = { principal: string } | { failure: AuthenticationFailure };

/** True when a policy member names `principal`: itself, or the domain of its email. */
function memberMatches(member: string, principal: string): boolean {
  // Prefixes are validated case-sensitively on both sides; emails compare case-insensitively.
  const m = member.toLowerCase();
  const p = principal.toLowerCase();
  return m === p || (m.startsWith('domain:') && p.endsWith(`@${m.slice('domain:'.length)}`));
}

/** Authentication and authorization for one emulator. */
export class Iam {
  private constructor(
    private readonly state: EmulatorState,
    /** Policies of datasets and stores. */
    readonly policies: PolicyStore,
    private readonly tokens: ReadonlyMap<string, string> | undefined,
    private readonly admins: ReadonlySet<string>,
  ) {}

  /**
   * Loads the policies persisted under `dataDir` (dropping those of resources that are gone) and
   * validates `principals`; without principals every request is allowed.
   */
  static async open(state: EmulatorState, dataDir: string | undefined, principals: Principals | undefined): Promise<Iam> {
    const checked = principals === undefined ? undefined : checkPrincipals(principals);
    const iam = new Iam(
      state,
      await PolicyStore.open(dataDir),
      checked && new Map(Object.entries(checked.tokens)),
      new Set(checked?.admins.map((admin) => admin.toLowerCase())),
    );
    await iam.forgetDeleted();
    return iam;
  }

  /** True when requests must carry a known token and hold the permissions their method needs. */
  get enforced(): boolean {
    return this.tokens !== undefined;
  }

  /** The caller of a request; `undefined` when IAM is not enforced. */
  authenticate(headers: IncomingHttpHeaders): Authentication | undefined {
    if (this.tokens === undefined) return undefined;
    const header = headers.authorization;
    if (header === undefined) return { failure: 'missing' };
    const token = /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1];
    const principal = token === undefined ? undefined : this.tokens.get(token);
    return principal === undefined ? { failure: 'invalid' } : { principal };
  }

  /** The authenticated principal of a request, if IAM is enforced and the token is known. */
  callerOf(headers: IncomingHttpHeaders): string | undefined {
    const authentication = this.authenticate(headers);
    return authentication !== undefined && 'principal' in authentication ? authentication.principal : undefined;
  }

  /** True when `principal` is an admin (holds every permission everywhere). */
  isAdmin(principal: string | undefined): boolean {
    return principal !== undefined && this.admins.has(principal.toLowerCase());
  }

  /**
   * True when `principal` holds `permission` on `resource`: always when IAM is not enforced;
   * otherwise as an admin, or through a binding on the resource's dataset or store.
   */
  holds(principal: string | undefined, permission: string, resource: string): boolean {
    if (!this.enforced) return true;
    if (principal === undefined) return false;
    if (this.isAdmin(principal)) return true;
    return policyHolders(resource).some((holder) =>
      (this.policies.get(holder)?.bindings ?? []).some(
        (binding) => binding.members.some((member) => memberMatches(member, principal)) && permissionsOf(binding.role).has(permission),
      ),
    );
  }

  /** Drops the policies of datasets and stores that no longer exist, so a re-created one starts empty. */
  forgetDeleted(): Promise<void> {
    return this.policies.forgetGone((resource) => policyHolderExists(this.state, resource));
  }

  /** Waits for pending policy writes. */
  close(): Promise<void> {
    return this.policies.flush();
  }
}
