// ListGroups (key 16), versions 0-5 — ListGroupsRequest.json / ListGroupsResponse.json.
// Every group the coordinator knows, including Empty ones that only hold committed offsets (protocol type "").
// v3 is flexible; v4 (KIP-518) filters by state and returns it; v5 (KIP-848) filters by group type and returns
// it: every group here is "classic". Filters match case-insensitively, as Kafka parses them; empty means all.
import { defineHandler } from '../server/registry.ts';

const GROUP_TYPE = 'classic';

const lowered = (values: readonly string[] | undefined): Set<string> => new Set((values ?? []).map((v) => v.toLowerCase()));

export const listGroupsHandler = defineHandler('ListGroups', {
  minVersion: 0,
  maxVersion: 5,
  handle(request, ctx) {
    const states = lowered(request.statesFilter);
    const types = lowered(request.typesFilter);
    if (types.size > 0 && !types.has(GROUP_TYPE)) return { throttleTimeMs: 0, errorCode: 0, groups: [] };
    const groups = ctx.broker.coordinator
      .listGroups()
      .filter((g) => states.size === 0 || states.has(g.state.toLowerCase()))
      .map((g) => ({ groupId: g.groupId, protocolType: g.protocolType, groupState: g.state, groupType: GROUP_TYPE }));
    return { throttleTimeMs: 0, errorCode: 0, groups };
  },
});
