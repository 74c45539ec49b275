/** How a route declares what a caller needs when IAM is enforced. */

import type { EmulatorRequest } from '../request.js';
import type { Scope } from './resources.js';
import type { Permission } from './roles.js';

/** The permissions a route's requests need, and the resource they are checked on. */
export interface RouteAccess {
  /** The resource the permissions are checked on, named from the route's path parameters. */
  readonly on: Scope;
  /**
   * Every permission the request needs there (all of them). None: any authenticated caller, as
   * for `testIamPermissions`. May read the request, e.g. a FHIR path or bundle.
   */
  permissions(ctx: EmulatorRequest): readonly Permission[] | Promise<readonly Permission[]>;
}

/** A route needing these fixed permissions on the resource at `on`. */
export function requires(on: Scope, ...permissions: Permission[]): RouteAccess {
  return { on, permissions: () => permissions };
}
