/**
 * The HL7v2 part of the emulator (reference §1.3, §2, §8): `datasets.hl7V2Stores` on the shared
 * store machinery, the messages REST surface, and the data plane that keeps each store's messages
 * (in memory, or in a journal under the store's data directory when the emulator persists).
 */

import type { EmulatorModule } from '../module.js';
import { storeRoutes } from '../stores.js';
import { messageRoutes } from './message-routes.js';
import { Hl7V2MessageStore } from './message-store.js';
import { HL7V2_STORE_SPEC } from './store-spec.js';

/** Registered in `BUILT_IN_MODULES`. */
export const hl7v2Module: EmulatorModule = {
  name: 'hl7v2',
  routes: (services) => [...storeRoutes(services.state, HL7V2_STORE_SPEC), ...messageRoutes(services)],
  hl7v2DataPlane: (store) => Hl7V2MessageStore.open(store),
};
