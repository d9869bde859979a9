// SyncGroup (key 14), versions 0-3 — SyncGroupRequest.json / SyncGroupResponse.json.
// Followers wait (parked in the coordinator) until the leader's assignment is stored; v3 adds group.instance.id.
import { defineHandler } from '../server/registry.ts';

export const syncGroupHandler = defineHandler('SyncGroup', {
  minVersion: 0,
  maxVersion: 3,
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
    return { throttleTimeMs: 0, errorCode: r.errorCode, assignment: r.assignment };
  },
});
