// The whole group coordinator state machine: membership (membership.ts) plus committed offsets, group
// listing/description/deletion, offset retention and the replay of persisted records.
// Follows Kafka's GroupCoordinator (handleCommitOffsets, handleFetchOffsets, handleDeleteGroups,
// handleDeleteOffsets) and GroupMetadata.removeExpiredOffsets.
import { ErrorCode, type ErrorName } from '../errors.ts';
import { ClassicGroup, type CommittedOffset } from './group.ts';
import { GroupState, type GroupStateName } from './group-state.ts';
import { MembershipMachine, storeWriteError } from './membership.ts';
import {
  DEFAULT_COORDINATOR_CONFIG,
  partitionKey,
  splitPartitionKey,
  type CommitPartitionResult,
  type CommitRequest,
  type CoordinatorConfig,
  type CoordinatorRecord,
  type Effect,
  type FetchedOffset,
  type GroupDescription,
  type GroupRecordValue,
  type StoredOffset,
} from './types.ts';

/** A failed offset write, as the committer sees it. */
export const commitStoreError = (error: ErrorName): ErrorName => storeWriteError(error, 'INVALID_COMMIT_OFFSET_SIZE');

export interface GroupOverview {
  readonly groupId: string;
  readonly protocolType: string;
  readonly state: GroupStateName;
}

export class GroupCoordinatorMachine extends MembershipMachine {
  private commitSeq = 0;

  constructor(config: Partial<CoordinatorConfig> = {}, now: () => number = Date.now, newId?: () => string) {
    super({ ...DEFAULT_COORDINATOR_CONFIG, ...config }, now, newId);
  }

  commit(ticket: number, req: CommitRequest): Effect[] {
    const replyAll = (error: ErrorName): Effect[] => {
      const results = req.partitions.map((p) => ({ topic: p.topic, partition: p.partition, errorCode: ErrorCode[error] }));
      this.emit({ kind: 'commit-reply', ticket, results });
      return this.finish();
    };
    let g = this.groups.get(req.groupId);
    if (!g) {
      // A group that does not exist only accepts commits from clients that manage partitions themselves.
      if (req.generationId >= 0) return replyAll('ILLEGAL_GENERATION');
      g = new ClassicGroup(req.groupId, this.now());
      this.groups.set(req.groupId, g);
    }
    const error = this.validateCommit(g, req);
    if (error) return replyAll(error);
    if (g.is(GroupState.CompletingRebalance)) return replyAll('REBALANCE_IN_PROGRESS');
    const member = g.members.get(req.memberId);
    if (member && !g.is(GroupState.Empty)) this.scheduleHeartbeat(member);
    this.touch(g);
    this.storeOffsets(g, ticket, req);
    return this.finish();
  }

  /** Kafka's validateOffsetCommit. */
  private validateCommit(g: ClassicGroup, req: CommitRequest): ErrorName | undefined {
    if (g.is(GroupState.Dead)) return 'COORDINATOR_NOT_AVAILABLE';
    if (req.generationId >= 0 || req.memberId !== '' || req.groupInstanceId !== null) {
      if (g.isStaticMemberFenced(req.memberId, req.groupInstanceId)) return 'FENCED_INSTANCE_ID';
      if (!g.members.has(req.memberId)) return 'UNKNOWN_MEMBER_ID';
      if (req.generationId !== g.generationId) return 'ILLEGAL_GENERATION';
      return undefined;
    }
    // A non-member commit (generation -1, no member id) is only accepted while nobody is a member.
    return g.is(GroupState.Empty) ? undefined : 'UNKNOWN_MEMBER_ID';
  }

  private storeOffsets(g: ClassicGroup, ticket: number, req: CommitRequest): void {
    const now = BigInt(this.now());
    const results: CommitPartitionResult[] = [];
    const accepted: { key: string; value: StoredOffset }[] = [];
    for (const p of req.partitions) {
      const metadata = p.metadata ?? '';
      if (Buffer.byteLength(metadata) > this.config.maxMetadataBytes) {
        results.push({ topic: p.topic, partition: p.partition, errorCode: ErrorCode.OFFSET_METADATA_TOO_LARGE });
        continue;
      }
      const commitTimestamp = p.commitTimestamp === -1n ? now : p.commitTimestamp;
      const expireTimestamp = req.retentionTimeMs === -1n ? -1n : commitTimestamp + req.retentionTimeMs;
      accepted.push({ key: partitionKey(p.topic, p.partition), value: { offset: p.offset, leaderEpoch: p.leaderEpoch, metadata, commitTimestamp, expireTimestamp } });
    }
    if (accepted.length === 0) {
      this.emit({ kind: 'commit-reply', ticket, results });
      return;
    }
    const seq = ++this.commitSeq;
    const records: CoordinatorRecord[] = accepted.map(({ key, value }) => ({ type: 'offset', groupId: g.groupId, ...splitPartitionKey(key), value }));
    this.persist(g.groupId, records, true, (error) => {
      // Applied only once durable, and never over a later commit that finished first.
      if (!error && this.groups.get(g.groupId) === g) {
        for (const { key, value } of accepted) {
          const existing = g.offsets.get(key);
          if (!existing || existing.seq < seq) g.offsets.set(key, { ...value, seq });
        }
      }
      const errorCode = error ? ErrorCode[commitStoreError(error)] : 0;
      for (const { key } of accepted) results.push({ ...splitPartitionKey(key), errorCode });
      this.emit({ kind: 'commit-reply', ticket, results });
    });
  }

