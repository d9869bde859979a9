// ListGroups (key 16), versions 0-2 — ListGroupsRequest.json / ListGroupsResponse.json.
// Every group the coordinator knows, including Empty ones that only hold committed offsets (protocol type "").
import { defineHandler } from '../server/registry.ts';

export const listGroupsHandler = defineHandler('ListGroups', {
  minVersion: 0,
  maxVersion: 2,
  handle(_request, ctx) {
    const groups = ctx.broker.coordinator.listGroups().map((g) => ({ groupId: g.groupId, protocolType: g.protocolType }));
    return { throttleTimeMs: 0, errorCode: 0, groups };
  },
});
