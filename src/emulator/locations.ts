/** `projects.locations` get and list. The emulator has no location registry: any id is a location. */

import { requires } from './iam/access.js';
import type { JsonObject } from './json.js';
import type { EmulatorRoute } from './module.js';
import { locationName } from './names.js';
import { listPage } from './paging.js';
import { jsonReply } from './reply.js';
import type { EmulatorState } from './state.js';

/** Listed even in an empty project, so clients always see at least one location. */
export const DEFAULT_LOCATION = 'us-central1';

function renderLocation(project: string, location: string): JsonObject {
  return { name: locationName(project, location), locationId: location };
}

/** Routes of `projects.locations`. */
export function locationRoutes(state: EmulatorState): EmulatorRoute[] {
  return [
    {
      method: 'GET',
      path: '/v1/projects/{project}/locations',
      // `filter` is accepted and ignored: Google's filter keys are location labels, which the
      // emulator's locations do not have.
      query: ['filter', 'pageSize', 'pageToken'],
      access: requires('projects', 'healthcare.locations.list'),
      handle: (ctx) => {
        const project = ctx.params['project'] ?? '';
        const ids = new Set([DEFAULT_LOCATION, ...state.locationsWithDatasets(project)]);
        return jsonReply(
          listPage(ctx.query, {
            items: ids,
            idOf: (id) => id,
            collection: `projects/${project}/locations`,
            field: 'locations',
            render: (id) => renderLocation(project, id),
          }),
        );
      },
    },
    {
      method: 'GET',
      path: '/v1/projects/{project}/locations/{location}',
      query: [],
      access: requires('locations', 'healthcare.locations.get'),
      handle: (ctx) => jsonReply(renderLocation(ctx.params['project'] ?? '', ctx.params['location'] ?? '')),
    },
  ];
}