  /** OffsetFetch: partitions null means every committed partition; -1 for a partition without a commit. */
  fetchOffsets(groupId: string, partitions: readonly { topic: string; partition: number }[] | null): FetchedOffset[] {
    const g = this.groups.get(groupId);
    const none = (topic: string, partition: number): FetchedOffset => ({ topic, partition, offset: -1n, leaderEpoch: -1, metadata: '', errorCode: 0 });
    const found = (key: string, o: CommittedOffset): FetchedOffset => ({
      ...splitPartitionKey(key),
      offset: o.offset,
      leaderEpoch: o.leaderEpoch,
      metadata: o.metadata,
      errorCode: 0,
    });
    if (partitions === null) return g ? [...g.offsets].map(([key, o]) => found(key, o)) : [];
    return partitions.map(({ topic, partition }) => {
      const key = partitionKey(topic, partition);
      const o = g?.offsets.get(key);
      return o ? found(key, o) : none(topic, partition);
    });
  }

  listGroups(): GroupOverview[] {
    return [...this.groups.values()].map((g) => ({ groupId: g.groupId, protocolType: g.protocolType ?? '', state: g.state }));
  }

  describeGroup(groupId: string): GroupDescription {
    const g = this.groups.get(groupId);
    if (!g) return { groupId, errorCode: 0, state: GroupState.Dead, protocolType: '', protocol: '', members: [] };
    return {
      groupId,
      errorCode: 0,
      state: g.state,
      protocolType: g.protocolType ?? '',
      protocol: g.is(GroupState.Stable) ? (g.protocolName ?? '') : '',
      members: g.describeMembers(),
    };
  }

  deleteGroups(groupIds: readonly string[]): { results: { groupId: string; errorCode: number }[]; effects: Effect[] } {
    const results = groupIds.map((groupId) => {
      const g = this.groups.get(groupId);
      if (!g || g.is(GroupState.Dead)) return { groupId, errorCode: ErrorCode.GROUP_ID_NOT_FOUND };
      if (!g.is(GroupState.Empty)) return { groupId, errorCode: ErrorCode.NON_EMPTY_GROUP };
      const tombstones = this.offsetTombstones(g, [...g.offsets.keys()]);
      this.persist(groupId, [...tombstones, { type: 'group', groupId, value: null }], false);
      this.removeGroup(g);
      return { groupId, errorCode: 0 };
    });
    return { results, effects: this.finish() };
  }

  /** OffsetDelete: refused for topics the group's members subscribe to. */
  deleteOffsets(groupId: string, partitions: readonly { topic: string; partition: number }[]): {
    errorCode: number;
    results: { topic: string; partition: number; errorCode: number }[];
    effects: Effect[];
  } {
    const g = this.groups.get(groupId);
    const fail = (error: ErrorName): { errorCode: number; results: []; effects: Effect[] } => ({ errorCode: ErrorCode[error], results: [], effects: this.finish() });
    if (!g || g.is(GroupState.Dead)) return fail('GROUP_ID_NOT_FOUND');
    if (!g.is(GroupState.Empty) && g.protocolType !== 'consumer') return fail('NON_EMPTY_GROUP');
    const results = partitions.map(({ topic, partition }) => ({
      topic,
      partition,
      errorCode: !g.is(GroupState.Empty) && g.isSubscribedToTopic(topic) ? ErrorCode.GROUP_SUBSCRIBED_TO_TOPIC : 0,
    }));
    const keys = results.filter((r) => r.errorCode === 0).map((r) => partitionKey(r.topic, r.partition)).filter((k) => g.offsets.has(k));
    if (keys.length > 0) {
      this.persist(groupId, this.offsetTombstones(g, keys), false);
      for (const k of keys) g.offsets.delete(k);
    }
    this.touch(g);
    return { errorCode: 0, results, effects: this.finish() };
  }

  private offsetTombstones(g: ClassicGroup, keys: readonly string[]): CoordinatorRecord[] {
    return keys.map((k) => ({ type: 'offset', groupId: g.groupId, ...splitPartitionKey(k), value: null }));
  }

