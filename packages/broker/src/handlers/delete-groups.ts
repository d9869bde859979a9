// DeleteGroups (key 42), versions 0-2 — DeleteGroupsRequest.json / DeleteGroupsResponse.json.
// Only Empty groups can be deleted (NON_EMPTY_GROUP otherwise); unknown ones get GROUP_ID_NOT_FOUND.
// Deletion writes tombstones for the group and its offsets to __consumer_offsets. v2 is flexible.
import { defineHandler } from '../server/registry.ts';

export const deleteGroupsHandler = defineHandler('DeleteGroups', {
  minVersion: 0,
  maxVersion: 2,
  handle(request, ctx) {
    const results = ctx.broker.coordinator.deleteGroups([...new Set(request.groupsNames)]);
    for (const r of results) if (r.errorCode === 0) ctx.log.info({ groupId: r.groupId }, 'deleted group');
    return { throttleTimeMs: 0, results };
  },
});
