// LeaveGroup (key 13), versions 0-5 — LeaveGroupRequest.json / LeaveGroupResponse.json.
// v0-2 carry one member id and answer with one error code (the member's, as Kafka does);
// v3+ carry a batch of members, each by member id or, for administrative removal, by group.instance.id;
// v4 is flexible; v5 gives each member a reason (logged).
import { defineHandler } from '../server/registry.ts';

export const leaveGroupHandler = defineHandler('LeaveGroup', {
  minVersion: 0,
  maxVersion: 5,
  handle(request, ctx) {
    const batch = ctx.apiVersion >= 3;
    const members = batch
      ? (request.members ?? []).map((m) => ({ memberId: m.memberId, groupInstanceId: m.groupInstanceId }))
      : [{ memberId: request.memberId ?? '', groupInstanceId: null }];
    for (const m of request.members ?? []) {
      if (m.reason) ctx.log.debug({ groupId: request.groupId, memberId: m.memberId, groupInstanceId: m.groupInstanceId, reason: m.reason }, 'leave group');
    }
    const r = ctx.broker.coordinator.leave({ groupId: request.groupId, members });
    if (batch) return { throttleTimeMs: 0, errorCode: r.errorCode, members: [...r.members] };
    return { throttleTimeMs: 0, errorCode: r.errorCode !== 0 ? r.errorCode : (r.members[0]?.errorCode ?? 0) };
  },
});
