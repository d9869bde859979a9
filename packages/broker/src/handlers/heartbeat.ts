// Heartbeat (key 12), versions 0-4 — HeartbeatRequest.json / HeartbeatResponse.json.
// REBALANCE_IN_PROGRESS is how a member learns it must rejoin; v3 adds group.instance.id; v4 is flexible.
import { defineHandler } from '../server/registry.ts';

export const heartbeatHandler = defineHandler('Heartbeat', {
  minVersion: 0,
  maxVersion: 4,
  handle(request, ctx) {
    const errorCode = ctx.broker.coordinator.heartbeat({
      groupId: request.groupId,
      generationId: request.generationId,
      memberId: request.memberId,
      groupInstanceId: request.groupInstanceId ?? null,
    });
    return { throttleTimeMs: 0, errorCode };
  },
});
