// The coordinator's inputs and outputs. The state machine takes these requests (already decoded and
// version-normalised by the handlers) and answers with replies and effects; it never does I/O itself.
import type { ErrorName } from '../errors.ts';
import type { GroupStateName } from './group-state.ts';

export interface CoordinatorConfig {
  /** group.min.session.timeout.ms */
  readonly minSessionTimeoutMs: number;
  /** group.max.session.timeout.ms */
  readonly maxSessionTimeoutMs: number;
  /** group.initial.rebalance.delay.ms: how long a rebalance out of Empty waits for more members. */
  readonly initialRebalanceDelayMs: number;
  /** group.max.size */
  readonly maxGroupSize: number;
  /** offsets.retention.minutes, in ms */
  readonly offsetsRetentionMs: number;
  /** offsets.retention.check.interval.ms */
  readonly offsetsRetentionCheckIntervalMs: number;
  /** offset.metadata.max.bytes */
  readonly maxMetadataBytes: number;
  /** Kafka's fixed timeout for a new member's first JoinGroup (it cannot heartbeat yet). */
  readonly newMemberJoinTimeoutMs: number;
}

export const DEFAULT_COORDINATOR_CONFIG: CoordinatorConfig = Object.freeze({
  minSessionTimeoutMs: 6_000,
  maxSessionTimeoutMs: 1_800_000,
  initialRebalanceDelayMs: 3_000,
  // Kafka leaves this unbounded; a bound keeps one group from growing without limit.
  maxGroupSize: 10_000,
  offsetsRetentionMs: 7 * 24 * 60 * 60 * 1000,
  offsetsRetentionCheckIntervalMs: 600_000,
  maxMetadataBytes: 4096,
  newMemberJoinTimeoutMs: 300_000,
});

export interface Protocol {
  readonly name: string;
  readonly metadata: Buffer;
}

export interface JoinRequest {
  readonly groupId: string;
  readonly memberId: string;
  readonly groupInstanceId: string | null;
  readonly sessionTimeoutMs: number;
  /** JoinGroup v0 has none: the handler passes the session timeout. */
  readonly rebalanceTimeoutMs: number;
  readonly protocolType: string;
  readonly protocols: readonly Protocol[];
  readonly clientId: string;
  readonly clientHost: string;
  /** true from JoinGroup v4: a member without an id is first told MEMBER_ID_REQUIRED with one. */
  readonly requireKnownMemberId: boolean;
  /** true from JoinGroup v9 (KIP-814): a rejoining static leader can be told to skip the assignment. */
  readonly supportSkipAssignment?: boolean;
}

export interface JoinResponse {
  readonly errorCode: number;
  readonly generationId: number;
  readonly protocolType: string | null;
  readonly protocolName: string | null;
  readonly leader: string;
  /** JoinGroup v9: the leader gets the members (to watch their subscriptions) but keeps the current assignment. */
  readonly skipAssignment?: boolean;
  readonly memberId: string;
  readonly members: readonly { memberId: string; groupInstanceId: string | null; metadata: Buffer }[];
}

export interface SyncRequest {
  readonly groupId: string;
  readonly generationId: number;
  readonly memberId: string;
  readonly groupInstanceId: string | null;
  readonly protocolType: string | null;
  readonly protocolName: string | null;
  readonly assignments: ReadonlyMap<string, Buffer>;
}

export interface SyncResponse {
  readonly errorCode: number;
  readonly protocolType: string | null;
  readonly protocolName: string | null;
  readonly assignment: Buffer;
}

export interface HeartbeatRequest {
  readonly groupId: string;
  readonly generationId: number;
  readonly memberId: string;
  readonly groupInstanceId: string | null;
}

export interface LeaveRequest {
  readonly groupId: string;
  readonly members: readonly { memberId: string; groupInstanceId: string | null }[];
}

export interface LeaveResponse {
  readonly errorCode: number;
  readonly members: readonly { memberId: string; groupInstanceId: string | null; errorCode: number }[];
}