  /** Kafka's removeExpiredOffsets + cleanupGroupMetadata, run every offsets.retention.check.interval.ms. */
  protected override expireOffsets(): void {
    const now = this.now();
    const retention = this.config.offsetsRetentionMs;
    for (const g of [...this.groups.values()]) {
      let base: ((o: CommittedOffset) => number) | undefined;
      let subscribed: Set<string> | undefined;
      if (g.protocolType !== null && g.is(GroupState.Empty)) {
        // Retention counts from the moment the group became empty.
        base = () => g.stateTimestamp;
      } else if (g.protocolType === 'consumer' && g.subscribedTopics !== undefined && g.is(GroupState.Stable)) {
        base = (o) => Number(o.commitTimestamp);
        subscribed = g.subscribedTopics;
      } else if (g.protocolType === null) {
        base = (o) => Number(o.commitTimestamp);
      }
      const expired: string[] = [];
      if (base) {
        for (const [key, o] of g.offsets) {
          if (subscribed?.has(splitPartitionKey(key).topic)) continue;
          const gone = o.expireTimestamp === -1n ? now - base(o) >= retention : BigInt(now) >= o.expireTimestamp;
          if (gone) expired.push(key);
        }
      }
      const records = this.offsetTombstones(g, expired);
      for (const k of expired) g.offsets.delete(k);
      if (g.is(GroupState.Empty) && g.offsets.size === 0 && g.pendingMembers.size === 0) {
        records.push({ type: 'group', groupId: g.groupId, value: null });
        this.removeGroup(g);
      }
      if (records.length > 0) this.persist(g.groupId, records, false);
    }
  }

  /** The live records of the selected groups: what a compacted __consumer_offsets would keep of them. */
  snapshot(select: (groupId: string) => boolean): CoordinatorRecord[] {
    const out: CoordinatorRecord[] = [];
    for (const g of this.groups.values()) {
      if (!select(g.groupId)) continue;
      if (g.storedValue) out.push({ type: 'group', groupId: g.groupId, value: g.storedValue });
      for (const [key, o] of g.offsets) {
        const { offset, leaderEpoch, metadata, commitTimestamp, expireTimestamp } = o;
        out.push({ type: 'offset', groupId: g.groupId, ...splitPartitionKey(key), value: { offset, leaderEpoch, metadata, commitTimestamp, expireTimestamp } });
      }
    }
    return out;
  }

  /**
   * Rebuilds groups and offsets from replayed __consumer_offsets records (in log order). Groups with members
   * come back Stable; their members must heartbeat within a session timeout or are removed.
   */
  load(records: Iterable<CoordinatorRecord>): Effect[] {
    const values = new Map<string, GroupRecordValue | null>();
    const offsets = new Map<string, Map<string, StoredOffset>>();
    for (const r of records) {
      if (r.type === 'group') {
        values.set(r.groupId, r.value);
        continue;
      }
      let forGroup = offsets.get(r.groupId);
      if (!forGroup) offsets.set(r.groupId, (forGroup = new Map()));
      if (r.value) forGroup.set(partitionKey(r.topic, r.partition), r.value);
      else forGroup.delete(partitionKey(r.topic, r.partition));
    }
    const now = this.now();
    const ids = new Set([...values].filter(([, v]) => v !== null).map(([id]) => id));
    for (const [id, o] of offsets) if (o.size > 0) ids.add(id);
    for (const id of ids) {
      const g = new ClassicGroup(id, now);
      const value = values.get(id);
      if (value) this.restoreGroup(g, value);
      for (const [key, o] of offsets.get(id) ?? []) g.offsets.set(key, { ...o, seq: 0 });
      this.groups.set(id, g);
      this.touch(g);
    }
    return this.finish();
  }

  private restoreGroup(g: ClassicGroup, v: GroupRecordValue): void {
    g.storedValue = v;
    g.generationId = v.generation;
    g.protocolType = v.protocolType === '' ? null : v.protocolType;
    g.protocolName = v.protocol;
    if (v.currentStateTimestamp >= 0n) g.stateTimestamp = Number(v.currentStateTimestamp);
    for (const r of v.members) {
      g.add({
        memberId: r.memberId,
        groupInstanceId: r.groupInstanceId,
        clientId: r.clientId,
        clientHost: r.clientHost,
        rebalanceTimeoutMs: r.rebalanceTimeoutMs,
        sessionTimeoutMs: r.sessionTimeoutMs,
        protocolType: v.protocolType,
        protocols: [{ name: v.protocol ?? '', metadata: r.subscription }],
        assignment: r.assignment,
        joinTicket: undefined,
        syncTicket: undefined,
        isNew: false,
        heartbeatDeadline: this.now() + r.sessionTimeoutMs,
      });
    }
    g.leaderId = v.leader;
    if (g.members.size > 0) g.state = GroupState.Stable;
    g.computeSubscribedTopics();
  }
}
