import { createEmbeddedStore } from '../../src/store/embedded/embedded-store.ts';
import { CALLS, NOW, userBoundKeySuite, userBoundKeys } from '../support/user-bound-cases.ts';
import { testGateway } from '../support/gateway.ts';

/**
 * Keys as access control (DESIGN 2.2): a key bound to u1 sees only u1's calls on every field,
 * entities included; `allUsers` and a foreign `userId` are FORBIDDEN naming the argument unless
 * the key has `all_users`; `revoked_at` at or before now is 401, a future one is not yet.
 */
const gateway = testGateway({ calls: CALLS, now: NOW, store: createEmbeddedStore({ calls: CALLS, apiKeys: userBoundKeys() }) });

userBoundKeySuite(() => gateway);