/** Topic and partition as one key: `${topic}\u0000${partition}` (NUL cannot appear in topic names). */
export type PartitionKey = string;
export const partitionKey = (topic: string, partition: number): PartitionKey => `${topic}\u0000${partition}`;
export function splitPartitionKey(key: PartitionKey): { topic: string; partition: number } {
  const i = key.lastIndexOf('\u0000');
  return { topic: key.slice(0, i), partition: Number(key.slice(i + 1)) };
}

export interface CommitPartition {
  readonly topic: string;
  readonly partition: number;
  readonly offset: bigint;
  readonly leaderEpoch: number;
  readonly metadata: string | null;
  /** OffsetCommit v1 carries one per partition; -1 means now. */
  readonly commitTimestamp: bigint;
}

export interface CommitRequest {
  readonly groupId: string;
  readonly generationId: number;
  readonly memberId: string;
  readonly groupInstanceId: string | null;
  /** OffsetCommit v2-4 retention_time_ms; -1 uses the broker's offsets.retention. */
  readonly retentionTimeMs: bigint;
  readonly partitions: readonly CommitPartition[];
}

export interface CommitPartitionResult {
  readonly topic: string;
  readonly partition: number;
  readonly errorCode: number;
}

export interface StoredOffset {
  readonly offset: bigint;
  readonly leaderEpoch: number;
  readonly metadata: string;
  readonly commitTimestamp: bigint;
  /** -1n unless the commit asked for an explicit retention (OffsetCommit v2-4). */
  readonly expireTimestamp: bigint;
}

export interface FetchedOffset {
  readonly topic: string;
  readonly partition: number;
  readonly offset: bigint;
  readonly leaderEpoch: number;
  readonly metadata: string;
  readonly errorCode: number;
}

export interface MemberDescription {
  readonly memberId: string;
  readonly groupInstanceId: string | null;
  readonly clientId: string;
  readonly clientHost: string;
  readonly metadata: Buffer;
  readonly assignment: Buffer;
}

export interface GroupDescription {
  readonly groupId: string;
  readonly errorCode: number;
  readonly state: GroupStateName;
  readonly protocolType: string;
  readonly protocol: string;
  readonly members: readonly MemberDescription[];
}

export interface MemberRecord {
  readonly memberId: string;
  readonly groupInstanceId: string | null;
  readonly clientId: string;
  readonly clientHost: string;
  readonly rebalanceTimeoutMs: number;
  readonly sessionTimeoutMs: number;
  readonly subscription: Buffer;
  readonly assignment: Buffer;
}

export interface GroupRecordValue {
  readonly protocolType: string;
  readonly generation: number;
  readonly protocol: string | null;
  readonly leader: string | null;
  readonly currentStateTimestamp: bigint;
  readonly members: readonly MemberRecord[];
}

/** What the coordinator persists: Kafka's __consumer_offsets records; a null value is a tombstone. */
export type CoordinatorRecord =
  | { readonly type: 'offset'; readonly groupId: string; readonly topic: string; readonly partition: number; readonly value: StoredOffset | null }
  | { readonly type: 'group'; readonly groupId: string; readonly value: GroupRecordValue | null };

export type Effect =
  | { readonly kind: 'join-reply'; readonly ticket: number; readonly response: JoinResponse }
  | { readonly kind: 'sync-reply'; readonly ticket: number; readonly response: SyncResponse }
  | { readonly kind: 'commit-reply'; readonly ticket: number; readonly results: readonly CommitPartitionResult[] }
  /** Append these records to the group's partition; report back with persisted(id, error). */
  | { readonly kind: 'persist'; readonly id: number; readonly groupId: string; readonly records: readonly CoordinatorRecord[]; readonly durable: boolean }
  /** Call tick() at this time (ms, on the injected clock); replaces any earlier schedule. */
  | { readonly kind: 'schedule'; readonly at: number };

export type StoreError = ErrorName | null;
