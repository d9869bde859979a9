// SyncGroup (key 14), versions 0-5 — SyncGroupRequest.json / SyncGroupResponse.json.
// Followers wait (parked in the coordinator) until the leader's assignment is stored; v3 adds group.instance.id;
// v4 is flexible; v5 sends the protocol type and name, answered INCONSISTENT_GROUP_PROTOCOL when they are not
// the group's, and returns them.
import { defineHandler } from '../server/registry.ts';

export const syncGroupHandler = defineHandler('SyncGroup', {
  minVersion: 0,
  maxVersion: 5,
  async handle(request, ctx) {
    const assignments = new Map<string, Buffer>();
    for (const a of request.assignments) assignments.set(a.memberId, a.assignment);
    const r = await ctx.broker.coordinator.sync({
      groupId: request.groupId,
      generationId: request.generationId,
      memberId: request.memberId,
      groupInstanceId: request.groupInstanceId ?? null,
      protocolType: request.protocolType ?? null,
      protocolName: request.protocolName ?? null,
      assignments,
    });
    return { throttleTimeMs: 0, errorCode: r.errorCode, protocolType: r.protocolType, protocolName: r.protocolName, assignment: r.assignment };
  },
});
