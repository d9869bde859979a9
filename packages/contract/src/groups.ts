import Type, { type Static } from 'typebox';
import { Offset, PartitionId, TimestampMs, TopicName } from './common.ts';

export const GroupState = Type.Enum([
  'Unknown',
  'PreparingRebalance',
  'CompletingRebalance',
  'Stable',
  'Dead',
  'Empty',
]);
export type GroupState = Static<typeof GroupState>;

export const GroupSummary = Type.Object({
  groupId: Type.String(),
  state: GroupState,
  protocolType: Type.String(),
  members: Type.Integer(),
  topics: Type.Array(Type.String()),
  totalLag: Type.Union([Type.Integer(), Type.Null()], { description: 'null when no offsets are committed' }),
});
export type GroupSummary = Static<typeof GroupSummary>;

export const ListGroupsResponse = Type.Object({ groups: Type.Array(GroupSummary) });
export type ListGroupsResponse = Static<typeof ListGroupsResponse>;

export const MemberAssignment = Type.Object({ topic: Type.String(), partitions: Type.Array(Type.Integer()) });

export const GroupMember = Type.Object({
  memberId: Type.String(),
  clientId: Type.String(),
  clientHost: Type.String(),
  assignments: Type.Array(MemberAssignment),
});
export type GroupMember = Static<typeof GroupMember>;

export const PartitionLag = Type.Object({
  topic: Type.String(),
  partition: Type.Integer(),
  committedOffset: Type.Union([Type.Integer(), Type.Null()], { description: 'null: nothing committed' }),
  logEndOffset: Type.Integer(),
  lag: Type.Integer({ minimum: 0, description: 'log end − committed, never negative; from the log start when nothing is committed' }),
  timeLagMs: Type.Union([Type.Integer(), Type.Null()], { description: 'age of the record at the committed offset; 0 when caught up' }),
  memberId: Type.Union([Type.String(), Type.Null()]),
  metadata: Type.Union([Type.String(), Type.Null()]),
});
export type PartitionLag = Static<typeof PartitionLag>;

export const LagSample = Type.Object({ timestamp: TimestampMs, totalLag: Type.Integer(), maxLag: Type.Integer() });
export type LagSample = Static<typeof LagSample>;

export const GroupDetail = Type.Object({
  groupId: Type.String(),
  state: GroupState,
  protocolType: Type.String(),
  protocol: Type.String(),
  members: Type.Array(GroupMember),
  offsets: Type.Array(PartitionLag),
  totalLag: Type.Integer(),
  maxLag: Type.Integer(),
  maxTimeLagMs: Type.Union([Type.Integer(), Type.Null()]),
  lagHistory: Type.Array(LagSample, { description: 'sampled on an interval, oldest first, bounded' }),
});
export type GroupDetail = Static<typeof GroupDetail>;

export const ResetStrategy = Type.Enum(['earliest', 'latest', 'timestamp', 'offset', 'shift']);
export type ResetStrategy = Static<typeof ResetStrategy>;

export const ResetOffsetsBody = Type.Object(
  {
    topic: TopicName,
    partitions: Type.Optional(Type.Array(PartitionId, { minItems: 1, maxItems: 10_000, description: 'default: every partition' })),
    strategy: ResetStrategy,
    timestamp: Type.Optional(TimestampMs),
    offset: Type.Optional(Offset),
    shift: Type.Optional(Type.Integer({ description: 'added to the committed offset; negative moves back' })),
    dryRun: Type.Optional(Type.Boolean({ default: false })),
  },
  { additionalProperties: false },
);
export type ResetOffsetsBody = Static<typeof ResetOffsetsBody>;

export const ResetOffsetsResponse = Type.Object({
  groupId: Type.String(),
  dryRun: Type.Boolean(),
  offsets: Type.Array(
    Type.Object({
      topic: Type.String(),
      partition: Type.Integer(),
      previousOffset: Type.Union([Type.Integer(), Type.Null()]),
      offset: Type.Integer(),
    }),
  ),
});
export type ResetOffsetsResponse = Static<typeof ResetOffsetsResponse>;
