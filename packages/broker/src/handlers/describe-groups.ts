// DescribeGroups (key 15), versions 0-5 — DescribeGroupsRequest.json / DescribeGroupsResponse.json.
// An unknown group is described as Dead with no error, as Kafka does before v6. Member metadata and
// assignments are only filled in while the group is Stable. v3 adds authorized operations: without an
// authorizer every group operation Kafka defines (READ, DELETE, DESCRIBE) is allowed. v5 is flexible.
import { defineHandler } from '../server/registry.ts';

// Bit positions are Kafka's AclOperation codes: READ = 3, DELETE = 6, DESCRIBE = 8.
const GROUP_OPERATIONS = (1 << 3) | (1 << 6) | (1 << 8);
const OPERATIONS_NOT_REQUESTED = -2147483648;

export const describeGroupsHandler = defineHandler('DescribeGroups', {
  minVersion: 0,
  maxVersion: 5,
  handle(request, ctx) {
    const groups = request.groups.map((groupId) => {
      const d = ctx.broker.coordinator.describeGroup(groupId);
      return {
        errorCode: d.errorCode,
        groupId,
        groupState: d.state,
        protocolType: d.protocolType,
        protocolData: d.protocol,
        members: d.members.map((m) => ({
          memberId: m.memberId,
          groupInstanceId: m.groupInstanceId,
          clientId: m.clientId,
          clientHost: m.clientHost,
          memberMetadata: m.metadata,
          memberAssignment: m.assignment,
        })),
        authorizedOperations: request.includeAuthorizedOperations ? GROUP_OPERATIONS : OPERATIONS_NOT_REQUESTED,
      };
    });
    return { throttleTimeMs: 0, groups };
  },
});
