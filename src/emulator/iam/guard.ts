/**
 * The one place IAM is enforced: every route is wrapped so that its request is authenticated and
 * its declared permissions are checked before the handler runs.
 */

import type { EmulatorRoute } from '../module.js';
import type { Route } from '../router.js';
import { callerLacksPermission, permissionDenied, unauthenticatedReply } from './errors.js';
import type { Iam } from './iam.js';
import { resourceName } from './resources.js';

/**
 * Wraps a route with authentication and its permission check. A route that declares no access
 * is open to admins only, so a module that forgets to declare fails closed.
 */
export function guardRoute(route: EmulatorRoute, iam: Iam): Route {
  return {
    ...route,
    handle: async (ctx) => {
      const authentication = iam.authenticate(ctx.headers);
      if (authentication !== undefined) {
        if ('failure' in authentication) return unauthenticatedReply(authentication.failure);
        const { principal } = authentication;
        const access = route.access;
        if (access === undefined) {
          if (!iam.isAdmin(principal)) throw callerLacksPermission();
        } else {
          const resource = resourceName(access.on, ctx.params);
          const missing = (await access.permissions(ctx)).find((p) => !iam.holds(principal, p, resource));
          if (missing !== undefined) throw permissionDenied(missing, resource);
        }
      }
      const reply = await route.handle(ctx);
      // Only deletions remove datasets and stores; their policies must not outlive them.
      if (route.method === 'DELETE' && reply.status < 300) await iam.forgetDeleted();
      return reply;
    },
  };
}
