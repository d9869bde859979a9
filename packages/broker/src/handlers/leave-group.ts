// LeaveGroup (key 13), versions 0-3 — LeaveGroupRequest.json / LeaveGroupResponse.json.
// v0-2 carry one member id and answer with one error code (the member's, as Kafka does);
// v3 carries a batch of members, each by member id or, for administrative removal, by group.instance.id.
import { defineHandler } from '../server/registry.ts';

export const leaveGroupHandler = defineHandler('LeaveGroup', {
  minVersion: 0,
  maxVersion: 3,
  handle(request, ctx) {
    const batch = ctx.apiVersion >= 3;
    const members = batch
      ? (request.members ?? []).map((m) => ({ memberId: m.memberId, groupInstanceId: m.groupInstanceId }))
      : [{ memberId: request.memberId ?? '', groupInstanceId: null }];
    const r = ctx.broker.coordinator.leave({ groupId: request.groupId, members });
    if (batch) return { throttleTimeMs: 0, errorCode: r.errorCode, members: [...r.members] };
    return { throttleTimeMs: 0, errorCode: r.errorCode !== 0 ? r.errorCode : (r.members[0]?.errorCode ?? 0) };
  },
});
