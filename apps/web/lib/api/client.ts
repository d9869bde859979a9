import { createBrookClient } from '@brook/contract/client';

/**
 * The browser's client: same-origin `/api`, proxied by the console to the gateway, so the
 * build never needs to know where the gateway runs.
 */
export const api = createBrookClient({ baseUrl: '/api' });
