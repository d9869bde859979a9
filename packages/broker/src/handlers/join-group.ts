// JoinGroup (key 11), versions 0-9 — JoinGroupRequest.json / JoinGroupResponse.json.
// v0 has no rebalance timeout: the session timeout stands in (as in Kafka). From v4 a member without an id
// is answered MEMBER_ID_REQUIRED with one; v5 adds group.instance.id (static membership); v6 is flexible;
// v7 returns the protocol type and lets the protocol name be null; v8 carries the client's reason (logged);
// v9 (KIP-814) can tell a restarted static leader to skip the assignment.
// The response is parked in the coordinator until the rebalance completes.
import { defineHandler } from '../server/registry.ts';
import { clientHost } from './group-util.ts';

export const joinGroupHandler = defineHandler('JoinGroup', {
  minVersion: 0,
  maxVersion: 9,
  async handle(request, ctx) {
    const rebalanceTimeoutMs = ctx.apiVersion === 0 || request.rebalanceTimeoutMs === undefined || request.rebalanceTimeoutMs < 0 ? request.sessionTimeoutMs : request.rebalanceTimeoutMs;
    if (request.reason) ctx.log.debug({ groupId: request.groupId, memberId: request.memberId, reason: request.reason }, 'join group');
    const r = await ctx.broker.coordinator.join({
      groupId: request.groupId,
      memberId: request.memberId,
      groupInstanceId: request.groupInstanceId ?? null,
      sessionTimeoutMs: request.sessionTimeoutMs,
      rebalanceTimeoutMs,
      protocolType: request.protocolType,
      protocols: request.protocols,
      clientId: ctx.clientId ?? '',
      clientHost: clientHost(ctx),
      requireKnownMemberId: ctx.apiVersion >= 4,
      supportSkipAssignment: ctx.apiVersion >= 9,
    });
    if (r.errorCode === 0) ctx.log.debug({ groupId: request.groupId, memberId: r.memberId, generationId: r.generationId }, 'joined group');
    return {
      throttleTimeMs: 0,
      errorCode: r.errorCode,
      generationId: r.generationId,
      protocolType: r.protocolType,
      // Before v7 the protocol name is not nullable: Kafka sends "" when there is none.
      protocolName: ctx.apiVersion >= 7 ? r.protocolName : (r.protocolName ?? ''),
      leader: r.leader,
      skipAssignment: r.skipAssignment ?? false,
      memberId: r.memberId,
      members: r.members.map((m) => ({ memberId: m.memberId, groupInstanceId: m.groupInstanceId, metadata: m.metadata })),
    };
  },
});
