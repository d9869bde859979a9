// ApiVersions (key 18), versions 0-3 — ApiVersionsRequest.json / ApiVersionsResponse.json.
// The list is the handler registry itself, so it cannot advertise what is not implemented.
// v3 is flexible; its response still uses response header v0 (handled by the connection), and
// requests above v3 are answered in the v0 layout with UNSUPPORTED_VERSION (also the connection's job).
import { defineHandler } from '../server/registry.ts';

export const apiVersionsHandler = defineHandler('ApiVersions', {
  minVersion: 0,
  maxVersion: 3,
  handle(_request, ctx) {
    return { errorCode: 0, apiKeys: [...ctx.broker.supportedApis()], throttleTimeMs: 0 };
  },
});
